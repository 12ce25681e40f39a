import crypto from 'node:crypto';
import type { EligibilityRules } from '@passerelle/domain/eligibility/eligibility.schema';
import { createDefaultRules } from '@passerelle/domain/eligibility/eligibility-policy';
import type { Database } from '../../src/db/client.ts';
import {
  candidacies,
  candidates,
  eligibilityPolicies,
  eligibilityPolicyVersions,
  programs,
  sessions,
} from '../../src/db/schema/index.ts';
import { buildSearchText } from '../../src/plugins/app/candidates/candidate-search.ts';

const unique = () => crypto.randomBytes(4).toString('hex');

/** A policy at version 1 with the default rules of domain.md, or the given ones. */
export async function createPolicy(
  db: Database,
  rules: EligibilityRules = createDefaultRules(),
  name = 'Politique',
) {
  const [policy] = await db.insert(eligibilityPolicies).values({ name }).returning();
  if (!policy) throw new Error('no policy');
  await db
    .insert(eligibilityPolicyVersions)
    .values({ policyId: policy.id, version: 1, name, rules: { ...rules } });
  return policy;
}

export async function createProgram(db: Database, overrides: Partial<typeof programs.$inferInsert> = {}) {
  const [program] = await db
    .insert(programs)
    .values({
      title: `Développeur·se web ${unique()}`,
      kind: 'qualifying_free',
      durationHours: 700,
      ...overrides,
    })
    .returning();
  if (!program) throw new Error('no program');
  return program;
}

/** A recruiting session of the fabrique, open today, with its own program and policy unless given. */
export async function createSession(
  db: Database,
  fabriqueId: string,
  overrides: Partial<typeof sessions.$inferInsert> = {},
) {
  const programId = overrides.programId ?? (await createProgram(db)).id;
  const eligibilityPolicyId = overrides.eligibilityPolicyId ?? (await createPolicy(db)).id;
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const [session] = await db
    .insert(sessions)
    .values({
      fabriqueId,
      programId,
      eligibilityPolicyId,
      name: `Promo ${unique()}`,
      status: 'recruiting',
      applicationOpensOn: day(-10),
      applicationClosesOn: day(20),
      startDate: day(40),
      endDate: day(220),
      capacity: 20,
      ...overrides,
    })
    .returning();
  if (!session) throw new Error('no session');
  return session;
}

export async function createCandidate(db: Database, overrides: Partial<typeof candidates.$inferInsert> = {}) {
  const suffix = unique();
  const firstName = overrides.firstName ?? 'Inès';
  const lastName = overrides.lastName ?? `Martin-${suffix}`;
  const email = overrides.email === undefined ? `ines.${suffix}@example.test` : overrides.email;
  const phone = overrides.phone ?? null;
  const [candidate] = await db
    .insert(candidates)
    .values({
      firstName,
      lastName,
      email,
      phone,
      facts: { birthDate: { value: '2004-05-12', origin: 'declared' } },
      consent: {
        acceptedAt: new Date().toISOString(),
        privacyNoticeVersion: '2026-11',
        futureContact: false,
      },
      searchText: buildSearchText({ firstName, lastName, email, phone }),
      ...overrides,
    })
    .returning();
  if (!candidate) throw new Error('no candidate');
  return candidate;
}

/** A candidacy of a new candidate (unless given) to the session, at the given stage. */
export async function createCandidacy(
  db: Database,
  session: { id: string; fabriqueId: string },
  overrides: Partial<typeof candidacies.$inferInsert> = {},
) {
  const candidateId = overrides.candidateId ?? (await createCandidate(db)).id;
  const [candidacy] = await db
    .insert(candidacies)
    .values({
      sessionId: session.id,
      fabriqueId: session.fabriqueId,
      candidateId,
      applicationDate: new Date().toISOString().slice(0, 10),
      ...overrides,
    })
    .returning();
  if (!candidacy) throw new Error('no candidacy');
  return candidacy;
}
