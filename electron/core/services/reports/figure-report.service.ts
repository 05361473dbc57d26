// The reports beyond SLA adherence, each a list of tables declared in report-definitions.ts: the
// database folds each table's base query per group, this module turns the folds into rows in
// reading order (with percentages of two counts), and opens the tickets behind any figure.
import {
  REPORT_TICKET_LIMIT,
  type FigureReport,
  type FigureRow,
  type FigureTable,
  type ReportKind,
  type ReportTicketList,
} from '../../../../shared/domain/reports';
import type { ReportInput } from '../../../../shared/domain/reports.schema';
import { ApiFailure } from '../../../../shared/errors';
import type { DatabaseHandle } from '../../db/connect';
import {
  figureColumn,
  figureTickets,
  foldFigures,
  type FigureColumn,
} from '../../repositories/figure-report.repository';
import type { ReportScope } from '../../repositories/report.repository';
import { inReadingOrder, labelOf, reportScope } from './sla-adherence.service';
import { checkReportInput, reportDefinitions, type MeasureSpec, type TableSpec } from './report-definitions';
import { reportTicketRow } from './report-ticket-row';

export type FigureReportKind = Exclude<ReportKind, 'sla_adherence'>;

/** The columns the database folds for a table: each count, mean and percentile once. */
function foldedColumns(spec: TableSpec): FigureColumn[] {
  return spec.measures.flatMap((m): FigureColumn[] =>
    m.kind === 'percent' ? [] : [{ id: m.id, column: m.column ?? m.id, fold: m.fold ?? 'sum' }],
  );
}

function valueOf(m: MeasureSpec, folded: Record<string, number | null>): number | null {
  if (m.kind === 'percent') {
    const [numerator, ...denominator] = m.of ?? [];
    const top = folded[numerator ?? ''] ?? 0;
    const bottom = denominator.reduce((sum, id) => sum + (folded[id] ?? 0), 0);
    return bottom === 0 ? null : Math.round((top / bottom) * 1000) / 10;
  }
  const v = folded[m.id] ?? null;
  if (m.fold === 'median' || m.fold === 'p90') return v;
  if (v === null) return m.kind === 'count' ? 0 : null;
  return m.kind === 'mean' ? Math.round(v * 100) / 100 : v;
}

/** The figures of one group, keyed by measure id. */
function foldValues(spec: TableSpec, raw: Record<string, number | null>): Record<string, number | null> {
  return Object.fromEntries(spec.measures.map((m) => [m.id, valueOf(m, raw)]));
}

async function tableOf(
  database: DatabaseHandle,
  scope: ReportScope,
  spec: TableSpec,
  now: string,
): Promise<FigureTable> {
  const base = await spec.base(scope, now, database.db);
  const columns = foldedColumns(spec);
  const [groups, [total]] = await Promise.all([
    foldFigures(database.db, base, columns),
    foldFigures(database.db, base, columns, true),
  ]);
  const label = (key: string | null, stored: string | null) =>
    spec.ownGroups
      ? (spec.ownGroups.find((g) => g.key === key)?.label ?? key ?? 'None')
      : labelOf(scope.groupBy, key, stored);
  let rows: FigureRow[] = groups.map((g) => ({
    key: g.group_key,
    label: label(g.group_key, g.group_label),
    values: foldValues(spec, g.values),
  }));
  if (spec.ownGroups) {
    // Every band or reason is shown, with zeros, in its own order.
    const found = new Map(rows.map((r) => [r.key, r]));
    rows = spec.ownGroups.map(
      (g) =>
        found.get(g.key) ?? {
          key: g.key,
          label: g.label,
          values: foldValues(spec, {}),
        },
    );
  } else rows = inReadingOrder(scope.groupBy, rows);
  return {
    id: spec.id,
    title: spec.title,
    groupLabel: spec.groupLabel(scope),
    measures: spec.measures.map(({ id, label: l, kind, drill }) => ({ id, label: l, kind, drill })),
    rows,
    total: { key: null, label: 'Total', values: foldValues(spec, total?.values ?? {}) },
    note: spec.note,
  };
}

/** A report of the period and filters: every table it declares. */
export async function figureReport(
  database: DatabaseHandle,
  kind: FigureReportKind,
  input: ReportInput,
  now: string,
): Promise<FigureReport> {
  checkReportInput(kind, input);
  const scope = await reportScope(database, input);
  const tables = await Promise.all(reportDefinitions[kind].map((spec) => tableOf(database, scope, spec, now)));
  return { report: kind, groupBy: input.groupBy, from: input.from, to: input.to, timeZone: scope.zone, tables };
}

const refuse = (path: string[], message: string): never => {
  throw new ApiFailure('invalid_input', message, [{ path, message }]);
};

/** The table and measure a drill-down names, checked against the report (unknown names are refused at their field). */
export function drillTarget(
  kind: FigureReportKind,
  table: string | undefined,
  measure: string | undefined,
  at: string[] = [],
) {
  const spec = reportDefinitions[kind].find((t) => t.id === (table ?? reportDefinitions[kind][0]?.id));
  if (!spec) return refuse([...at, 'table'], `The ${kind.replace(/_/g, ' ')} report has no table "${table}"`);
  const m = measure === undefined ? undefined : spec.measures.find((x) => x.id === measure);
  if (measure !== undefined && (!m || !m.drill))
    return refuse([...at, 'measure'], `The ${spec.title} table has no figure "${measure}" to open`);
  return { spec, measure: m };
}

/** The tickets behind one figure (a whole row without a measure), each once, oldest received first. */
export async function figureReportTickets(
  database: DatabaseHandle,
  kind: FigureReportKind,
  input: ReportInput & { key: string | null; table?: string | undefined; measure?: string | undefined },
  now: string,
  limit = REPORT_TICKET_LIMIT,
): Promise<ReportTicketList & { title: string }> {
  const { spec, measure } = drillTarget(kind, input.table, input.measure);
  checkReportInput(kind, input);
  const scope = await reportScope(database, input);
  // A percentage opens its numerator's tickets.
  const counted = measure?.kind === 'percent' ? spec.measures.find((m) => m.id === measure.of?.[0]) : measure;
  const rows = await figureTickets(
    database.db,
    scope,
    await spec.base(scope, now, database.db),
    {
      key: input.key,
      column: counted ? figureColumn(counted.column ?? counted.id) : null,
      fold: counted ? (counted.fold ?? 'sum') : null,
    },
    limit + 1,
  );
  const group = spec.ownGroups
    ? (spec.ownGroups.find((g) => g.key === input.key)?.label ?? input.key ?? 'none')
    : input.key === null
      ? labelOf(scope.groupBy, null, null)
      : input.key;
  return {
    tickets: rows.slice(0, limit).map(reportTicketRow),
    truncated: rows.length > limit,
    title: `${spec.title}, ${group}${measure ? `, ${measure.label}` : ''}`,
  };
}
