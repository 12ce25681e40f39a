import {
  Alert,
  Button,
  type ComboboxItem,
  FileInput,
  Group,
  Paper,
  Progress,
  Radio,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  CANDIDACY_IMPORT_COLUMNS,
  type CandidacyImportReport,
} from '@passerelle/domain/application/application.schema';
import { IconAlertCircle, IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/router-links';
import { describeError } from '../../../lib/problem-message';
import { type ImportMode, useImportCandidacies } from '../api/import-candidacies';
import { ImportReport } from './import-report';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

// One example row, so that people see the expected formats (dates, codes, oui/non).
const TEMPLATE_EXAMPLE: Partial<Record<(typeof CANDIDACY_IMPORT_COLUMNS)[number], string>> = {
  firstName: 'Inès',
  lastName: 'Martin',
  email: 'ines.martin@example.fr',
  phone: '06 12 34 56 78',
  birthDate: '2003-07-14',
  gender: 'female',
  street: '12 rue de Lannoy',
  postalCode: '59100',
  inseeCode: '59512',
  communeName: 'Roubaix',
  diplomaLevel: 'none',
  employmentSituation: 'job_seeker',
  jobSeekerRegistered: 'oui',
  rsaBeneficiary: 'non',
  source: 'mission_locale',
  motivation: 'Je veux travailler dans le numérique',
  privacyNoticeVersion: '2026-01',
  futureContact: 'oui',
};

function csvCell(value: string): string {
  return /[",;\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The template: the expected header row (the session is chosen on the screen) and one example. */
export function buildImportTemplate(): string {
  const columns = CANDIDACY_IMPORT_COLUMNS.filter((column) => column !== 'sessionId');
  const example = columns.map((column) => csvCell(TEMPLATE_EXAMPLE[column] ?? ''));
  return `${columns.join(',')}\r\n${example.join(',')}\r\n`;
}

function downloadTemplate(fileName: string) {
  // A BOM so that spreadsheet software reads the accents as UTF-8.
  const blob = new Blob(['\uFEFF', buildImportTemplate()], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

interface CandidacyImportProps {
  sessionOptions: ComboboxItem[];
  initialSessionId?: string | undefined;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'checked'; report: CandidacyImportReport }
  | { kind: 'done'; report: CandidacyImportReport };

/**
 * Imports a CSV file into a session in two steps: a dry run that reports every row (nothing is
 * stored), then the import itself, all or nothing or row by row, as the API offers.
 */
export function CandidacyImport({ sessionOptions, initialSessionId }: CandidacyImportProps) {
  const { t } = useTranslation();
  const [sessionId, setSessionId] = useState(initialSessionId ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ session?: string; file?: string }>({});
  const importMutation = useImportCandidacies();

  const reset = () => {
    setStep({ kind: 'choose' });
    setError(null);
  };

  const chooseFile = async (chosen: File | null) => {
    reset();
    setFile(chosen);
    setCsv(null);
    setFieldErrors((current) => ({ ...current, file: undefined }));
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFieldErrors((current) => ({ ...current, file: t('import.fileTooLarge') }));
      return;
    }
    setCsv(await chosen.text());
  };

  const run = (dryRun: boolean) => {
    const missing = {
      session: sessionId ? undefined : t('intake.sessionRequired'),
      file: csv === null ? (fieldErrors.file ?? t('import.fileRequired')) : undefined,
    };
    setFieldErrors(missing);
    if (missing.session || missing.file || csv === null) return;
    setError(null);
    importMutation.mutate(
      { sessionId, csv, dryRun, mode },
      {
        onSuccess: (report) => setStep({ kind: dryRun ? 'checked' : 'done', report }),
        onError: (failure) => setError(describeError(failure, t)),
      },
    );
  };

  const checked = step.kind === 'checked' ? step.report : null;
  const refused = checked ? checked.invalid : 0;
  const isBlocked = checked !== null && mode === 'all_or_nothing' && refused > 0;
  const toImport = checked ? checked.created : 0;
  const isImporting = importMutation.isPending && importMutation.variables?.dryRun === false;
  const isChecking = importMutation.isPending && importMutation.variables?.dryRun === true;

  if (step.kind === 'done') {
    const { report } = step;
    const stored = report.rows.filter((row) => row.status === 'created').length;
    return (
      <Stack gap="lg" maw={960}>
        <Alert
          color={stored > 0 ? 'green' : 'orange'}
          variant="light"
          role="status"
          icon={<IconCircleCheck aria-hidden />}
        >
          {/* The title is set as text: Alert's own title shade is too light on its background (contrast). */}
          <Text fw={700} size="sm">
            {t('import.done.title', { count: stored })}
          </Text>
          <Text size="sm">{stored > 0 ? t('import.done.body') : t('import.done.nothing')}</Text>
        </Alert>
        <ImportReport report={report} />
        <Group gap="sm">
          <ButtonLink to="/candidatures" search={{ sessionId }}>
            {t('import.done.openCandidacies')}
          </ButtonLink>
          <Button
            variant="default"
            onClick={() => {
              reset();
              setFile(null);
              setCsv(null);
            }}
          >
            {t('import.done.another')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={960}>
      <Paper withBorder radius="md" p="lg" component="section">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} fz="lg">
                {t('import.fileSection')}
              </Title>
              <Text size="sm" c="dimmed" maw={560}>
                {t('import.fileHint')}
              </Text>
            </div>
            <Button
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => downloadTemplate(t('import.templateFileName'))}
            >
              {t('import.template')}
            </Button>
          </Group>
          <Select
            label={t('intake.session')}
            required
            searchable
            allowDeselect={false}
            placeholder={t('sessions.form.choose')}
            nothingFoundMessage={t('intake.noSession')}
            data={sessionOptions}
            value={sessionId || null}
            error={fieldErrors.session}
            onChange={(value) => {
              setSessionId(value ?? '');
              setFieldErrors((current) => ({ ...current, session: undefined }));
              reset();
            }}
          />
          <FileInput
            label={t('import.file')}
            description={t('import.fileFormat')}
            placeholder={t('import.filePlaceholder')}
            required
            clearable
            accept=".csv,text/csv"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            value={file}
            error={fieldErrors.file}
            onChange={(chosen) => void chooseFile(chosen)}
            clearButtonProps={{ 'aria-label': t('import.clearFile') }}
          />
          <Radio.Group
            label={t('import.mode')}
            value={mode}
            onChange={(value) => setMode(value === 'per_row' ? 'per_row' : 'all_or_nothing')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="all_or_nothing" label={t('import.modes.all_or_nothing')} />
              <Radio value="per_row" label={t('import.modes.per_row')} />
            </Stack>
          </Radio.Group>
          <Group>
            <Button variant={checked ? 'default' : 'filled'} loading={isChecking} onClick={() => run(true)}>
              {checked ? t('import.checkAgain') : t('import.check')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {error && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {error}
        </Alert>
      )}

      {checked && (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="import-report-title">
          <Stack gap="md">
            <Title order={2} fz="lg" id="import-report-title">
              {t('import.report.title')}
            </Title>
            <ImportReport report={checked} />
            {isBlocked ? (
              <Alert color="orange" variant="light" icon={<IconAlertCircle aria-hidden />}>
                {t('import.blocked', { count: refused })}
              </Alert>
            ) : (
              <Text size="sm" c="dimmed">
                {mode === 'per_row' && refused > 0
                  ? t('import.readyPerRow', { count: toImport, refused })
                  : t('import.ready', { count: toImport })}
              </Text>
            )}
            {isImporting && (
              <Stack gap={4}>
                <Text size="sm">{t('import.importing', { count: toImport })}</Text>
                <Progress
                  value={100}
                  animated
                  striped
                  aria-label={t('import.importing', { count: toImport })}
                />
              </Stack>
            )}
            <Group>
              <Button disabled={isBlocked || toImport === 0} loading={isImporting} onClick={() => run(false)}>
                {t('import.run', { count: toImport })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
