import { Button, EmptyState } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useEligibilityPolicies } from '../../../features/eligibility-policies/api/get-eligibility-policies';
import { CreatePolicyDialog } from '../../../features/eligibility-policies/components/create-policy-dialog';
import { PoliciesTable } from '../../../features/eligibility-policies/components/policies-table';
import { usePrograms } from '../../../features/programs/api/get-programs';

export function EligibilityPoliciesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const policiesQuery = useEligibilityPolicies();
  const programsQuery = usePrograms();
  const [isCreateOpen, createDialog] = useDisclosure(false);
  const programTitles = useMemo(
    () =>
      new Map(
        (programsQuery.data?.pages.flatMap((page) => page.data) ?? []).map((program) => [
          program.id,
          program.title,
        ]),
      ),
    [programsQuery.data],
  );
  const policies = policiesQuery.data ?? [];

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        description={t('policies.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createDialog.open}>
            {t('policies.new')}
          </Button>
        }
      />
      {policiesQuery.isPending ? (
        <TableSkeleton rows={3} />
      ) : policiesQuery.isError ? (
        <ErrorState error={policiesQuery.error} onRetry={() => void policiesQuery.refetch()} />
      ) : policies.length === 0 ? (
        <EmptyState
          icon={<IconListCheck size={32} aria-hidden />}
          withIndicatorBackground
          title={t('policies.emptyTitle')}
          description={t('policies.emptyDescription')}
          py="xl"
        />
      ) : (
        <PoliciesTable policies={policies} programTitles={programTitles} />
      )}
      <CreatePolicyDialog
        opened={isCreateOpen}
        onClose={createDialog.close}
        onCreated={(policy) => {
          createDialog.close();
          void navigate({ to: '/admin/politiques/$policyId', params: { policyId: policy.id } });
        }}
      />
    </>
  );
}
