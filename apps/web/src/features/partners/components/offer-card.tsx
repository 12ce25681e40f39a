import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { listProposalMoves } from '@passerelle/domain/offer/offer';
import type { Offer, OfferProposal, OfferProposalStatus } from '@passerelle/domain/offer/offer.schema';
import { placementKindForOffer } from '@passerelle/domain/placement/placement';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { AnchorLink } from '../../../components/ui/router-links';
import { isApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/problem-message';
import { useLearnerChoices } from '../api/get-learner-choices';
import { useOfferProposals, useProposeLearner, useUpdateProposal } from '../api/offer-proposals';
import { useUpdateOffer } from '../api/save-offer';

const STATUS_COLORS: Record<OfferProposalStatus, string> = {
  proposed: 'gray',
  interviewing: 'blue',
  accepted: 'teal',
  declined: 'orange',
  not_retained: 'red',
};

function describeRefusal(error: unknown, t: Parameters<typeof describeError>[1]) {
  if (isApiError(error) && error.problem.detail && (error.status === 409 || error.status === 422)) {
    return error.problem.detail;
  }
  return describeError(error, t);
}

/** An offer, its learners and their outcome; accepting one creates their placement. */
export function OfferCard({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const proposalsQuery = useOfferProposals(offer.id);
  const learnersQuery = useLearnerChoices(offer.fabriqueId);
  const proposeMutation = useProposeLearner(offer.partnerId, offer.id);
  const updateMutation = useUpdateProposal(offer.partnerId, offer.id);
  const offerMutation = useUpdateOffer(offer.partnerId);
  const [candidacyId, setCandidacyId] = useState('');
  // The proposal being accepted stays set while its dialog closes, so the title does not flicker.
  const [accepting, setAccepting] = useState<OfferProposal | null>(null);
  const [isAcceptOpen, setIsAcceptOpen] = useState(false);
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const date = (value: string) => formatDate.format(new Date(`${value}T12:00:00`));
  const proposals = proposalsQuery.data ?? [];
  const proposed = new Set(proposals.map((proposal) => proposal.candidacyId));
  const learners = (learnersQuery.data ?? []).filter((learner) => !proposed.has(learner.candidacyId));
  const titleId = `offer-${offer.id}`;

  const move = (proposal: OfferProposal, status: OfferProposalStatus) => {
    if (status === 'accepted') {
      setAccepting(proposal);
      setIsAcceptOpen(true);
      return;
    }
    updateMutation.mutate({ proposalId: proposal.id, body: { status, version: proposal.version } });
  };

  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Group gap="xs">
            <Title order={3} fz="md" id={titleId}>
              {offer.title}
            </Title>
            <Badge variant="dot" radius="sm" tt="none" fw={600}>
              {t(`partners.offer.kinds.${offer.kind}`)}
            </Badge>
            <Badge variant="dot" radius="sm" tt="none" fw={600} color={offer.isOpen ? 'teal' : 'gray'}>
              {offer.isOpen ? t('partners.offer.open') : t('partners.offer.closed')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {[
              t('partners.offer.positions', { count: offer.positions }),
              offer.startDate && offer.endDate
                ? t('partners.offer.dates', { from: date(offer.startDate), to: date(offer.endDate) })
                : offer.startDate
                  ? t('partners.offer.from', { from: date(offer.startDate) })
                  : null,
              offer.skills.join(', ') || null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Button
          size="xs"
          variant="subtle"
          loading={offerMutation.isPending}
          onClick={() =>
            offerMutation.mutate({ id: offer.id, body: { isOpen: !offer.isOpen, version: offer.version } })
          }
        >
          {offer.isOpen ? t('partners.offer.close') : t('partners.offer.reopen')}
        </Button>
      </Group>
      <Text size="sm" fw={600} mb={4}>
        {t('partners.offer.proposals')}
      </Text>
      {proposalsQuery.isError ? (
        <ErrorState error={proposalsQuery.error} onRetry={() => void proposalsQuery.refetch()} />
      ) : proposals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {proposalsQuery.isPending ? t('common.loading') : t('partners.offer.noProposals')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {proposals.map((proposal) => {
              const name = `${proposal.learner.firstName} ${proposal.learner.lastName}`;
              const moves = listProposalMoves(proposal.status);
              return (
                <Table.Tr key={proposal.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/candidatures/$candidacyId"
                      params={{ candidacyId: proposal.candidacyId }}
                      size="sm"
                    >
                      {name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {proposal.sessionName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={STATUS_COLORS[proposal.status]}
                      variant="dot"
                      radius="sm"
                      tt="none"
                      fw={600}
                    >
                      {t(`partners.offer.statuses.${proposal.status}`)}
                    </Badge>
                    {proposal.placementId && (
                      <Text size="xs" c="dimmed">
                        {t('partners.offer.placementCreated')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {moves.length > 0 && (
                      <NativeSelect
                        size="xs"
                        aria-label={t('partners.offer.setStatus', { name })}
                        value=""
                        data={[
                          { value: '', label: t('partners.offer.outcome') },
                          ...moves.map((status) => ({
                            value: status,
                            label: t(`partners.offer.statuses.${status}`),
                          })),
                        ]}
                        onChange={(event) => {
                          const status = moves.find((candidate) => candidate === event.currentTarget.value);
                          if (status) move(proposal, status);
                        }}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {(updateMutation.isError || proposeMutation.isError || offerMutation.isError) && (
        <Alert color="red" variant="light" role="alert" mt="xs" icon={<IconAlertTriangle aria-hidden />}>
          {describeRefusal(updateMutation.error ?? proposeMutation.error ?? offerMutation.error, t)}
        </Alert>
      )}
      {offer.isOpen && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!candidacyId) return;
            proposeMutation.mutate({ candidacyId, comment: null }, { onSuccess: () => setCandidacyId('') });
          }}
        >
          <Group gap="xs" mt="sm" align="flex-end">
            <NativeSelect
              size="xs"
              label={t('partners.offer.proposeLabel')}
              value={candidacyId}
              disabled={learners.length === 0}
              data={[
                {
                  value: '',
                  label:
                    learners.length === 0 ? t('partners.offer.noLearners') : t('partners.offer.pickLearner'),
                },
                ...learners.map((learner) => ({
                  value: learner.candidacyId,
                  label: `${learner.name} — ${learner.sessionName}`,
                })),
              ]}
              onChange={(event) => setCandidacyId(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button size="xs" type="submit" disabled={!candidacyId} loading={proposeMutation.isPending}>
              {t('partners.offer.propose')}
            </Button>
          </Group>
        </form>
      )}
      <AcceptDialog
        offer={offer}
        proposal={accepting}
        opened={isAcceptOpen}
        onClose={() => setIsAcceptOpen(false)}
        onAccept={(body) =>
          accepting &&
          updateMutation.mutate(
            {
              proposalId: accepting.id,
              body: { status: 'accepted', version: accepting.version, placement: body },
            },
            { onSettled: () => setIsAcceptOpen(false) },
          )
        }
        isPending={updateMutation.isPending}
      />
    </Card>
  );
}

function AcceptDialog({
  offer,
  proposal,
  opened,
  onClose,
  onAccept,
  isPending,
}: {
  offer: Offer;
  proposal: OfferProposal | null;
  opened: boolean;
  onClose: () => void;
  onAccept: (placement: { durationMonths?: number; hasHiringPromise?: boolean }) => void;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const [durationMonths, setDurationMonths] = useState<number | ''>('');
  const [hasHiringPromise, setHasHiringPromise] = useState(false);
  const kind = placementKindForOffer(offer.kind);
  const needsDuration =
    (kind === 'internship' || kind === 'cdd' || kind === 'interim') && !(offer.startDate && offer.endDate);
  const name = proposal ? `${proposal.learner.firstName} ${proposal.learner.lastName}` : '';
  return (
    <Modal
      opened={opened && proposal !== null}
      onClose={onClose}
      title={t('partners.offer.acceptTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onAccept({
            ...(durationMonths === '' ? {} : { durationMonths }),
            ...(kind === 'internship' ? { hasHiringPromise } : {}),
          });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('partners.offer.acceptBody', {
              kind: t(`placements.kinds.${kind}`),
              partner: offer.partnerName,
            })}
          </Text>
          {needsDuration && (
            <NumberInput
              label={t('partners.offer.durationMonths')}
              required
              min={1}
              max={120}
              allowDecimal={false}
              value={durationMonths}
              onChange={(value) => setDurationMonths(typeof value === 'number' ? value : '')}
            />
          )}
          {kind === 'internship' && (
            <Checkbox
              label={t('partners.offer.hasHiringPromise')}
              checked={hasHiringPromise}
              onChange={(event) => setHasHiringPromise(event.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending} disabled={needsDuration && durationMonths === ''}>
              {t('partners.offer.confirmAccept')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
