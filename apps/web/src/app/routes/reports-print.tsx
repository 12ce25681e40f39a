import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { Logo } from '../../components/ui/logo';
import { ButtonLink } from '../../components/ui/router-links';
import { usePageTitle } from '../../components/ui/use-page-title';
import { paths } from '../../config/paths';
import { useCompositionReport } from '../../features/reports/api/get-composition-report';
import { useFunnelReport } from '../../features/reports/api/get-funnel-report';
import { useOutcomesReport } from '../../features/reports/api/get-outcomes-report';
import { useReportChoices } from '../../features/reports/api/get-report-choices';
import { CompositionReportView } from '../../features/reports/components/composition-report';
import { FunnelReportView } from '../../features/reports/components/funnel-report';
import { KeyFigures } from '../../features/reports/components/key-figures';
import { OutcomesReportView } from '../../features/reports/components/outcomes-report';
import { useReportFormat } from '../../features/reports/components/report-format';
import '../../features/reports/components/reports.css';

const route = getRouteApi('/rapports/imprimer');

/** An A4 page a coordinator hands to a funder: who was reached, where they went. */
export function PrintableReportPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const format = useReportFormat();
  const choices = useReportChoices();
  const funnel = useFunnelReport(search);
  const composition = useCompositionReport(search);
  const outcomes = useOutcomesReport(search);
  const session = choices.data?.sessions.find((entry) => entry.id === search.sessionId);
  const fabrique = choices.data?.fabriques.find(
    (entry) => entry.value === (search.fabriqueId ?? session?.fabriqueId),
  );
  const program = choices.data?.programs.find(
    (entry) => entry.value === (search.programId ?? session?.programId),
  );
  const title = session
    ? t('reports.print.titleSession', { session: session.name })
    : t('reports.print.title');
  usePageTitle(title);
  const dateFormat = new Intl.DateTimeFormat(format.locale, { dateStyle: 'long' });
  const day = (iso: string) => dateFormat.format(new Date(`${iso}T12:00:00`));
  const scope = [
    fabrique ? t('reports.print.fabrique', { name: fabrique.label }) : t('reports.print.allFabriques'),
    program?.label,
    session
      ? t('reports.print.sessionDates', { start: day(session.startDate), end: day(session.endDate) })
      : null,
    search.from || search.to
      ? t('reports.print.period', {
          from: search.from ? day(search.from) : '…',
          to: search.to ? day(search.to) : '…',
        })
      : null,
  ].filter(Boolean);
  const error = funnel.error ?? composition.error ?? outcomes.error;

  return (
    <main className="print-page" id="main-content">
      <Group justify="space-between" className="no-print" mb="lg">
        <ButtonLink
          to={paths.reports.path}
          search={search}
          variant="subtle"
          leftSection={<IconArrowLeft size={18} aria-hidden />}
        >
          {t('reports.print.back')}
        </ButtonLink>
        <Button onClick={() => window.print()} leftSection={<IconPrinter size={18} aria-hidden />}>
          {t('reports.print.print')}
        </Button>
      </Group>
      <header className="print-header">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={1} fz={24}>
              {title}
            </Title>
            <Text size="sm">{scope.join(' · ')}</Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <Logo />
            <Text size="xs" c="dimmed">
              {t('reports.print.generatedOn', { date: dateFormat.format(new Date()) })}
            </Text>
          </Stack>
        </Group>
      </header>
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => void Promise.all([funnel.refetch(), composition.refetch(), outcomes.refetch()])}
        />
      ) : !funnel.data || !composition.data || !outcomes.data ? (
        <Stack gap="md">
          <Skeleton height={110} />
          <Skeleton height={300} />
        </Stack>
      ) : (
        <Stack gap="lg">
          <KeyFigures funnel={funnel.data} outcomes={outcomes.data} />
          <Text size="xs" c="dimmed">
            {t('reports.print.rateNote')}
          </Text>
          <section className="print-block" aria-labelledby="print-outcomes">
            <Title order={2} fz="md" id="print-outcomes" mb="xs">
              {t('reports.outcomes.title')}
            </Title>
            <OutcomesReportView report={outcomes.data} compact />
          </section>
          <section className="print-block" aria-labelledby="print-funnel">
            <Title order={2} fz="md" id="print-funnel" mb="xs">
              {t('reports.funnel.title')}
            </Title>
            <FunnelReportView report={funnel.data} compact />
          </section>
          <section className="print-block" aria-labelledby="print-composition">
            <Title order={2} fz="md" id="print-composition" mb="xs">
              {t('reports.composition.title')}
            </Title>
            <CompositionReportView report={composition.data} compact />
          </section>
          <Text size="xs" c="dimmed" className="print-footer">
            {t('reports.print.footer')}
          </Text>
        </Stack>
      )}
    </main>
  );
}
