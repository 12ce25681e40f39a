import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../auth/auth.schema.ts';
import '../candidacy/candidacy.schema.ts';
import '../candidate/candidate.schema.ts';
import '../eligibility/eligibility-policy.schema.ts';
import '../fabrique/fabrique.schema.ts';
import '../follow-up/follow-up.schema.ts';
import '../outcome/outcome.schema.ts';
import '../partner/partner.schema.ts';
import '../program/program.schema.ts';
import '../session/session.schema.ts';
import '../user/user.schema.ts';
import { CreateFundingSchema, FundingSchema } from '../funding/funding.schema.ts';
import { CreateOfferSchema, UpdateOfferSchema } from '../offer/offer.schema.ts';
import { CreatePartnerSchema } from '../partner/partner.schema.ts';
import { CreatePlacementSchema, PlacementSchema } from '../placement/placement.schema.ts';
import { CreateProgramSchema, UpdateProgramSchema } from '../program/program.schema.ts';
import { CreateScorecardSchema, sumScores } from '../scorecard/scorecard.schema.ts';

const ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';

describe('the schema registry', () => {
  it('registers every entity with an id, and renders each as JSON Schema', () => {
    // zod refuses a duplicate id when the module registers it, so importing them all checks uniqueness.
    const ids = [...z.globalRegistry._idmap.keys()];
    expect(() => z.toJSONSchema(z.globalRegistry, { unrepresentable: 'any', io: 'input' })).not.toThrow();
    expect(() => z.toJSONSchema(z.globalRegistry, { unrepresentable: 'any', io: 'output' })).not.toThrow();
    for (const id of [
      'Program',
      'Session',
      'Candidate',
      'CandidateFacts',
      'Candidacy',
      'EligibilityPolicy',
      'EligibilityEvaluation',
      'Scorecard',
      'Placement',
      'FollowUp',
      'Partner',
      'Offer',
      'Funding',
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe('entity input schemas', () => {
  it('require an RNCP code and level for certifying programs', () => {
    expect(
      CreateProgramSchema.safeParse({ title: 'Développeur web', kind: 'qualifying_free', durationHours: 700 })
        .success,
    ).toBe(true);
    const certifying = { title: 'Concepteur développeur', kind: 'certifying_paid', durationHours: 1200 };
    expect(CreateProgramSchema.safeParse(certifying).error?.issues[0]?.message).toBe('program.rncp_required');
    expect(CreateProgramSchema.parse({ ...certifying, rncpCode: 'rncp37873', rncpLevel: 6 }).rncpCode).toBe(
      'RNCP37873',
    );
    expect(UpdateProgramSchema.safeParse({ kind: 'certifying_paid' }).success).toBe(false);
  });

  it('check placements', () => {
    const base = { candidacyId: ID, kind: 'cdd', employerName: 'OVH', startDate: '2027-04-01' };
    const messages = (input: object) =>
      CreatePlacementSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.message);
    expect(messages({ durationMonths: 6 })).toBeUndefined();
    expect(messages({})).toEqual(['placement.duration_required']);
    expect(messages({ durationMonths: 6, endDate: '2027-01-01' })).toEqual(['placement.dates_inverted']);
    expect(messages({ kind: 'cdi', employerName: null })).toEqual(['placement.employer_required']);
    expect(messages({ kind: 'freelance', employerName: null })).toBeUndefined();
    expect(PlacementSchema.safeParse({}).success).toBe(false);
  });

  it('check offers, partners, fundings and scorecards', () => {
    const offer = {
      partnerId: ID,
      title: 'Stage développeur',
      kind: 'internship',
      startDate: '2027-04-01',
      endDate: '2027-03-01',
    };
    expect(CreateOfferSchema.safeParse(offer).error?.issues[0]?.message).toBe('offer.dates_inverted');
    expect(UpdateOfferSchema.safeParse({ positions: 2 }).success).toBe(true);
    expect(
      CreatePartnerSchema.parse({
        name: 'Mission Locale Roubaix',
        kind: 'employment_service',
        contacts: [{ name: 'A', email: ' A@B.FR ' }],
      }).contacts[0]?.email,
    ).toBe('a@b.fr');
    expect(
      CreateFundingSchema.parse({
        sessionId: ID,
        partnerId: ID,
        amountCents: 5_000_000,
        scheme: 'Plan régional',
      }).auditRetentionYears,
    ).toBe(10);
    expect(FundingSchema.safeParse({}).success).toBe(false);
    const scorecard = {
      candidacyId: ID,
      step: 'interview',
      recommendation: 'admit',
      scores: [{ item: 'motivation', score: 6, maxScore: 5 }],
    };
    expect(CreateScorecardSchema.safeParse(scorecard).error?.issues[0]?.message).toBe(
      'scorecard.score_above_max',
    );
    expect(
      sumScores([
        { score: 3, maxScore: 5 },
        { score: 4, maxScore: 5 },
      ]),
    ).toEqual({ total: 7, maxTotal: 10 });
  });
});
