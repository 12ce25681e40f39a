import {
  Box,
  Button,
  CloseButton,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { CANDIDACY_STAGES, CandidacyStageSchema } from '@passerelle/domain/candidacy/candidacy.schema';
import { CANDIDACY_SORTS } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { SOURCES } from '@passerelle/domain/candidate/candidate.schema';
import {
  CRITERION_CODES,
  CriterionCodeSchema,
  ELIGIBILITY_STATUSES,
  EligibilityStatusSchema,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { type CandidacyListFilters, hasActiveFilters } from '../api/candidacy-filters';
import { useDomainMessage } from './candidacy-display';

export interface SessionOption {
  value: string;
  label: string;
}

interface CandidacyFiltersProps {
  filters: CandidacyListFilters;
  onChange: (filters: CandidacyListFilters) => void;
  sessionOptions: SessionOption[];
  /** Hidden when the table is already scoped to one session. */
  showSessionFilter?: boolean;
}

const SEARCH_MIN_LENGTH = 2;

function emptyToUndefined(value: string): string | undefined {
  return value === '' ? undefined : value;
}

export function CandidacyFilters({
  filters,
  onChange,
  sessionOptions,
  showSessionFilter = true,
}: CandidacyFiltersProps) {
  const { t } = useTranslation();
  const domainMessage = useDomainMessage();
  const [query, setQuery] = useState(filters.q ?? '');
  const pushQuery = useDebouncedCallback((value: string) => {
    const trimmed = value.trim();
    // The API searches from two characters; one letter would match nearly everyone.
    if (trimmed.length > 0 && trimmed.length < SEARCH_MIN_LENGTH) return;
    onChange({ ...filters, q: trimmed || undefined });
  }, 300);

  // Back/forward or a reset changes the URL: follow it.
  useEffect(() => setQuery(filters.q ?? ''), [filters.q]);

  const update = (patch: Partial<CandidacyListFilters>) => onChange({ ...filters, ...patch });

  return (
    <Box role="search" aria-label={t('candidacies.filters.label')}>
      <Group gap="sm" align="flex-end" mb="sm" wrap="wrap">
        <TextInput
          label={t('candidacies.filters.search')}
          placeholder={t('candidacies.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            pushQuery(event.currentTarget.value);
          }}
          rightSection={
            query ? (
              <CloseButton
                size="sm"
                aria-label={t('candidacies.filters.clearSearch')}
                onClick={() => {
                  setQuery('');
                  update({ q: undefined });
                }}
              />
            ) : null
          }
          style={{ flex: '1 1 280px' }}
        />
        {showSessionFilter && (
          <NativeSelect
            label={t('candidacies.filters.session')}
            value={filters.sessionId ?? ''}
            data={[{ value: '', label: t('candidacies.filters.allSessions') }, ...sessionOptions]}
            onChange={(event) => update({ sessionId: emptyToUndefined(event.currentTarget.value) })}
            w={{ base: '100%', sm: 220 }}
          />
        )}
        <NativeSelect
          label={t('candidacies.filters.sort')}
          value={filters.sort ?? '-submittedAt'}
          data={CANDIDACY_SORTS.map((sort) => ({ value: sort, label: t(`candidacies.sorts.${sort}`) }))}
          onChange={(event) => {
            const value = event.currentTarget.value;
            const sort = CANDIDACY_SORTS.find((candidate) => candidate === value);
            update({ sort: sort === '-submittedAt' ? undefined : sort });
          }}
          w={{ base: '100%', sm: 220 }}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm" mb="md">
        <MultiSelect
          label={t('candidacies.filters.stage')}
          placeholder={filters.stage?.length ? undefined : t('candidacies.filters.allStages')}
          data={CANDIDACY_STAGES.map((stage) => ({ value: stage, label: t(`candidacies.stages.${stage}`) }))}
          value={filters.stage ?? []}
          onChange={(values) => {
            const stages = values.flatMap((value) => {
              const parsed = CandidacyStageSchema.safeParse(value);
              return parsed.success ? [parsed.data] : [];
            });
            update({ stage: stages.length ? stages : undefined });
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('candidacies.filters.clearStages') }}
          maxDropdownHeight={320}
        />
        <NativeSelect
          label={t('candidacies.filters.eligibility')}
          value={filters.eligible ?? ''}
          data={[
            { value: '', label: t('candidacies.filters.any') },
            ...ELIGIBILITY_STATUSES.map((status) => ({
              value: status,
              label: t(`candidacies.eligibility.${status}`),
            })),
          ]}
          onChange={(event) => {
            const parsed = EligibilityStatusSchema.safeParse(event.currentTarget.value);
            update({ eligible: parsed.success ? parsed.data : undefined });
          }}
        />
        <NativeSelect
          label={t('candidacies.filters.criterion')}
          value={filters.criterion ?? ''}
          data={[
            { value: '', label: t('candidacies.filters.any') },
            ...CRITERION_CODES.map((code) => ({ value: code, label: domainMessage(`criterion.${code}`) })),
          ]}
          onChange={(event) => {
            const parsed = CriterionCodeSchema.safeParse(event.currentTarget.value);
            update({ criterion: parsed.success ? parsed.data : undefined });
          }}
        />
        <NativeSelect
          label={t('candidacies.filters.source')}
          value={filters.source ?? ''}
          data={[
            { value: '', label: t('candidacies.filters.any') },
            ...SOURCES.map((source) => ({ value: source, label: t(`candidacies.sources.${source}`) })),
          ]}
          onChange={(event) => update({ source: emptyToUndefined(event.currentTarget.value) })}
        />
        <DateField
          label={t('candidacies.filters.submittedFrom')}
          value={filters.submittedFrom ?? ''}
          onChange={(date) => update({ submittedFrom: emptyToUndefined(date) })}
        />
        <DateField
          label={t('candidacies.filters.submittedTo')}
          value={filters.submittedTo ?? ''}
          onChange={(date) => update({ submittedTo: emptyToUndefined(date) })}
        />
      </SimpleGrid>
      {hasActiveFilters(filters) && (
        <Group mb="md" mt={-4}>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => {
              setQuery('');
              onChange(showSessionFilter ? {} : { sessionId: filters.sessionId });
            }}
          >
            {t('candidacies.filters.reset')}
          </Button>
        </Group>
      )}
    </Box>
  );
}
