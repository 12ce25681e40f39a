import { Skeleton, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { PageHeader } from '../../components/ui/page-header';
import { ButtonLink } from '../../components/ui/router-links';
import { paths } from '../../config/paths';
import { useDownloadReportCsv } from '../../features/reports/api/download-report-csv';
import { useCapacityReport } from '../../features/reports/api/get-capacity-report';
import { useCompositionReport } from '../../features/reports/api/get-composition-report';
import { useFunnelReport } from '../../features/reports/api/get-funnel-report';
import { useOutcomesReport } from '../../features/reports/api/get-outcomes-report';
import { useReportChoices } from '../../features/reports/api/get-report-choices';
import type { ReportName, ReportSearch } from '../../features/reports/api/report-search';
import { CapacityReportView } from '../../features/reports/components/capacity-report';
import { CompositionReportView } from '../../features/reports/components/composition-report';
import { FunnelReportView } from '../../features/reports/components/funnel-report';
import { KeyFigures } from '../../features/reports/components/key-figures';
import { OutcomesReportView } from '../../features/reports/components/outcomes-report';
import { ReportFilters } from '../../features/reports/components/report-filters';
import { ReportSection } from '../../features/reports/components/report-section';
import '../../features/reports/components/reports.css';

const route = getRouteApi('/_authenticated/rapports');

function Loading() {
  return <Skeleton height={220} radius="md" />;
}

export function ReportsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = (next: ReportSearch) => void navigate({ search: next, replace: true });
  const choices = useReportChoices();
  const funnel = useFunnelReport(search);
  const composition = useCompositionReport(search);
  const outcomes = useOutcomesReport(search);
  const capacity = useCapacityReport(search);
  const download = useDownloadReportCsv();
  const downloadOf = (name: ReportName) => () => download.mutate({ name, filters: search });
  const isDownloading = (name: ReportName) => download.isPending && download.variables?.name === name;

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          <ButtonLink
            to={paths.reports.print}
            search={search}
            variant="light"
            leftSection={<IconPrinter size={18} aria-hidden />}
          >
            {t('reports.printable')}
          </ButtonLink>
        }
      />
      <Stack gap="lg">
        <ReportFilters filters={search} onChange={setSearch} choices={choices.data} />
        {download.isError && (
          <ErrorState
            title={t('reports.downloadFailed')}
            error={download.error}
            onRetry={() => download.variables && download.mutate(download.variables)}
          />
        )}
        {funnel.data && outcomes.data ? (
          <KeyFigures funnel={funnel.data} outcomes={outcomes.data} />
        ) : funnel.isError || outcomes.isError ? null : (
          <Skeleton height={110} radius="md" />
        )}
        <ReportSection
          id="report-outcomes"
          title={t('reports.outcomes.title')}
          description={t('reports.outcomes.description')}
          onDownload={downloadOf('outcomes')}
          isDownloading={isDownloading('outcomes')}
        >
          {outcomes.data ? (
            outcomes.data.learners === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reports.outcomes.empty')}
              </Text>
            ) : (
              <OutcomesReportView report={outcomes.data} />
            )
          ) : outcomes.isError ? (
            <ErrorState error={outcomes.error} onRetry={() => void outcomes.refetch()} />
          ) : (
            <Loading />
          )}
        </ReportSection>
        <ReportSection
          id="report-funnel"
          title={t('reports.funnel.title')}
          description={t('reports.funnel.description')}
          onDownload={downloadOf('funnel')}
          isDownloading={isDownloading('funnel')}
        >
          {funnel.data ? (
            <FunnelReportView report={funnel.data} />
          ) : funnel.isError ? (
            <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />
          ) : (
            <Loading />
          )}
        </ReportSection>
        <ReportSection
          id="report-composition"
          title={t('reports.composition.title')}
          description={t('reports.composition.description')}
          onDownload={downloadOf('composition')}
          isDownloading={isDownloading('composition')}
        >
          {composition.data ? (
            <CompositionReportView report={composition.data} />
          ) : composition.isError ? (
            <ErrorState error={composition.error} onRetry={() => void composition.refetch()} />
          ) : (
            <Loading />
          )}
        </ReportSection>
        <ReportSection
          id="report-capacity"
          title={t('reports.capacity.title')}
          description={t('reports.capacity.description')}
          onDownload={downloadOf('capacity')}
          isDownloading={isDownloading('capacity')}
        >
          {capacity.data ? (
            capacity.data.rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reports.capacity.empty')}
              </Text>
            ) : (
              <CapacityReportView report={capacity.data} />
            )
          ) : capacity.isError ? (
            <ErrorState error={capacity.error} onRetry={() => void capacity.refetch()} />
          ) : (
            <Loading />
          )}
        </ReportSection>
      </Stack>
    </>
  );
}
