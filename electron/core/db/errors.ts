/** True for a unique or primary-key violation, on PostgreSQL (SQLSTATE 23505) and on SQLite. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * True when the database refused a crew row that overlaps another live visit of the same
 * technician: PostgreSQL's exclusion constraint (SQLSTATE 23P01) or SQLite's trigger.
 */
export function isOverlapViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === '23P01') return true;
  return (
    code === 'SQLITE_CONSTRAINT_TRIGGER' && typeof message === 'string' && message.includes('visit_crew_no_overlap')
  );
}

/**
 * True for a violation of one unique index: PostgreSQL names the index, SQLite names its columns
 * (`table.column`), so a handler can tell which field to blame when a write touches several keys.
 */
export function isUniqueViolationOf(error: unknown, index: { name: string; columns: string }): boolean {
  const { code, constraint, message } = (error ?? {}) as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === '23505') return constraint === index.name;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes(`UNIQUE constraint failed: ${index.columns}`)
  );
}
