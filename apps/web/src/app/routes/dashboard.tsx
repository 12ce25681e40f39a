import { Skeleton, Stack } from '@mantine/core';
import { ErrorState } from '../../components/ui/error-state';
import { useMe } from '../../features/auth/api/get-me';
import { Dashboard } from '../../features/dashboard/components/dashboard';

export function DashboardPage() {
  const meQuery = useMe();

  if (meQuery.data) return <Dashboard user={meQuery.data} />;
  if (meQuery.isError) return <ErrorState error={meQuery.error} onRetry={() => void meQuery.refetch()} />;
  return (
    <Stack gap="md">
      <Skeleton height={36} width="40%" />
      <Skeleton height={160} />
    </Stack>
  );
}
