import { Box, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { formatMessage } from '@passerelle/domain/messages/messages';
import type { TargetCriterion } from '@passerelle/domain/session/session.schema';
import type { SessionComposition } from '@passerelle/domain/session/session-composition.schema';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../lib/i18n';

interface CompositionChartProps {
  composition: SessionComposition;
  /** Only the criteria with a target (the dashboard); the session page shows every criterion. */
  targetsOnly?: boolean;
  compact?: boolean;
}

function percent(share: number | null) {
  return share === null ? 0 : Math.round(share * 100);
}

/**
 * A horizontal bar per criterion: the cohort's share (solid), the share if the shortlisted were
 * admitted (light), and the target (a marker). Red where the cohort is short of its target.
 */
export function CompositionChart({
  composition,
  targetsOnly = false,
  compact = false,
}: CompositionChartProps) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
  const criterionLabel = (criterion: TargetCriterion) => {
    const label =
      criterion === 'any_priority'
        ? t('composition.anyPriority')
        : formatMessage({ key: `criterion.${criterion}` }, locale);
    // "peu ou pas diplômé·e" → "Peu ou pas diplômé·e" (CSS `capitalize` would do every word).
    return label.charAt(0).toLocaleUpperCase() + label.slice(1);
  };
  const targets = new Map(composition.targets.map((target) => [target.criterion, target]));
  const rows = targetsOnly
    ? composition.targets.map((target) => ({
        criterion: target.criterion,
        current: target.current,
        projected: target.projected,
      }))
    : composition.criteria;

  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('composition.noTargets')}
      </Text>
    );
  }

  return (
    <Stack gap={compact ? 8 : 12} component="ul" className="plain-list" aria-label={t('composition.label')}>
      {rows.map((row) => {
        const target = targets.get(row.criterion);
        const current = percent(row.current.share);
        const projected = percent(row.projected.share);
        const goal = target ? Math.round(target.minShare * 100) : null;
        const isShort = goal !== null && current < goal;
        const color = isShort ? 'red' : goal !== null ? 'green' : 'passerelle';
        const description = [
          t('composition.current', { share: current, count: row.current.count, size: row.current.size }),
          t('composition.projected', { share: projected }),
          goal !== null
            ? t(isShort ? 'composition.targetShort' : 'composition.targetMet', { share: goal })
            : null,
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <li key={row.criterion} data-short={isShort || undefined}>
            <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
              <Text size="sm" fw={600} c={isShort ? 'red.8' : undefined}>
                {criterionLabel(row.criterion)}
              </Text>
              <Text
                size="sm"
                fw={isShort ? 700 : 500}
                c={isShort ? 'red.8' : undefined}
                style={{ whiteSpace: 'nowrap' }}
              >
                {current} %{goal !== null ? ` / ${goal} %` : ''}
              </Text>
            </Group>
            <Tooltip label={description} multiline w={260}>
              <Box
                pos="relative"
                h={compact ? 10 : 14}
                bg="gray.1"
                style={{ borderRadius: 4, overflow: 'visible' }}
                aria-hidden
              >
                <Box
                  pos="absolute"
                  left={0}
                  top={0}
                  h="100%"
                  w={`${projected}%`}
                  bg={`${color}.2`}
                  style={{ borderRadius: 4 }}
                />
                <Box
                  pos="absolute"
                  left={0}
                  top={0}
                  h="100%"
                  w={`${current}%`}
                  bg={`${color}.7`}
                  style={{ borderRadius: 4 }}
                />
                {goal !== null && (
                  <Box
                    pos="absolute"
                    top={-3}
                    h={`calc(100% + 6px)`}
                    w={2}
                    bg="dark.7"
                    left={`calc(${goal}% - 1px)`}
                  />
                )}
              </Box>
            </Tooltip>
            {!compact && (
              <Text size="xs" c="dimmed" mt={2}>
                {description}
              </Text>
            )}
            {compact && <VisuallyHidden>{description}</VisuallyHidden>}
          </li>
        );
      })}
    </Stack>
  );
}
