import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { RECOMMENDATIONS, SCORECARD_STEPS } from '@passerelle/domain/scorecard/scorecard.schema';
import { IconAlertTriangle, IconClipboardPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { applyProblemToForm } from '../../../lib/form-validation';
import { useCreateCandidacyScorecard } from '../api/create-candidacy-scorecard';

type Step = (typeof SCORECARD_STEPS)[number];
type Recommendation = (typeof RECOMMENDATIONS)[number];

const RECOMMENDATION_COLORS: Record<Recommendation, string> = {
  admit: 'green',
  waitlist: 'yellow',
  reject: 'red',
  undecided: 'gray',
};

interface ScoreRow {
  key: number;
  item: string;
  score: number | '';
  maxScore: number | '';
}

export function ScorecardsCard({ candidacy }: { candidacy: CandidacyDetail }) {
  const { t, i18n } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="scorecards-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="scorecards-title">
          {t('candidacies.scorecards.title')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconClipboardPlus size={14} aria-hidden />}
          onClick={() => setIsOpen(true)}
        >
          {t('candidacies.scorecards.record')}
        </Button>
      </Group>
      {candidacy.scorecards.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('candidacies.scorecards.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {candidacy.scorecards.map((scorecard) => (
            <Card key={scorecard.id} withBorder radius="sm" padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={700}>
                    {t(`candidacies.scorecards.steps.${scorecard.step}`)} · {scorecard.total} /{' '}
                    {scorecard.maxTotal}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate.format(new Date(scorecard.evaluatedAt))}
                  </Text>
                </div>
                <Badge
                  color={RECOMMENDATION_COLORS[scorecard.recommendation]}
                  variant="dot"
                  radius="sm"
                  tt="none"
                >
                  {t(`candidacies.scorecards.recommendations.${scorecard.recommendation}`)}
                </Badge>
              </Group>
              <Text size="xs" mt={6}>
                {scorecard.scores
                  .map((score) => `${score.item} ${score.score}/${score.maxScore}`)
                  .join(' · ')}
              </Text>
              {scorecard.comment && (
                <Text size="sm" mt={4} c="dimmed">
                  {scorecard.comment}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
      <RecordScorecardDialog candidacyId={candidacy.id} opened={isOpen} onClose={() => setIsOpen(false)} />
    </Card>
  );
}

function defaultRows(step: Step, t: (key: string) => string): ScoreRow[] {
  const items = step === 'interview' ? ['motivation', 'project', 'availability'] : ['logic', 'reading'];
  return items.map((item, index) => ({
    key: index,
    item: t(`candidacies.scorecards.defaultItems.${item}`),
    score: '',
    maxScore: 5,
  }));
}

function RecordScorecardDialog({
  candidacyId,
  opened,
  onClose,
}: {
  candidacyId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tKey = t as unknown as (key: string) => string;
  const createMutation = useCreateCandidacyScorecard(candidacyId);
  const [step, setStep] = useState<Step>('interview');
  const [rows, setRows] = useState<ScoreRow[]>(() => defaultRows('interview', tKey));
  const [recommendation, setRecommendation] = useState<Recommendation | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const nextKey = Math.max(-1, ...rows.map((row) => row.key)) + 1;

  const updateRow = (key: number, patch: Partial<ScoreRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const validate = () => {
    const next: Record<string, string> = {};
    rows.forEach((row, index) => {
      if (!row.item.trim()) next[`scores.${index}.item`] = t('validation.required');
      if (row.maxScore === '' || row.maxScore <= 0)
        next[`scores.${index}.maxScore`] = t('validation.required');
      if (row.score === '') next[`scores.${index}.score`] = t('validation.required');
      else if (row.maxScore !== '' && row.score > row.maxScore)
        next[`scores.${index}.score`] = t('candidacies.scorecards.scoreAboveMax');
    });
    if (!recommendation) next.recommendation = t('validation.required');
    return next;
  };

  const submit = () => {
    const nextErrors = validate();
    setErrors(nextErrors);
    setServerError(null);
    if (Object.keys(nextErrors).length > 0 || !recommendation) return;
    createMutation.mutate(
      {
        step,
        recommendation,
        comment: comment.trim() || null,
        scores: rows.map((row) => ({
          item: row.item.trim(),
          score: Number(row.score),
          maxScore: Number(row.maxScore),
        })),
      },
      {
        onSuccess: () => {
          notifySuccess(t('candidacies.scorecards.recorded'));
          setRows(defaultRows(step, tKey));
          setRecommendation('');
          setComment('');
          onClose();
        },
        onError: (error) =>
          setServerError(
            applyProblemToForm(
              error,
              {
                setErrors: (fields) =>
                  setErrors(
                    Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)])),
                  ),
              },
              t,
            ),
          ),
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('candidacies.scorecards.recordTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <div>
            <Text size="sm" fw={500} mb={4} id="scorecard-step-label">
              {t('candidacies.scorecards.step')}
            </Text>
            <SegmentedControl
              aria-labelledby="scorecard-step-label"
              value={step}
              onChange={(value) => {
                const next = value === 'assessment' ? 'assessment' : 'interview';
                setStep(next);
                setRows(defaultRows(next, tKey));
              }}
              data={SCORECARD_STEPS.map((value) => ({
                value,
                label: t(`candidacies.scorecards.steps.${value}`),
              }))}
            />
          </div>
          <Stack gap="xs">
            {rows.map((row, index) => (
              <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  label={t('candidacies.scorecards.item')}
                  value={row.item}
                  error={errors[`scores.${index}.item`]}
                  onChange={(event) => updateRow(row.key, { item: event.currentTarget.value })}
                  style={{ flex: 1 }}
                  required
                />
                <NumberInput
                  label={t('candidacies.scorecards.score')}
                  aria-label={t('candidacies.scorecards.scoreFor', { item: row.item || index + 1 })}
                  value={row.score}
                  min={0}
                  error={errors[`scores.${index}.score`]}
                  onChange={(value) => updateRow(row.key, { score: typeof value === 'number' ? value : '' })}
                  w={100}
                  required
                />
                <NumberInput
                  label={t('candidacies.scorecards.maxScore')}
                  aria-label={t('candidacies.scorecards.maxScoreFor', { item: row.item || index + 1 })}
                  value={row.maxScore}
                  min={1}
                  error={errors[`scores.${index}.maxScore`]}
                  onChange={(value) =>
                    updateRow(row.key, { maxScore: typeof value === 'number' ? value : '' })
                  }
                  w={100}
                  required
                />
                <ActionIcon
                  mt={26}
                  variant="subtle"
                  color="gray"
                  size="lg"
                  disabled={rows.length === 1}
                  aria-label={t('candidacies.scorecards.removeItem', { item: row.item || index + 1 })}
                  onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={rows.length >= 30}
                onClick={() =>
                  setRows((current) => [...current, { key: nextKey, item: '', score: '', maxScore: 5 }])
                }
              >
                {t('candidacies.scorecards.addItem')}
              </Button>
            </Group>
          </Stack>
          <NativeSelect
            label={t('candidacies.scorecards.recommendation')}
            required
            value={recommendation}
            error={errors.recommendation}
            data={[
              { value: '', label: t('candidacies.scorecards.pickRecommendation') },
              ...RECOMMENDATIONS.map((value) => ({
                value,
                label: t(`candidacies.scorecards.recommendations.${value}`),
              })),
            ]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setRecommendation(RECOMMENDATIONS.find((candidate) => candidate === value) ?? '');
            }}
          />
          <Textarea
            label={t('candidacies.scorecards.comment')}
            autosize
            minRows={2}
            maxLength={5000}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          {serverError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {serverError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createMutation.isPending}>
              {t('candidacies.scorecards.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
