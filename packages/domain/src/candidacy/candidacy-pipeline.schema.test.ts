import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateFactsSchema } from '../candidate/candidate.schema.ts';
import { PAGE_LIMIT_DEFAULT } from '../shared/common.schema.ts';
import { CANDIDACY_STAGES, REJECTION_REASONS, WITHDRAWAL_REASONS } from './candidacy.schema.ts';
import {
  BULK_TRANSITION_MAX,
  BulkTransitionResultSchema,
  CandidacyBulkTransitionSchema,
  CandidacyListQuerySchema,
  CandidacyTransitionSchema,
  CreateCandidacyNoteSchema,
  CreateCandidacyScorecardSchema,
  FactParamsSchema,
  FactVerificationSchema,
  PutEligibilityDecisionSchema,
  UpdateCandidacySchema,
  VERIFIABLE_FACTS,
} from './candidacy-pipeline.schema.ts';

const ID_A = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';
const ID_B = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b';

function uuid(index: number): string {
  return `019ac1f2-7b3e-7c41-9a55-${index.toString(16).padStart(12, '0')}`;
}

describe('CandidacyListQuerySchema', () => {
  it('defaults to the first page, newest submissions first', () => {
    expect(CandidacyListQuerySchema.parse({})).toEqual({ limit: PAGE_LIMIT_DEFAULT, sort: '-submittedAt' });
  });

  it('coerces the page size from the query string and bounds it', () => {
    expect(CandidacyListQuerySchema.parse({ limit: '20' }).limit).toBe(20);
    for (const limit of ['0', '201', '2.5', 'ten']) {
      expect(CandidacyListQuerySchema.safeParse({ limit }).error?.issues[0]?.path).toEqual(['limit']);
    }
  });

  it.each([
    ['screening', ['screening']],
    ['screening,interview', ['screening', 'interview']],
    [' screening , interview ,', ['screening', 'interview']],
    [
      ['screening', 'interview,admitted'],
      ['screening', 'interview', 'admitted'],
    ],
  ])('reads the stages %j given once, repeated or comma-separated', (stage, expected) => {
    expect(CandidacyListQuerySchema.parse({ stage }).stage).toEqual(expected);
  });

  it('reads any list of known stages, however it is written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CANDIDACY_STAGES), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('repeated', 'commas', 'mixed'),
        (stages, form) => {
          const stage =
            form === 'repeated' ? stages : form === 'commas' ? stages.join(',') : [stages.join(' , '), ''];
          expect(CandidacyListQuerySchema.parse({ stage }).stage).toEqual(stages);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses an empty list, an unknown stage and more than 20 stages', () => {
    expect(CandidacyListQuerySchema.safeParse({ stage: ' , ' }).error?.issues[0]?.path).toEqual(['stage']);
    expect(CandidacyListQuerySchema.safeParse({ stage: 'screening,hired' }).error?.issues[0]?.path).toEqual([
      'stage',
      1,
    ]);
    const tooMany = Array.from({ length: 21 }, () => 'screening').join(',');
    expect(CandidacyListQuerySchema.safeParse({ stage: tooMany }).error?.issues[0]?.code).toBe('too_big');
  });

  it('trims the search text and needs two characters', () => {
    expect(CandidacyListQuerySchema.parse({ q: '  Di ' }).q).toBe('Di');
    expect(CandidacyListQuerySchema.safeParse({ q: ' D ' }).error?.issues[0]?.path).toEqual(['q']);
  });

  it('accepts submission bounds as UTC instants or calendar dates', () => {
    const parsed = CandidacyListQuerySchema.parse({
      submittedFrom: '2026-01-01',
      submittedTo: '2026-01-31T23:59:59.999Z',
    });
    expect(parsed.submittedFrom).toBe('2026-01-01');
    expect(parsed.submittedTo).toBe('2026-01-31T23:59:59.999Z');
    for (const submittedFrom of ['2026-01-01T10:00:00+02:00', '2026-13-01', '01/01/2026']) {
      expect(CandidacyListQuerySchema.safeParse({ submittedFrom }).success).toBe(false);
    }
  });

  it('refuses an unknown sort key, criterion or eligibility status', () => {
    expect(CandidacyListQuerySchema.parse({ sort: 'lastName' }).sort).toBe('lastName');
    for (const query of [
      { sort: 'firstName' },
      { criterion: 'tall' },
      { eligible: 'maybe' },
      { source: ' ' },
    ]) {
      expect(CandidacyListQuerySchema.safeParse(query).success).toBe(false);
    }
  });
});

describe('CandidacyTransitionSchema', () => {
  it('accepts a move with a shortcut reason of either kind', () => {
    for (const reason of [...REJECTION_REASONS, ...WITHDRAWAL_REASONS]) {
      expect(CandidacyTransitionSchema.parse({ to: 'rejected', reason }).reason).toBe(reason);
    }
    expect(CandidacyTransitionSchema.safeParse({ to: 'rejected', reason: 'bored' }).success).toBe(false);
  });

  it('trims the comment and bounds it to 1000 characters', () => {
    expect(CandidacyTransitionSchema.parse({ to: 'screening', comment: '  back  ' }).comment).toBe('back');
    expect(CandidacyTransitionSchema.safeParse({ to: 'screening', comment: 'x'.repeat(1001) }).success).toBe(
      false,
    );
  });

  it('requires a comment for a rejection with reason other', () => {
    const result = CandidacyTransitionSchema.safeParse({ to: 'rejected', rejection: { reason: 'other' } });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['rejection', 'comment'], 'candidacy.comment_required'],
    ]);
  });
});

