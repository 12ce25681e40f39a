import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFER_PROPOSAL_STATUSES } from './offer.schema.ts';
import { canMoveProposal, computeOfferDurationMonths, FINAL_PROPOSAL_STATUSES } from './offer.ts';

describe('offer proposal moves', () => {
  it('goes proposed → interviewing → a decision', () => {
    expect(canMoveProposal('proposed', 'interviewing')).toBe(true);
    expect(canMoveProposal('interviewing', 'accepted')).toBe(true);
    expect(canMoveProposal('proposed', 'not_retained')).toBe(true);
    expect(canMoveProposal('interviewing', 'proposed')).toBe(false);
  });

  it('never leaves a decision, never stays in place (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OFFER_PROPOSAL_STATUSES),
        fc.constantFrom(...OFFER_PROPOSAL_STATUSES),
        (from, to) => {
          if (FINAL_PROPOSAL_STATUSES.includes(from) || from === to) {
            expect(canMoveProposal(from, to)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('offer duration', () => {
  it('counts whole months, end day included', () => {
    expect(computeOfferDurationMonths('2027-01-04', '2027-07-03')).toBe(6);
    expect(computeOfferDurationMonths('2027-01-04', '2027-07-02')).toBe(5);
    expect(computeOfferDurationMonths('2027-01-04', '2027-01-10')).toBe(1);
  });
});
