// Reports and ticket lists as files: CSV through csv-stringify, XLSX through exceljs with typed cells
// (numbers as numbers, instants as real dates), so a spreadsheet can sum and sort them.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import {
  reportGroupingLabels,
  type FigureReport,
  type ReportExportFormat,
  type ReportFileDto,
  type ReportTicketList,
  type SlaAdherenceReport,
} from '../../../../shared/domain/reports';
import { channelLabels, priorityLabels, statusLabels } from '../../../../shared/domain/ticket';

type CellKind = 'text' | 'number' | 'instant';
type Cell = string | number | null;

interface Table {
  title: string;
  /** What the numbers mean, written under the table. */
  note?: string;
  /** The short name of its XLSX sheet when a file holds several tables. */
  sheet?: string;
  columns: { header: string; kind: CellKind; width?: number }[];
  rows: Cell[][];
}

/** The report as a table: one line per group, then the total. */
export function adherenceTable(report: SlaAdherenceReport): Table {
  const line = (row: SlaAdherenceReport['total']): Cell[] => [
    row.label,
    row.closed,
    row.met,
    row.missed,
    row.noTarget,
    row.percentMet,
    row.responseMinutes.median,
    row.responseMinutes.p90,
    row.resolutionMinutes.median,
    row.resolutionMinutes.p90,
  ];
  return {
    title: `SLA adherence by ${reportGroupingLabels[report.groupBy].toLowerCase()}, ${report.from} to ${report.to}`,
    columns: [
      { header: reportGroupingLabels[report.groupBy], kind: 'text', width: 28 },
      { header: 'Closed', kind: 'number' },
      { header: 'Met', kind: 'number' },
      { header: 'Missed', kind: 'number' },
      { header: 'No target', kind: 'number' },
      { header: '% met', kind: 'number' },
      { header: 'Response median (min)', kind: 'number', width: 22 },
      { header: 'Response p90 (min)', kind: 'number', width: 20 },
      { header: 'Resolution median (min)', kind: 'number', width: 24 },
      { header: 'Resolution p90 (min)', kind: 'number', width: 22 },
    ],
    rows: [...report.rows.map(line), line(report.total)],
  };
}

const outcomeWords = { met: 'Met', missed: 'Missed', no_target: 'No target' } as const;

/** The tickets behind a figure as a table. */
export function ticketTable(list: ReportTicketList, title: string): Table {
  return {
    title,
    columns: [
      { header: 'Ticket', kind: 'text', width: 16 },
      { header: 'Priority', kind: 'text' },
      { header: 'Client', kind: 'text', width: 24 },
      { header: 'Site', kind: 'text', width: 20 },
      { header: 'Technician', kind: 'text', width: 20 },
      { header: 'Team', kind: 'text' },
      { header: 'Received', kind: 'instant', width: 18 },
      { header: 'SLA due', kind: 'instant', width: 18 },
      { header: 'First arrival', kind: 'instant', width: 18 },
      { header: 'Closed', kind: 'instant', width: 18 },
      { header: 'SLA', kind: 'text' },
      { header: 'SLA minutes', kind: 'number' },
      { header: 'Response (min)', kind: 'number' },
      { header: 'Resolution (min)', kind: 'number' },
      { header: 'Channel', kind: 'text' },
      { header: 'Status', kind: 'text' },
    ],
    rows: list.tickets.map((t) => [
      t.number,
      priorityLabels[t.priority],
      t.clientName,
      t.siteName,
      t.technicianName,
      t.team,
      t.receivedAt,
      t.slaDueAt,
      t.firstArrivalAt,
      t.closedAt,
      t.slaOutcome === null ? null : outcomeWords[t.slaOutcome],
      t.slaMinutes,
      t.responseMinutes,
      t.resolutionMinutes,
      channelLabels[t.channel],
      statusLabels[t.status],
    ]),
  };
}

/** The report's tables: one line per group, then the total; the note under each. */
export function figureTables(report: FigureReport): Table[] {
  return report.tables.map((t) => ({
    title: `${t.title} by ${t.groupLabel.toLowerCase()}, ${report.from} to ${report.to}`,
    note: t.note,
    sheet: t.title,
    columns: [
      { header: t.groupLabel, kind: 'text', width: 24 },
      ...t.measures.map((m): Table['columns'][number] => ({
        header: m.kind === 'percent' ? `${m.label} (%)` : m.kind === 'minutes' ? `${m.label} (min)` : m.label,
        kind: 'number',
        width: Math.max(12, m.label.length + 6),
      })),
    ],
    rows: [...t.rows, t.total].map((r) => [r.label, ...t.measures.map((m) => r.values[m.id] ?? null)]),
  }));
}

/**
 * CSV: instants stay ISO 8601 UTC, which every tool reads without guessing a zone. Several tables
 * follow one another, each under its title line and followed by its note and a blank line.
 */
function csvOf(tables: Table[]): string {
  const lines = tables.flatMap((table) => {
    const header = table.columns.map((c) => (c.kind === 'instant' ? `${c.header} (UTC)` : c.header));
    const body = [header, ...table.rows.map((r) => r.map((v) => (v === null ? '' : v)))];
    return tables.length === 1 ? body : [[table.title], ...body, [table.note ?? ''], []];
  });
  return stringify(lines);
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(title: string, taken: Set<string>): string {
  const plain =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 28)
      .trim() || 'Report';
  let name = plain;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${plain} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * XLSX: numbers are numeric cells and instants date cells. Spreadsheets have no time zones, so an
 * instant is written as its wall-clock time in the organisation's zone (named in the header).
 */
async function xlsxOf(tables: Table[], zone: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Dispatch Console';
  const taken = new Set<string>();
  for (const table of tables)
    addSheet(book, table, zone, tables.length === 1 ? 'Report' : sheetName(table.sheet ?? table.title, taken));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One table on its own sheet: its title, the header, the rows, then its note. */
function addSheet(book: ExcelJS.Workbook, table: Table, zone: string, name: string): void {
  const sheet = book.addWorksheet(name);
  sheet.addRow([table.title]).font = { bold: true };
  const header = sheet.addRow(table.columns.map((c) => (c.kind === 'instant' ? `${c.header} (${zone})` : c.header)));
  header.font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((value, i) => {
        if (value === null) return null;
        if (table.columns[i]?.kind !== 'instant') return value;
        const local = DateTime.fromISO(String(value), { zone: 'utc' }).setZone(zone);
        return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
      }),
    );
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width ?? 12;
    if (c.kind === 'instant') column.numFmt = 'yyyy-mm-dd hh:mm';
  });
  if (table.note) sheet.addRow([table.note]).font = { italic: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

/** The table as a file of the asked format, base64 for the JSON answer. */
export async function reportFile(
  table: Table | Table[],
  format: ReportExportFormat,
  baseName: string,
  zone: string,
  truncated: boolean,
): Promise<ReportFileDto> {
  const tables = Array.isArray(table) ? table : [table];
  const content = format === 'csv' ? Buffer.from(csvOf(tables), 'utf8') : await xlsxOf(tables, zone);
  return {
    fileName: `${baseName}.${format}`,
    mimeType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
    rows: tables.reduce((sum, t) => sum + t.rows.length, 0),
    truncated,
  };
}
