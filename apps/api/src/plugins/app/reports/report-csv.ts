import type {
  CapacityReport,
  CompositionReport,
  FunnelReport,
  OutcomesReport,
} from '@passerelle/domain/report/report.schema';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV for a spreadsheet opened in France: UTF-8 with a byte-order mark (so that accents survive a
 * double click), `;` between fields and a decimal comma, as French Excel and LibreOffice expect.
 * Column names are stable codes; rates are ratios (0,4815), empty when there is nothing to divide.
 */
function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const cells = rows.map((row) =>
    row.map((cell) =>
      typeof cell === 'number' ? String(Number(cell.toFixed(4))).replace('.', ',') : (cell ?? ''),
    ),
  );
  return `\uFEFF${stringify([header, ...cells], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

export function funnelToCsv(report: FunnelReport): string {
  const segments = [
    { label: 'all', steps: report.steps },
    ...report.segments.map((segment) => ({
      label: segment.referrerName ?? segment.source ?? 'unknown',
      steps: segment.steps,
    })),
  ];
  return toCsv(
    ['segment', 'step', 'count', 'rate_from_previous', 'rate_from_applications'],
    segments.flatMap((segment) =>
      segment.steps.map((step) => [
        segment.label,
        step.step,
        step.count,
        step.rateFromPrevious,
        step.rateFromApplications,
      ]),
    ),
  );
}

export function compositionToCsv(report: CompositionReport): string {
  return toCsv(
    ['section', 'session', 'stage', 'criterion', 'count', 'unknown', 'size', 'share', 'min_share', 'status'],
    [
      ...report.stages.flatMap((stage) =>
        stage.criteria.map((criterion) => [
          'stage',
          null,
          stage.stage,
          criterion.criterion,
          criterion.count,
          criterion.unknown,
          criterion.size,
          criterion.share,
          null,
          null,
        ]),
      ),
      ...report.targets.map((target) => [
        'target',
        target.sessionName,
        'admitted',
        target.criterion,
        target.current.count,
        target.current.unknown,
        target.current.size,
        target.current.share,
        target.minShare,
        target.status,
      ]),
    ],
  );
}

export function outcomesToCsv(report: OutcomesReport): string {
  return toCsv(
    [
      'milestone',
      'denominator',
      'positive',
      'rate',
      'durable_employment',
      'transition',
      'positive_other',
      'not_positive',
      'unknown',
      'of_which_not_recorded',
      'unknown_share',
      'not_yet_due',
    ],
    report.milestones.map((milestone) => [
      milestone.milestone,
      milestone.denominator,
      milestone.positive,
      milestone.rate,
      milestone.counts.durable_employment ?? 0,
      milestone.counts.transition ?? 0,
      milestone.counts.positive_other ?? 0,
      milestone.counts.not_positive ?? 0,
      milestone.counts.unknown ?? 0,
      milestone.notRecorded,
      milestone.unknownShare,
      milestone.notYetDue,
    ]),
  );
}

export function capacityToCsv(report: CapacityReport): string {
  const columns = (row: CapacityReport['totals']) => [
    row.sessions,
    row.places,
    row.placesTaken,
    row.applications,
    row.eligibleApplications,
    row.eligibleWaitlisted,
    row.eligiblePerPlace,
  ];
  return toCsv(
    [
      'fabrique',
      'program',
      'sessions',
      'places',
      'places_taken',
      'applications',
      'eligible_applications',
      'eligible_waitlisted',
      'eligible_per_place',
    ],
    [
      ...report.rows.map((row) => [row.fabriqueName, row.programTitle, ...columns(row)]),
      ['total', null, ...columns(report.totals)],
    ],
  );
}
