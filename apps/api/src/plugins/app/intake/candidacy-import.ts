import {
  type CANDIDACY_IMPORT_COLUMNS,
  type CandidacyImportReport,
  type CandidacyIntake,
  CandidacyIntakeSchema,
} from '@passerelle/domain/application/application.schema';
import type { Actor } from '@passerelle/domain/auth/access';
import { formatMessage, isMessageKey, type Locale } from '@passerelle/domain/messages/messages';
import { DomainError, isDomainError } from '@passerelle/domain/shared/errors';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { auditMeta, type RequestContext } from '../http/context.ts';
import type { IntakeService } from './intake-service.ts';

type ImportRow = Partial<Record<(typeof CANDIDACY_IMPORT_COLUMNS)[number], string>>;
type ReportRow = CandidacyImportReport['rows'][number];
type FieldError = { field: string; message: string };

/** Body paths back to the file's column names, so that the report speaks the file's language. */
const COLUMN_OF_PATH: Record<string, string> = {
  'address.street': 'street',
  'address.postalCode': 'postalCode',
  'address.inseeCode': 'inseeCode',
  'address.communeName': 'communeName',
  'diploma.highestLevel': 'diplomaLevel',
  'jobSeeker.registered': 'jobSeekerRegistered',
  'jobSeeker.since': 'jobSeekerSince',
  'jobSeeker.category': 'jobSeekerCategory',
  'jobSeeker.identifier': 'jobSeekerId',
  'source.kind': 'source',
  'source.partnerId': 'prescriberPartnerId',
  'consent.privacyNoticeVersion': 'privacyNoticeVersion',
  'consent.futureContact': 'futureContact',
  'answers.0.answer': 'motivation',
  consent: 'privacyNoticeVersion',
  diploma: 'diplomaLevel',
};

const TRUE_VALUES = ['true', 'oui', 'yes', '1', 'o', 'y'];
const FALSE_VALUES = ['false', 'non', 'no', '0', 'n'];

/** "oui"/"non", "true"/"false", "1"/"0"; anything else is passed on for the schema to refuse. */
function toBoolean(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (TRUE_VALUES.includes(lower)) return true;
  if (FALSE_VALUES.includes(lower)) return false;
  return value;
}

/** A CSV row in the shape of the intake body; empty cells are absent values. */
export function toIntakeBody(row: ImportRow, defaultSessionId: string | undefined): Record<string, unknown> {
  const cell = (name: keyof ImportRow) => {
    const value = row[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const hasAddress = cell('street') || cell('postalCode') || cell('inseeCode');
  const registered = toBoolean(cell('jobSeekerRegistered'));
  const hasJobSeeker = registered !== undefined || cell('jobSeekerSince') || cell('jobSeekerCategory');
  const sourceKind = cell('source');
  const privacyNoticeVersion = cell('privacyNoticeVersion');
  return {
    sessionId: cell('sessionId') ?? defaultSessionId,
    firstName: cell('firstName'),
    lastName: cell('lastName'),
    email: cell('email'),
    phone: cell('phone'),
    birthDate: cell('birthDate'),
    gender: cell('gender'),
    address: hasAddress
      ? {
          street: cell('street'),
          postalCode: cell('postalCode'),
          inseeCode: cell('inseeCode'),
          communeName: cell('communeName'),
        }
      : undefined,
    diploma: cell('diplomaLevel') ? { highestLevel: cell('diplomaLevel') } : undefined,
    employmentSituation: cell('employmentSituation'),
    jobSeeker: hasJobSeeker
      ? {
          registered,
          since: cell('jobSeekerSince'),
          category: cell('jobSeekerCategory'),
          identifier: cell('jobSeekerId'),
        }
      : undefined,
    rsaBeneficiary: toBoolean(cell('rsaBeneficiary')),
    guardianConsent: toBoolean(cell('guardianConsent')),
    source: sourceKind
      ? {
          kind: sourceKind,
          ...(sourceKind === 'partner' && cell('prescriberPartnerId')
            ? { partnerId: cell('prescriberPartnerId') }
            : {}),
        }
      : undefined,
    prescriberPartnerId: cell('prescriberPartnerId'),
    answers: cell('motivation') ? [{ questionId: 'motivation', answer: cell('motivation') }] : [],
    consent: privacyNoticeVersion
      ? { privacyNoticeVersion, futureContact: toBoolean(cell('futureContact')) ?? false }
      : undefined,
  };
}

function localise(message: string, locale: Locale): string {
  return isMessageKey(message) ? formatMessage({ key: message }, locale) : message;
}

/** Reads the file; a file that is not CSV at all is a 400, not a report. */
function parseCsv(text: string): { line: number; row: ImportRow }[] {
  try {
    const records = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
      delimiter: [',', ';'],
    }) as { record: ImportRow; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, row: record }));
  } catch (error) {
    throw new DomainError('validation_failed', `body: not a readable CSV file (${(error as Error).message})`);
  }
}

