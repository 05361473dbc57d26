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
