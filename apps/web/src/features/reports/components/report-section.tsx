import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ReportSectionProps {
  id: string;
  title: string;
  description: string;
  onDownload?: (() => void) | undefined;
  isDownloading?: boolean;
  children: ReactNode;
}

/** One report: title, what it counts, the chart, the table beneath and its CSV. */
export function ReportSection({
  id,
  title,
  description,
  onDownload,
  isDownloading,
  children,
}: ReportSectionProps) {
  const { t } = useTranslation();
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      className="report-section"
    >
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} fz="lg" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        {onDownload && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            onClick={onDownload}
            loading={isDownloading}
            className="no-print"
            style={{ flexShrink: 0 }}
            aria-label={t('reports.downloadCsvOf', { report: title })}
          >
            {t('reports.downloadCsv')}
          </Button>
        )}
      </Group>
      {children}
    </Paper>
  );
}

/** A horizontal bar, its length the share of the whole; decorative (the table beneath says it). */
export function Bar({ share, color, height = 22 }: { share: number; color: string; height?: number }) {
  return (
    <div className="report-bar-track" style={{ height }}>
      <div
        className="report-bar"
        style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%`, background: color, height }}
      />
    </div>
  );
}

/** A table that scrolls sideways on a narrow screen; on paper it fits the page instead. */
export function ReportTable({
  minWidth,
  isPrint = false,
  children,
}: {
  minWidth: number;
  isPrint?: boolean;
  children: ReactNode;
}) {
  const table = (
    <Table striped withTableBorder fz={isPrint ? 'xs' : 'sm'}>
      {children}
    </Table>
  );
  return isPrint ? table : <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>;
}
