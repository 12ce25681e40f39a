import { Alert, Button, EmptyState, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsRightLeft, IconFileImport, IconUserPlus, IconUserSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { PageHeader } from '../../components/ui/page-header';
import { ButtonLink } from '../../components/ui/router-links';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { useSessionUser } from '../../features/auth/api/use-session-user';
import {
  type CandidacyListFilters,
  type CandidacySearch,
  DEFAULT_CANDIDACY_COLUMNS,
  hasActiveFilters,
  pickCandidacyFilters,
} from '../../features/candidacies/api/candidacy-filters';
import { useCandidacies } from '../../features/candidacies/api/get-candidacies';
import { BulkMoveDialog } from '../../features/candidacies/components/bulk-move-dialog';
import { CandidaciesTable } from '../../features/candidacies/components/candidacies-table';
import { CandidacyFilters } from '../../features/candidacies/components/candidacy-filters';
import { ColumnPicker } from '../../features/candidacies/components/column-picker';
import { ExportCandidaciesButton } from '../../features/candidacies/components/export-candidacies-button';
import { useSessionChoices } from '../../features/sessions/api/get-sessions';
import { describeError } from '../../lib/problem-message';
import { PersonalDataGuard } from './personal-data-guard';

const route = getRouteApi('/_authenticated/candidatures');

export function CandidaciesPage() {
  return (
    <PersonalDataGuard>
      <CandidaciesScreen />
    </PersonalDataGuard>
  );
}

function CandidaciesScreen() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters = pickCandidacyFilters(search);
  const columns = search.cols ?? DEFAULT_CANDIDACY_COLUMNS;
  const candidaciesQuery = useCandidacies(filters);
  // Trainers see their learners here but move nobody: no selection, no bulk move.
  const role = useSessionUser()?.role;
  const canMove = role === 'admin' || role === 'coordinator';
  const sessionChoices = useSessionChoices();
  const canAddCandidacies = role === 'admin' || role === 'coordinator';
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const [isBulkOpen, bulkDialog] = useDisclosure(false);
  const [exportError, setExportError] = useState<unknown>(null);

  const setSearch = (next: CandidacySearch) => {
    setSelectedIds(new Set());
    void navigate({ search: next, replace: true });
  };
  const setFilters = (next: CandidacyListFilters) => setSearch({ ...next, cols: search.cols });

  const candidacies = useMemo(
    () => candidaciesQuery.data?.pages.flatMap((page) => page.data) ?? [],
    [candidaciesQuery.data],
  );
  const selected = candidacies
    .filter((candidacy) => selectedIds.has(candidacy.id))
    .map((candidacy) => ({
      id: candidacy.id,
      name: `${candidacy.candidate.firstName} ${candidacy.candidate.lastName}`,
    }));
  const hasFailedToLoad = candidaciesQuery.isError && !candidaciesQuery.isFetchNextPageError;
  const sessionOptions = (sessionChoices.data ?? []).map((session) => ({
    value: session.id,
    label: session.name,
  }));

  return (
    <>
      <PageHeader
        title={t('candidacies.title')}
        description={t('candidacies.description')}
        actions={
          <>
            <ColumnPicker columns={columns} onChange={(cols) => setSearch({ ...search, cols })} />
            <ExportCandidaciesButton filters={filters} onError={setExportError} />
            {canAddCandidacies && (
              <>
                <ButtonLink
                  to="/candidatures/import"
                  search={{ sessionId: filters.sessionId }}
                  variant="default"
                  leftSection={<IconFileImport size={16} aria-hidden />}
                >
                  {t('import.open')}
                </ButtonLink>
                <ButtonLink
                  to="/candidatures/nouvelle"
                  search={{ sessionId: filters.sessionId }}
                  leftSection={<IconUserPlus size={16} aria-hidden />}
                >
                  {t('intake.add')}
                </ButtonLink>
              </>
            )}
          </>
        }
      />
      <CandidacyFilters filters={filters} onChange={setFilters} sessionOptions={sessionOptions} />
      {exportError !== null && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          mb="md"
          withCloseButton
          onClose={() => setExportError(null)}
          closeButtonLabel={t('common.close')}
        >
          {t('candidacies.csv.failed')} {describeError(exportError, t)}
        </Alert>
      )}

      {canMove && selected.length > 0 && (
        <Paper withBorder p="sm" mb="sm" radius="md" bg="var(--mantine-color-passerelle-light)">
          <Group justify="space-between">
            <Text size="sm" fw={600} aria-live="polite">
              {t('candidacies.table.selected', { count: selected.length })}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => setSelectedIds(new Set())}>
                {t('candidacies.table.clearSelection')}
              </Button>
              <Button
                size="xs"
                leftSection={<IconArrowsRightLeft size={14} aria-hidden />}
                onClick={bulkDialog.open}
              >
                {t('candidacies.bulk.open')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      {candidaciesQuery.isPending ? (
        <TableSkeleton />
      ) : hasFailedToLoad ? (
        <ErrorState error={candidaciesQuery.error} onRetry={() => void candidaciesQuery.refetch()} />
      ) : candidacies.length === 0 ? (
        <EmptyState
          icon={<IconUserSearch size={32} aria-hidden />}
          withIndicatorBackground
          title={hasActiveFilters(filters) ? t('candidacies.noMatchTitle') : t('candidacies.emptyTitle')}
          description={
            hasActiveFilters(filters)
              ? t('candidacies.noMatchDescription')
              : t('candidacies.emptyDescription')
          }
          py="xl"
        >
          {hasActiveFilters(filters) && (
            <EmptyState.Actions>
              <Button variant="light" onClick={() => setFilters({})}>
                {t('candidacies.filters.reset')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <Stack gap="md" style={{ opacity: candidaciesQuery.isPlaceholderData ? 0.6 : 1 }}>
          <CandidaciesTable
            candidacies={candidacies}
            columns={columns}
            selectedIds={canMove ? selectedIds : undefined}
            onSelectionChange={canMove ? setSelectedIds : undefined}
            caption={t('candidacies.tableCaption')}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {candidaciesQuery.hasNextPage
                ? t('candidacies.countMore', { count: candidacies.length })
                : t('candidacies.count', { count: candidacies.length })}
            </Text>
            {candidaciesQuery.hasNextPage && (
              <Button
                variant="default"
                loading={candidaciesQuery.isFetchingNextPage}
                onClick={() => void candidaciesQuery.fetchNextPage()}
              >
                {t('candidacies.loadMore')}
              </Button>
            )}
          </Group>
          {candidaciesQuery.isFetchNextPageError && (
            <ErrorState
              error={candidaciesQuery.error}
              onRetry={() => void candidaciesQuery.fetchNextPage()}
            />
          )}
        </Stack>
      )}

      <BulkMoveDialog
        opened={isBulkOpen}
        candidacies={selected}
        onClose={bulkDialog.close}
        onDone={() => setSelectedIds(new Set())}
      />
    </>
  );
}
