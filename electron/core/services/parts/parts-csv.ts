import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { MAX_CSV_ROWS, skuKey, type PartDto } from '../../../../shared/domain/parts';
import { partName, partUnit, sku as skuSchema } from '../../../../shared/domain/parts.schema';
import type { InputIssue } from '../../../../shared/errors';

/** One good data line of a parts CSV; `active` is null when the file does not say. */
export interface CsvPart {
  line: number;
  sku: string;
  name: string;
  unit: string;
  active: boolean | null;
}

export type CsvParseResult = { ok: true; parts: CsvPart[] } | { ok: false; issues: InputIssue[] };

const columns = ['sku', 'name', 'unit', 'active'] as const;
type Column = (typeof columns)[number];
const required: readonly Column[] = ['sku', 'name', 'unit'];

const yes = ['true', 'yes', 'y', '1', 'active'];
const no = ['false', 'no', 'n', '0', 'inactive'];

const cellSchemas: Record<Exclude<Column, 'active'>, z.ZodType<string>> = {
  sku: skuSchema,
  name: partName,
  unit: partUnit,
};

/** An issue about one line of the file: path ['csv', line, column], the line and column in words too. */
function lineIssue(line: number, column: string, message: string): InputIssue {
  return { path: ['csv', line, column], message: `Line ${line}, ${column}: ${message}` };
}

/**
 * Semicolons where a spreadsheet's locale uses the comma for decimals, commas elsewhere: the
 * header line decides (it has no quoted commas in practice, but quotes are skipped anyway).
 */
function delimiterOf(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Parses a parts CSV: a header row naming sku, name, unit and optionally active (any case, any
 * order; other columns ignored), then one part per line. Either every line is good, or the answer
 * lists one issue per bad line; nothing in between, so an import is all or nothing.
 */
export function parsePartsCsv(text: string): CsvParseResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // With info: true every record comes as { record, info }; the typings do not follow the option.
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return { ok: false, issues: [{ path: ['csv', line], message: `Line ${line}: ${error.message}` }] };
    }
    throw error;
  }
  // info.lines is where a record ends; a quoted field may span lines, so count back to its start.
  const startLine = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);

  const [header, ...rows] = records;
  if (!header) return { ok: false, issues: [{ path: ['csv'], message: 'The file is empty' }] };
  const headerLine = startLine(header);
  const index = new Map<Column, number>();
  const issues: InputIssue[] = [];
  header.record.forEach((name, i) => {
    const column = columns.find((c) => c === name.trim().toLowerCase());
    if (!column) return;
    if (index.has(column)) issues.push(lineIssue(headerLine, column, 'this column appears twice'));
    else index.set(column, i);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    issues.push({
      path: ['csv', headerLine, missing[0] ?? 'sku'],
      message: `Line ${headerLine}: the header needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.record.join(', ') || 'nothing'})`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  if (rows.length === 0)
    return { ok: false, issues: [{ path: ['csv'], message: 'The file has no parts under its header' }] };
  if (rows.length > MAX_CSV_ROWS) {
    return {
      ok: false,
      issues: [{ path: ['csv'], message: `At most ${MAX_CSV_ROWS.toLocaleString('en-US')} parts per file; split it` }],
    };
  }

  const parts: CsvPart[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const line = startLine(row);
    const cell = (column: Column) => {
      const at = index.get(column);
      return at === undefined ? '' : (row.record[at] ?? '').trim();
    };
    const problems: { column: string; message: string }[] = [];
    const values: Partial<Record<Exclude<Column, 'active'>, string>> = {};
    for (const column of required) {
      const parsed = cellSchemas[column as Exclude<Column, 'active'>].safeParse(cell(column));
      if (parsed.success) values[column as Exclude<Column, 'active'>] = parsed.data;
      else
        problems.push({ column, message: cell(column) === '' ? 'missing' : (parsed.error.issues[0]?.message ?? '') });
    }
    let active: boolean | null = null;
    const activeText = cell('active').toLowerCase();
    if (yes.includes(activeText)) active = true;
    else if (no.includes(activeText)) active = false;
    else if (activeText !== '') problems.push({ column: 'active', message: `"${cell('active')}" is not yes or no` });
    if (values.sku) {
      const key = skuKey(values.sku);
      const first = firstLineOf.get(key);
      if (first !== undefined) problems.push({ column: 'sku', message: `${values.sku} is on line ${first} already` });
      else firstLineOf.set(key, line);
    }
    const [firstProblem] = problems;
    if (firstProblem) {
      issues.push({
        path: ['csv', line, firstProblem.column],
        message: `Line ${line}: ${problems.map((p) => `${p.column} ${p.message}`).join('; ')}`,
      });
    } else if (values.sku && values.name && values.unit) {
      parts.push({ line, sku: values.sku, name: values.name, unit: values.unit, active });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, parts };
}

export interface ImportPlan {
  create: CsvPart[];
  update: { before: PartDto; after: CsvPart & { active: boolean } }[];
  unchanged: number;
}

/** Sorts the file's parts into new, changed and unchanged against the catalog, by SKU key. */
export function planPartsImport(parts: readonly CsvPart[], catalog: ReadonlyMap<string, PartDto>): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], unchanged: 0 };
  for (const part of parts) {
    const before = catalog.get(skuKey(part.sku));
    if (!before) {
      plan.create.push(part);
      continue;
    }
    // A file without an active column leaves each part's state as it is.
    const after = { ...part, active: part.active ?? before.active };
    const same =
      before.sku === after.sku &&
      before.name === after.name &&
      before.unit === after.unit &&
      before.active === after.active;
    if (same) plan.unchanged++;
    else plan.update.push({ before, after });
  }
  return plan;
}
