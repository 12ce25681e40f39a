import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { CANDIDACY_MOVES, isReopening } from '@passerelle/domain/candidacy/candidacy';
import type { CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import type { CandidacyListItem } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { IconAlertTriangle, IconArrowsMove, IconGripVertical } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import { useMoveCandidacy } from '../api/move-candidacy';
import { EligibilityBadge, STAGE_COLORS } from './candidacy-display';
import { describeMoveError, type MovableCandidacy, MoveCandidacyDialog } from './move-candidacy-dialog';

/** Columns always shown, in the order of the recruitment; the others appear when they hold someone. */
const MAIN_STAGES: readonly CandidacyStage[] = [
  'submitted',
  'screening',
  'info_session',
  'assessment',
  'interview',
  'waitlisted',
  'admitted',
  'enrolled',
  'rejected',
  'withdrawn',
];
const EXTRA_STAGES: readonly CandidacyStage[] = ['completed', 'dropped_out'];
const CARDS_PER_STEP = 30;
const DRAG_TYPE = 'application/x-passerelle-candidacy';

interface PipelineBoardProps {
  candidacies: CandidacyListItem[];
  /**
   * Whether the caller may move candidacies (coordinators and admins). A trainer reads the board:
   * no drag handle, no move menu, nothing the API would refuse.
   */
  canMove: boolean;
  /** After a move went through (e.g. to refresh the cohort composition). */
  onMoved?: (() => void) | undefined;
  /** Reloads the candidacies after a stale-version refusal. */
  onReload: () => void;
}

function nameOf(candidacy: CandidacyListItem) {
  return `${candidacy.candidate.firstName} ${candidacy.candidate.lastName}`;
}

/** A move the board can send at once; a reason (reject, withdraw, reopen) goes through the dialog. */
function needsReason(from: CandidacyStage, to: CandidacyStage) {
  return to === 'rejected' || to === 'withdrawn' || isReopening(from, to);
}

export function PipelineBoard({ candidacies, canMove, onMoved, onReload }: PipelineBoardProps) {
  const { t } = useTranslation();
  const moveMutation = useMoveCandidacy();
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ candidacy: MovableCandidacy; to: CandidacyStage } | null>(null);
  const [dropTarget, setDropTarget] = useState<CandidacyStage | null>(null);
  const [limits, setLimits] = useState<Partial<Record<CandidacyStage, number>>>({});
  // Shown in the new column at once; the refetch after the move confirms it.
  const [pendingStages, setPendingStages] = useState<Record<string, CandidacyStage>>({});

  const stageOf = (candidacy: CandidacyListItem) => pendingStages[candidacy.id] ?? candidacy.stage;
  const byStage = new Map<CandidacyStage, CandidacyListItem[]>();
  for (const candidacy of candidacies) {
    const stage = stageOf(candidacy);
    byStage.set(stage, [...(byStage.get(stage) ?? []), candidacy]);
  }
  const stages = [...MAIN_STAGES, ...EXTRA_STAGES.filter((stage) => byStage.has(stage))];

  const move = (candidacy: CandidacyListItem, to: CandidacyStage) => {
    const from = stageOf(candidacy);
    if (from === to) return;
    const name = nameOf(candidacy);
    setRefusal(null);
    if (needsReason(from, to)) {
      setDialog({ candidacy: { id: candidacy.id, stage: from, version: candidacy.version, name }, to });
      return;
    }
    setPendingStages((current) => ({ ...current, [candidacy.id]: to }));
    setAnnouncement(t('pipeline.moving', { name, stage: t(`candidacies.stages.${to}`) }));
    moveMutation.mutate(
      { id: candidacy.id, body: { to, version: candidacy.version } },
      {
        onSuccess: () => {
          setAnnouncement(t('pipeline.moved', { name, stage: t(`candidacies.stages.${to}`) }));
          onMoved?.();
        },
        onError: (error) => {
          const message = t('pipeline.refused', { name, reason: describeMoveError(error, t) });
          setRefusal(message);
          setAnnouncement(message);
        },
        onSettled: () =>
          setPendingStages((current) => {
            const { [candidacy.id]: _done, ...rest } = current;
            return rest;
          }),
      },
    );
  };

  // After a reload (stale version) the dialog must confirm on the version just fetched.
  const reloadedVersion = dialog && candidacies.find((other) => other.id === dialog.candidacy.id)?.version;
  const dialogCandidacy = dialog
    ? { ...dialog.candidacy, version: reloadedVersion ?? dialog.candidacy.version }
    : null;

  const onDrop = (event: DragEvent, to: CandidacyStage) => {
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain');
    const candidacy = candidacies.find((other) => other.id === id);
    if (candidacy) move(candidacy, to);
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {canMove ? t('pipeline.help') : t('pipeline.readOnly')}
      </Text>
      <VisuallyHidden role="status" aria-live="assertive">
        {announcement}
      </VisuallyHidden>
      {refusal && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('pipeline.refusedTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setRefusal(null)}
        >
          {refusal}
        </Alert>
      )}
      {/* Focusable so that keyboard users can scroll the columns even when no card is there to focus. */}
      <ScrollArea
        type="auto"
        offsetScrollbars
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('sessions.detail.tabs.board') }}
      >
        <Group gap="sm" align="flex-start" wrap="nowrap" pb="sm">
          {stages.map((stage) => {
            const cards = byStage.get(stage) ?? [];
            const limit = limits[stage] ?? CARDS_PER_STEP;
            const headingId = `pipeline-column-${stage}`;
            return (
              <Box
                key={stage}
                component="section"
                aria-labelledby={headingId}
                data-stage={stage}
                w={212}
                miw={212}
                p="xs"
                onDragOver={(event) => {
                  if (!canMove) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  if (dropTarget !== stage) setDropTarget(stage);
                }}
                onDragLeave={() => setDropTarget((current) => (current === stage ? null : current))}
                onDrop={(event) => {
                  if (canMove) onDrop(event, stage);
                }}
                style={{
                  borderRadius: 'var(--mantine-radius-md)',
                  background:
                    dropTarget === stage
                      ? 'var(--mantine-color-passerelle-light)'
                      : 'var(--mantine-color-gray-0)',
                  outline: dropTarget === stage ? '2px dashed var(--mantine-color-passerelle-6)' : undefined,
                  borderTop: `3px solid var(--mantine-color-${STAGE_COLORS[stage]}-6)`,
                  minHeight: 240,
                }}
              >
                <Group justify="space-between" mb="xs" px={4} wrap="nowrap">
                  <Title order={3} fz="sm" id={headingId}>
                    {t(`candidacies.stages.${stage}`)}
                  </Title>
                  <Badge
                    variant="white"
                    color="dark"
                    radius="sm"
                    aria-label={t('pipeline.count', { count: cards.length })}
                  >
                    {cards.length}
                  </Badge>
                </Group>
                <ScrollArea.Autosize mah={540} type="auto" offsetScrollbars="y">
                  <Stack gap={6} component="ul" className="plain-list" aria-labelledby={headingId}>
                    {cards.slice(0, limit).map((candidacy) => (
                      <li key={candidacy.id}>
                        <BoardCard
                          candidacy={candidacy}
                          stage={stageOf(candidacy)}
                          isPending={candidacy.id in pendingStages}
                          onMove={canMove ? (to) => move(candidacy, to) : null}
                        />
                      </li>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
                {cards.length > limit && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    fullWidth
                    mt={6}
                    onClick={() => setLimits((current) => ({ ...current, [stage]: limit + CARDS_PER_STEP }))}
                  >
                    {t('pipeline.showMore', { count: Math.min(CARDS_PER_STEP, cards.length - limit) })}
                  </Button>
                )}
              </Box>
            );
          })}
        </Group>
      </ScrollArea>
      <MoveCandidacyDialog
        candidacy={dialogCandidacy}
        to={dialog?.to ?? null}
        onClose={() => setDialog(null)}
        onReload={onReload}
        onMoved={(stage) => {
          if (dialog)
            setAnnouncement(
              t('pipeline.moved', { name: dialog.candidacy.name, stage: t(`candidacies.stages.${stage}`) }),
            );
          onMoved?.();
        }}
      />
    </Stack>
  );
}

