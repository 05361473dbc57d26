import { sql } from 'kysely';
import type { AuditCursor } from '../../../shared/domain/audit';
import type { Tx } from '../db/transaction';

export interface AuditFilter {
  userId?: string | undefined;
  entity?: string | undefined;
  /** A record id: matches the row's own record or the ticket it is about. */
  record?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The rows the filter matches, with who wrote them and the ticket's number. */
function filtered(db: Tx, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('tickets as t', 't.id', 'a.ticket_id')
    .select([
      'a.id',
      'a.at',
      'a.user_id',
      'a.method',
      'a.entity',
      'a.entity_id',
      'a.ticket_id',
      'a.before',
      'a.after',
      'u.display_name',
      'u.username',
      't.number as ticket_number',
    ]);
  if (filter.userId) query = query.where('a.user_id', '=', filter.userId);
  if (filter.entity) query = query.where('a.entity', '=', filter.entity);
  const record = filter.record;
  if (record) query = query.where((eb) => eb.or([eb('a.entity_id', '=', record), eb('a.ticket_id', '=', record)]));
  if (filter.from) query = query.where('a.at', '>=', filter.from);
  if (filter.to) query = query.where('a.at', '<=', filter.to);
  return query;
}

/**
 * Newest first, a page at a time from `after` (the last row of the previous page). Keyset paging:
 * the database reads one index range per page however deep the page, where OFFSET would count
 * every row before it.
 */
export async function listAuditPage(db: Tx, filter: AuditFilter, after: AuditCursor | undefined, limit: number) {
  let query = filtered(db, filter);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('a.at', '<', after.at), eb.and([eb('a.at', '=', after.at), eb('a.id', '<', after.id)])]),
    );
  }
  return query.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

export type AuditListRow = Awaited<ReturnType<typeof listAuditPage>>[number];

export async function findAuditRow(db: Tx, id: string): Promise<AuditListRow | undefined> {
  return filtered(db, {}).where('a.id', '=', id).executeTakeFirst();
}

/** Every row the filter matches, newest first, up to `limit`. */
export async function listAuditForExport(db: Tx, filter: AuditFilter, limit: number): Promise<AuditListRow[]> {
  return filtered(db, filter).orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

/** The ticket with this number, so an admin can look a ticket up by what people call it. */
export async function ticketIdByNumber(db: Tx, number: string): Promise<string | undefined> {
  const row = await db.selectFrom('tickets').select('id').where('number', '=', number).executeTakeFirst();
  return row?.id;
}

/**
 * The kinds of record the log holds. A loose index scan (each step jumps to the next larger
 * entity in the index), so it reads one index entry per kind, not a million rows.
 */
export async function listAuditEntities(db: Tx): Promise<string[]> {
  const result = await sql<{ entity: string | null }>`
    with recursive kinds(entity) as (
      select min(entity) from audit_log
      union all
      select (select min(a.entity) from audit_log a where a.entity > kinds.entity) from kinds where kinds.entity is not null
    )
    select entity from kinds where entity is not null`.execute(db);
  return result.rows.map((r) => r.entity).filter((e): e is string => e !== null);
}