class RollBack extends Error {}

export function createCandidacyImportService(deps: {
  db: Database;
  intakeService: IntakeService;
  audit: AuditRepository;
}) {
  const { db, intakeService, audit } = deps;

  return {
    /**
     * Runs the intake use case on every row, in one transaction (each row in a savepoint). A dry run,
     * or an all-or-nothing import with a failed row, rolls the whole transaction back.
     */
    async importCandidacies(
      context: RequestContext & { actor: Actor },
      csv: string,
      options: {
        sessionId?: string | undefined;
        dryRun: boolean;
        mode: 'all_or_nothing' | 'per_row';
        locale: Locale;
      },
    ): Promise<CandidacyImportReport> {
      const records = parseCsv(csv);
      if (records.length === 0) throw new DomainError('validation_failed', 'body: the file has no data row');
      if (records.length > 10_000)
        throw new DomainError('validation_failed', 'body: at most 10,000 rows per import');

      const report: ReportRow[] = [];
      const valid: { index: number; body: CandidacyIntake }[] = [];
      for (const { line, row } of records) {
        const parsed = CandidacyIntakeSchema.safeParse(toIntakeBody(row, options.sessionId));
        if (parsed.success) {
          valid.push({ index: report.length, body: parsed.data });
          report.push({ line, status: 'created' });
        } else {
          const errors: FieldError[] = parsed.error.issues.map((issue) => {
            const path = issue.path.join('.');
            return {
              field: COLUMN_OF_PATH[path] ?? (path || 'row'),
              message: localise(issue.message, options.locale),
            };
          });
          report.push({ line, status: 'invalid', errors });
        }
      }

      const failRow = (index: number, status: 'invalid' | 'duplicate', errors: FieldError[]) => {
        const entry = report[index];
        if (entry) report[index] = { line: entry.line, status, errors };
      };

      let isRolledBack = false;
      try {
        await db.transaction(async (tx) => {
          for (const { index, body } of valid) {
            try {
              const session = await intakeService.findSessionForStaff(tx, context.actor, body.sessionId);
              const { sessionId: _sessionId, prescriberPartnerId, website: _honeypot, ...application } = body;
              const result = await tx.transaction((savepoint) =>
                intakeService.intakeApplication(savepoint, context, session, {
                  application,
                  referrerPartnerId: prescriberPartnerId,
                  door: 'import',
                }),
              );
              const entry = report[index];
              if (entry)
                report[index] = {
                  ...entry,
                  candidacyId: result.candidacyId,
                  candidateId: result.candidateId,
                };
            } catch (error) {
              if (isDomainError(error) && error.code === 'duplicate') {
                failRow(index, 'duplicate', [
                  { field: 'email', message: localise('application.duplicate', options.locale) },
                ]);
              } else if (isUniqueViolation(error)) {
                failRow(index, 'duplicate', [
                  { field: 'email', message: localise('application.duplicate', options.locale) },
                ]);
              } else if (isDomainError(error) && error.code === 'not_found') {
                failRow(index, 'invalid', [{ field: 'sessionId', message: 'no such session' }]);
              } else if (isDomainError(error) && error.code === 'conflict') {
                failRow(index, 'invalid', [
                  { field: 'sessionId', message: localise(error.detail ?? 'conflict', options.locale) },
                ]);
              } else {
                throw error;
              }
            }
          }
          const hasFailures = report.some((entry) => entry.status !== 'created');
          if (options.dryRun || (options.mode === 'all_or_nothing' && hasFailures)) throw new RollBack();
          await audit.record(tx, {
            ...auditMeta(context),
            action: 'candidacy.imported',
            entityType: 'candidacy_import',
            details: {
              mode: options.mode,
              rows: report.length,
              created: report.filter((entry) => entry.status === 'created').length,
            },
          });
        });
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
        isRolledBack = true;
      }

      const rows = report.map((entry): ReportRow => {
        if (entry.status !== 'created' || !isRolledBack) return entry;
        // Nothing was stored: the ids reported would point at nothing.
        return options.dryRun
          ? { line: entry.line, status: 'created' }
          : { line: entry.line, status: 'skipped' };
      });
      return {
        rows,
        created: rows.filter((entry) => entry.status === 'created').length,
        invalid: rows.filter((entry) => entry.status === 'invalid' || entry.status === 'duplicate').length,
        dryRun: options.dryRun,
      };
    },
  };
}

export type CandidacyImportService = ReturnType<typeof createCandidacyImportService>;
