import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import type { ReportChoices } from '../api/get-report-choices';
import type { ReportSearch } from '../api/report-search';

interface ReportFiltersProps {
  filters: ReportSearch;
  onChange: (filters: ReportSearch) => void;
  choices: ReportChoices | undefined;
}

/** Fabrique, program, session and period; a narrower choice drops what no longer fits it. */
export function ReportFilters({ filters, onChange, choices }: ReportFiltersProps) {
  const { t } = useTranslation();
  const programs = (choices?.programs ?? []).filter(
    (program) => !filters.fabriqueId || program.fabriqueId === filters.fabriqueId,
  );
  const sessions = (choices?.sessions ?? []).filter(
    (session) =>
      (!filters.fabriqueId || session.fabriqueId === filters.fabriqueId) &&
      (!filters.programId || session.programId === filters.programId),
  );
  const hasFilters = Object.values(filters).some(Boolean);
  const set = (changes: Partial<ReportSearch>) => onChange({ ...filters, ...changes });
  return (
    <Group
      gap="sm"
      align="flex-end"
      role="search"
      aria-label={t('reports.filters.label')}
      className="no-print"
    >
      {(choices?.fabriques.length ?? 0) > 1 && (
        <NativeSelect
          label={t('reports.filters.fabrique')}
          value={filters.fabriqueId ?? ''}
          data={[{ value: '', label: t('reports.filters.allFabriques') }, ...(choices?.fabriques ?? [])]}
          onChange={(event) =>
            set({
              fabriqueId: event.currentTarget.value || undefined,
              programId: undefined,
              sessionId: undefined,
            })
          }
          w={{ base: '100%', xs: 180 }}
        />
      )}
      <NativeSelect
        label={t('reports.filters.program')}
        value={filters.programId ?? ''}
        data={[
          { value: '', label: t('reports.filters.allPrograms') },
          ...programs.map(({ value, label }) => ({ value, label })),
        ]}
        onChange={(event) => set({ programId: event.currentTarget.value || undefined, sessionId: undefined })}
        w={{ base: '100%', xs: 240 }}
      />
      <NativeSelect
        label={t('reports.filters.session')}
        value={filters.sessionId ?? ''}
        data={[
          { value: '', label: t('reports.filters.allSessions') },
          ...sessions.map((session) => ({
            value: session.id,
            label: t('reports.filters.sessionOption', {
              name: session.name,
              status: t(`sessions.statuses.${session.status}`),
            }),
          })),
        ]}
        onChange={(event) => set({ sessionId: event.currentTarget.value || undefined })}
        w={{ base: '100%', xs: 320 }}
      />
      <DateField
        label={t('reports.filters.from')}
        value={filters.from ?? ''}
        onChange={(value) => set({ from: value || undefined })}
      />
      <DateField
        label={t('reports.filters.to')}
        value={filters.to ?? ''}
        error={
          filters.from && filters.to && filters.from > filters.to ? t('reports.filters.reversed') : undefined
        }
        onChange={(value) => set({ to: value || undefined })}
      />
      {hasFilters && (
        <Button variant="subtle" onClick={() => onChange({})}>
          {t('reports.filters.reset')}
        </Button>
      )}
    </Group>
  );
}
