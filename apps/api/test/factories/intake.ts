import crypto from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { auditLog, candidacies, candidacyEvents, candidates } from '../../src/db/schema/index.ts';

const unique = () => crypto.randomBytes(4).toString('hex');

/** A valid public application body: an 22-year-old job seeker with a bac, reachable by e-mail. */
export function applicationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    firstName: '  Élodie ',
    lastName: 'N’Diaye',
    email: `Elodie.${unique()}@Example.TEST`,
    birthDate: '2004-03-01',
    gender: 'female',
    address: { street: '12 rue de Lannoy', postalCode: '59100', inseeCode: '59512' },
    diploma: { highestLevel: '4' },
    employmentSituation: 'job_seeker',
    jobSeeker: { registered: true, category: 'A' },
    rsaBeneficiary: false,
    answers: [{ questionId: 'motivation', answer: 'Je veux devenir développeuse.' }],
    source: { kind: 'mission_locale' },
    consent: { privacyNoticeVersion: '2026-11', futureContact: true },
    ...overrides,
  };
}

/** Rows in the tables an intake writes, to prove that something wrote nothing. */
export async function countIntakeRows(db: Database) {
  const [candidateCount] = await db.select({ n: count() }).from(candidates);
  const [candidacyCount] = await db.select({ n: count() }).from(candidacies);
  const [eventCount] = await db.select({ n: count() }).from(candidacyEvents);
  const [auditCount] = await db.select({ n: count() }).from(auditLog);
  return {
    candidates: candidateCount?.n,
    candidacies: candidacyCount?.n,
    events: eventCount?.n,
    audit: auditCount?.n,
  };
}

let ipCounter = 0;
/** A fresh client address, so that per-IP rate limits of public routes do not mix tests. */
export function nextIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}
