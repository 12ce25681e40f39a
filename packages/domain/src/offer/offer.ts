import { addDays, monthsBetween } from '../calendar/calendar.ts';
import type { OfferProposalStatus } from './offer.schema.ts';

/** proposed → interviewing → accepted | declined | not_retained; a decision is final. */
const PROPOSAL_MOVES: Readonly<Record<OfferProposalStatus, readonly OfferProposalStatus[]>> = {
  proposed: ['interviewing', 'accepted', 'declined', 'not_retained'],
  interviewing: ['accepted', 'declined', 'not_retained'],
  accepted: [],
  declined: [],
  not_retained: [],
};

export const FINAL_PROPOSAL_STATUSES: readonly OfferProposalStatus[] = [
  'accepted',
  'declined',
  'not_retained',
];

export function canMoveProposal(from: OfferProposalStatus, to: OfferProposalStatus): boolean {
  return PROPOSAL_MOVES[from].includes(to);
}

export function listProposalMoves(from: OfferProposalStatus): readonly OfferProposalStatus[] {
  return PROPOSAL_MOVES[from];
}

/** Whole months an offer's dates span, end day included (4 Jan → 3 Jul is 6 months); at least 1. */
export function computeOfferDurationMonths(startDate: string, endDate: string): number {
  return Math.max(1, monthsBetween(startDate, addDays(endDate, 1)));
}
