import { Button, EmptyState, Group, Stack } from '@mantine/core';
import type { Program } from '@passerelle/domain/program/program.schema';
import { IconCertificate, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useEligibilityPolicies } from '../../../features/eligibility-policies/api/get-eligibility-policies';
import { useFabriqueChoices } from '../../../features/fabriques/api/get-fabriques';
import { usePrograms } from '../../../features/programs/api/get-programs';
import { ProgramDialog } from '../../../features/programs/components/program-dialog';
import { ProgramsTable } from '../../../features/programs/components/programs-table';

export function ProgramsPage() {
  const { t } = useTranslation();
  const programsQuery = usePrograms();
  const policiesQuery = useEligibilityPolicies();
  const fabriqueChoices = useFabriqueChoices();
  // undefined: closed; null: creating; a program: editing it.
  const [dialogProgram, setDialogProgram] = useState<Program | null | undefined>(undefined);
  const programs = programsQuery.data?.pages.flatMap((page) => page.data) ?? [];
  const policyOptions = useMemo(
    () => (policiesQuery.data ?? []).map((policy) => ({ value: policy.id, label: policy.name })),
    [policiesQuery.data],
  );
  const fabriqueOptions = fabriqueChoices.data ?? [];
  const policyNames = useMemo(
    () => new Map(policyOptions.map((option) => [option.value, option.label])),
    [policyOptions],
  );
  const fabriqueNames = useMemo(
    () => new Map(fabriqueOptions.map((option) => [option.value, option.label])),
    [fabriqueOptions],
  );

  return (
    <>
      <PageHeader
        title={t('programs.title')}
        description={t('programs.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialogProgram(null)}>
            {t('programs.new')}
          </Button>
        }
      />
      {programsQuery.isPending ? (
        <TableSkeleton rows={4} />
      ) : programsQuery.isError && !programsQuery.isFetchNextPageError ? (
        <ErrorState error={programsQuery.error} onRetry={() => void programsQuery.refetch()} />
      ) : programs.length === 0 ? (
        <EmptyState
          icon={<IconCertificate size={32} aria-hidden />}
          withIndicatorBackground
          title={t('programs.emptyTitle')}
          description={t('programs.emptyDescription')}
          py="xl"
        />
      ) : (
        <Stack gap="md">
          <ProgramsTable
            programs={programs}
            fabriqueNames={fabriqueNames}
            policyNames={policyNames}
            onEdit={setDialogProgram}
          />
          {programsQuery.hasNextPage && (
            <Group justify="flex-end">
              <Button
                variant="default"
                loading={programsQuery.isFetchingNextPage}
                onClick={() => void programsQuery.fetchNextPage()}
              >
                {t('programs.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <ProgramDialog
        opened={dialogProgram !== undefined}
        program={dialogProgram ?? null}
        onClose={() => setDialogProgram(undefined)}
        policyOptions={policyOptions}
        fabriqueOptions={fabriqueOptions}
      />
    </>
  );
}
