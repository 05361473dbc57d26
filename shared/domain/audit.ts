/** One row of the audit log as an admin reads it in the list. */
export interface AuditEntryDto {
  id: string;
  at: string;
  /** Who did it; null for the console's own work (the SLA watcher, the outbox sender). */
  user: { id: string; displayName: string; username: string } | null;
  /** The API method (or the console's own process) that wrote the row. */
  method: string;
  /** What kind of record it touched, e.g. 'ticket', 'visit', 'sign_in'. */
  entity: string;
  entityId: string;
  /** The ticket it is about, when it is about one. */
  ticket: { id: string; number: string } | null;
  /** The fields that changed (or were written), in order, for the list. */
  fields: string[];
}

export interface AuditChangeDto {
  field: string;
  /** Undefined when the field was not recorded on that side. */
  before?: unknown;
  after?: unknown;
}

/** One audit row whole: exactly what was recorded before and after. */
export interface AuditDetailDto extends AuditEntryDto {
  before: unknown;
  after: unknown;
  changes: AuditChangeDto[];
}

/** Where the next page starts: the last row of this one (the list runs newest first). */
export interface AuditCursor {
  at: string;
  id: string;
}

export interface AuditPageDto {
  entries: AuditEntryDto[];
  /** Null on the last page. */
  next: AuditCursor | null;
}

export interface AuditExportDto {
  fileName: string;
  csv: string;
  rows: number;
  /** More rows matched than an export holds: narrow the filter to get the rest. */
  truncated: boolean;
}

/** An export holds at most this many rows: a filtered period, not the whole history at once. */
export const AUDIT_EXPORT_LIMIT = 100_000;

/** The field names an audit row's before and after mention, in order of first appearance. */
export function changedFields(before: unknown, after: unknown): string[] {
  const keys = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
  return [...new Set([...keys(before), ...keys(after)])];
}