describe('CandidacyBulkTransitionSchema', () => {
  it('moves distinct candidacies', () => {
    expect(CandidacyBulkTransitionSchema.parse({ to: 'screening', ids: [ID_A, ID_B] }).ids).toEqual([
      ID_A,
      ID_B,
    ]);
  });

  it('refuses an id given twice with ids.duplicated', () => {
    const result = CandidacyBulkTransitionSchema.safeParse({ to: 'screening', ids: [ID_A, ID_B, ID_A] });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['ids'], 'ids.duplicated'],
    ]);
  });

  it(`takes between 1 and ${BULK_TRANSITION_MAX} ids`, () => {
    const ids = Array.from({ length: BULK_TRANSITION_MAX + 1 }, (_, index) => uuid(index));
    expect(CandidacyBulkTransitionSchema.safeParse({ to: 'screening', ids: [] }).success).toBe(false);
    expect(CandidacyBulkTransitionSchema.safeParse({ to: 'screening', ids: ids.slice(1) }).success).toBe(
      true,
    );
    expect(CandidacyBulkTransitionSchema.safeParse({ to: 'screening', ids }).error?.issues[0]?.code).toBe(
      'too_big',
    );
  });

  it('reports one result per id, moved or refused', () => {
    const results = {
      results: [
        { id: ID_A, status: 'moved', version: 3 },
        { id: ID_B, status: 'refused', problem: { code: 'conflict', detail: 'stale' } },
      ],
    };
    expect(BulkTransitionResultSchema.parse(results)).toEqual(results);
    expect(BulkTransitionResultSchema.safeParse({ results: [{ id: ID_A, status: 'skipped' }] }).success).toBe(
      false,
    );
  });
});

describe('candidacy edits', () => {
  it('accepts an empty partial update and a cleared referrer', () => {
    expect(UpdateCandidacySchema.parse({})).toEqual({});
    expect(UpdateCandidacySchema.parse({ referrerPartnerId: null, source: ' import ' })).toEqual({
      referrerPartnerId: null,
      source: 'import',
    });
  });

  it('refuses a blank source, a version below 1 and a verified fact without proof', () => {
    expect(UpdateCandidacySchema.safeParse({ source: '  ' }).error?.issues[0]?.path).toEqual(['source']);
    expect(UpdateCandidacySchema.safeParse({ version: 0 }).error?.issues[0]?.path).toEqual(['version']);
    const facts = { rsaBeneficiary: { value: true, origin: 'verified' } };
    expect(UpdateCandidacySchema.safeParse({ facts }).error?.issues.map((issue) => issue.message)).toEqual([
      'fact.proof_required',
    ]);
  });

  it('trims a note and refuses a blank one', () => {
    expect(CreateCandidacyNoteSchema.parse({ body: '  Called back.  ' })).toEqual({ body: 'Called back.' });
    expect(CreateCandidacyNoteSchema.safeParse({ body: ' \n ' }).success).toBe(false);
  });

  it('needs a derogation reason of three characters or more, once trimmed', () => {
    expect(PutEligibilityDecisionSchema.parse({ status: 'eligible', reason: ' RQTH ' }).reason).toBe('RQTH');
    expect(PutEligibilityDecisionSchema.safeParse({ status: 'eligible', reason: ' ok ' }).success).toBe(
      false,
    );
    expect(PutEligibilityDecisionSchema.safeParse({ status: 'unknown', reason: 'because' }).success).toBe(
      false,
    );
  });

  it('takes a scorecard without its candidacy, which comes from the path', () => {
    const scorecard = {
      candidacyId: ID_A,
      step: 'interview',
      scores: [{ item: 'motivation', score: 4, maxScore: 5 }],
      recommendation: 'admit',
    };
    expect(CreateCandidacyScorecardSchema.parse(scorecard)).toEqual({
      step: 'interview',
      scores: [{ item: 'motivation', score: 4, maxScore: 5 }],
      recommendation: 'admit',
      comment: null,
    });
    const tooHigh = { ...scorecard, scores: [{ item: 'logic', score: 6, maxScore: 5 }] };
    expect(
      CreateCandidacyScorecardSchema.safeParse(tooHigh).error?.issues.map((issue) => [
        issue.path,
        issue.message,
      ]),
    ).toEqual([[['scores', 0, 'score'], 'scorecard.score_above_max']]);
  });
});

describe('fact verification', () => {
  it('verifies exactly the candidate facts', () => {
    expect([...VERIFIABLE_FACTS].sort()).toEqual(Object.keys(CandidateFactsSchema.shape).sort());
    expect(FactParamsSchema.parse({ id: ID_A, fact: 'qpv' })).toEqual({ id: ID_A, fact: 'qpv' });
    expect(FactParamsSchema.safeParse({ id: ID_A, fact: 'email' }).error?.issues[0]?.path).toEqual(['fact']);
  });

  it('records the proof type, the document date and a trimmed note', () => {
    expect(
      FactVerificationSchema.parse({
        proofType: 'caf_certificate',
        documentDate: '2026-01-10',
        note: ' ok ',
      }),
    ).toEqual({ proofType: 'caf_certificate', documentDate: '2026-01-10', note: 'ok' });
    for (const verification of [
      { proofType: 'selfie', documentDate: '2026-01-10' },
      { proofType: 'diploma', documentDate: '10/01/2026' },
      { proofType: 'diploma', documentDate: '2026-01-10', note: 'x'.repeat(501) },
    ]) {
      expect(FactVerificationSchema.safeParse(verification).success).toBe(false);
    }
  });
});
