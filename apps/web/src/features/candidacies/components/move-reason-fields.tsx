import { Checkbox, NativeSelect, Stack, Textarea } from '@mantine/core';
import { isReopening } from '@passerelle/domain/candidacy/candidacy';
import {
  type CandidacyStage,
  REJECTION_REASONS,
  RejectionReasonSchema,
  WITHDRAWAL_REASONS,
  WithdrawalReasonSchema,
} from '@passerelle/domain/candidacy/candidacy.schema';
import type { CandidacyTransition } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { useTranslation } from 'react-i18next';

export interface MoveReason {
  rejectionReason: string;
  withdrawalReason: string;
  comment: string;
  shareReasonWithCandidate: boolean;
}

export const EMPTY_MOVE_REASON: MoveReason = {
  rejectionReason: '',
  withdrawalReason: '',
  comment: '',
  shareReasonWithCandidate: false,
};

// `auto_closed` is what the system writes; a person picks a real reason.
const PICKABLE_REJECTION_REASONS = REJECTION_REASONS.filter((reason) => reason !== 'auto_closed');

export type MoveReasonError = 'rejectionReason' | 'withdrawalReason' | 'comment';

/** What is missing before the move can be sent (the server checks again). */
export function checkMoveReason(
  from: CandidacyStage | null,
  to: CandidacyStage,
  reason: MoveReason,
): MoveReasonError | null {
  if (to === 'rejected') {
    if (!reason.rejectionReason) return 'rejectionReason';
    if (reason.rejectionReason === 'other' && !reason.comment.trim()) return 'comment';
  }
  if (to === 'withdrawn') {
    if (!reason.withdrawalReason) return 'withdrawalReason';
    if (reason.withdrawalReason === 'other' && !reason.comment.trim()) return 'comment';
  }
  if (from && isReopening(from, to) && !reason.comment.trim()) return 'comment';
  return null;
}

/** The body of a move (without `version`), from the reason typed. */
export function buildMove(to: CandidacyStage, reason: MoveReason): Omit<CandidacyTransition, 'version'> {
  const comment = reason.comment.trim() || undefined;
  if (to === 'rejected') {
    const parsed = RejectionReasonSchema.safeParse(reason.rejectionReason);
    return {
      to,
      ...(parsed.success
        ? {
            rejection: {
              reason: parsed.data,
              comment,
              isSharedWithCandidate: reason.shareReasonWithCandidate,
            },
          }
        : {}),
      comment,
      shareReasonWithCandidate: reason.shareReasonWithCandidate,
    };
  }
  if (to === 'withdrawn') {
    const parsed = WithdrawalReasonSchema.safeParse(reason.withdrawalReason);
    return { to, ...(parsed.success ? { withdrawalReason: parsed.data } : {}), comment };
  }
  return { to, comment };
}

interface MoveReasonFieldsProps {
  from: CandidacyStage | null;
  to: CandidacyStage;
  value: MoveReason;
  onChange: (value: MoveReason) => void;
  error: MoveReasonError | null;
}

export function MoveReasonFields({ from, to, value, onChange, error }: MoveReasonFieldsProps) {
  const { t } = useTranslation();
  const needsComment =
    (to === 'rejected' && value.rejectionReason === 'other') ||
    (to === 'withdrawn' && value.withdrawalReason === 'other') ||
    (from !== null && isReopening(from, to));

  return (
    <Stack gap="sm">
      {to === 'rejected' && (
        <>
          <NativeSelect
            label={t('candidacies.move.rejectionReason')}
            required
            value={value.rejectionReason}
            error={error === 'rejectionReason' ? t('candidacies.move.reasonRequired') : undefined}
            data={[
              { value: '', label: t('candidacies.move.pickReason') },
              ...PICKABLE_REJECTION_REASONS.map((reason) => ({
                value: reason,
                label: t(`candidacies.rejectionReasons.${reason}`),
              })),
            ]}
            onChange={(event) => onChange({ ...value, rejectionReason: event.currentTarget.value })}
          />
          <Checkbox
            label={t('candidacies.move.shareWithCandidate')}
            checked={value.shareReasonWithCandidate}
            onChange={(event) =>
              onChange({ ...value, shareReasonWithCandidate: event.currentTarget.checked })
            }
          />
        </>
      )}
      {to === 'withdrawn' && (
        <NativeSelect
          label={t('candidacies.move.withdrawalReason')}
          required
          value={value.withdrawalReason}
          error={error === 'withdrawalReason' ? t('candidacies.move.reasonRequired') : undefined}
          data={[
            { value: '', label: t('candidacies.move.pickReason') },
            ...WITHDRAWAL_REASONS.map((reason) => ({
              value: reason,
              label: t(`candidacies.withdrawalReasons.${reason}`),
            })),
          ]}
          onChange={(event) => onChange({ ...value, withdrawalReason: event.currentTarget.value })}
        />
      )}
      <Textarea
        label={t('candidacies.move.comment')}
        description={
          needsComment ? t('candidacies.move.commentRequired') : t('candidacies.move.commentOptional')
        }
        required={needsComment}
        autosize
        minRows={2}
        maxLength={1000}
        value={value.comment}
        error={error === 'comment' ? t('candidacies.move.commentMissing') : undefined}
        onChange={(event) => onChange({ ...value, comment: event.currentTarget.value })}
      />
    </Stack>
  );
}