interface BoardCardProps {
  candidacy: CandidacyListItem;
  stage: CandidacyStage;
  isPending: boolean;
  /** null: the card cannot be moved by this user. */
  onMove: ((to: CandidacyStage) => void) | null;
}

function BoardCard({ candidacy, stage, isPending, onMove }: BoardCardProps) {
  const { t } = useTranslation();
  const name = nameOf(candidacy);
  const targets = onMove ? CANDIDACY_MOVES[stage] : [];

  return (
    <Paper
      withBorder
      radius="sm"
      p={8}
      shadow="xs"
      draggable={onMove !== null && !isPending}
      data-candidacy-id={candidacy.id}
      aria-busy={isPending || undefined}
      onDragStart={(event) => {
        if (!onMove) return;
        event.dataTransfer.setData(DRAG_TYPE, candidacy.id);
        event.dataTransfer.setData('text/plain', candidacy.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      style={{ cursor: onMove ? 'grab' : undefined, opacity: isPending ? 0.6 : 1 }}
    >
      <Group gap={4} wrap="nowrap" align="flex-start" justify="space-between">
        <Group gap={4} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          {onMove && (
            <IconGripVertical
              size={14}
              aria-hidden
              color="var(--mantine-color-gray-5)"
              style={{ marginTop: 3, flexShrink: 0 }}
            />
          )}
          <AnchorLink
            to="/candidatures/$candidacyId"
            params={{ candidacyId: candidacy.id }}
            size="sm"
            fw={600}
            lineClamp={2}
            draggable={false}
          >
            {name}
          </AnchorLink>
        </Group>
        {targets.length > 0 && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="md"
                aria-label={t('pipeline.moveLabel', { name })}
              >
                <IconArrowsMove size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('pipeline.moveTo')}</Menu.Label>
              {targets.map((to) => (
                <Menu.Item key={to} onClick={() => onMove?.(to)}>
                  {t(`candidacies.stages.${to}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group gap={6} mt={4} pl={onMove ? 18 : 0}>
        <EligibilityBadge
          status={candidacy.eligibilityStatus}
          decision={candidacy.eligibilityDecisionStatus}
        />
        {candidacy.criteriaMet.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('pipeline.criteria', { count: candidacy.criteriaMet.length })}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
