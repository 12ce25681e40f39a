import { Button, Loader } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import type { CandidacyListFilters } from '../api/candidacy-filters';
import { getAllCandidacies } from '../api/get-candidacies';
import { buildCandidaciesCsv, type CsvColumn, downloadTextFile } from './candidacies-csv';
import { useDomainMessage } from './candidacy-display';

interface ExportCandidaciesButtonProps {
  filters: CandidacyListFilters;
  onError: (error: unknown) => void;
}

/** Fetches every page of the filtered list (there is no export endpoint) and saves it as CSV. */
export function ExportCandidaciesButton({ filters, onError }: ExportCandidaciesButtonProps) {
  const { t } = useTranslation();
  const domainMessage = useDomainMessage();
  const [progress, setProgress] = useState<number | null>(null);

  const columns: CsvColumn[] = [
    { header: t('candidacies.csv.lastName'), value: (c) => c.candidate.lastName },
    { header: t('candidacies.csv.firstName'), value: (c) => c.candidate.firstName },
    { header: t('candidacies.csv.email'), value: (c) => c.candidate.email ?? '' },
    { header: t('candidacies.csv.phone'), value: (c) => c.candidate.phone ?? '' },
    { header: t('candidacies.csv.session'), value: (c) => c.session.name },
    { header: t('candidacies.csv.stage'), value: (c) => t(`candidacies.stages.${c.stage}`) },
    {
      header: t('candidacies.csv.eligibility'),
      value: (c) => {
        const status = c.eligibilityDecisionStatus ?? c.eligibilityStatus;
        return status ? t(`candidacies.eligibility.${status}`) : '';
      },
    },
    {
      header: t('candidacies.csv.criteria'),
      value: (c) => c.criteriaMet.map((code) => domainMessage(`criterion.${code}`)).join(', '),
    },
    { header: t('candidacies.csv.source'), value: (c) => c.source ?? '' },
    { header: t('candidacies.csv.submittedAt'), value: (c) => c.submittedAt },
    { header: t('candidacies.csv.id'), value: (c) => c.id },
  ];

  const exportCsv = async () => {
    setProgress(0);
    try {
      const candidacies = await getAllCandidacies(filters, { onProgress: setProgress });
      const date = new Intl.DateTimeFormat('sv-SE').format(new Date());
      downloadTextFile(
        `${t('candidacies.csv.filename')}-${date}.csv`,
        buildCandidaciesCsv(candidacies, columns),
      );
      notifySuccess(t('candidacies.csv.done', { count: candidacies.length }));
    } catch (error) {
      onError(error);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Button
      variant="default"
      leftSection={
        progress !== null ? <Loader size={16} aria-hidden /> : <IconDownload size={18} aria-hidden />
      }
      disabled={progress !== null}
      onClick={() => void exportCsv()}
    >
      {progress !== null ? (
        <span aria-live="polite">{t('candidacies.csv.progress', { count: progress })}</span>
      ) : (
        t('candidacies.csv.export')
      )}
    </Button>
  );
}
