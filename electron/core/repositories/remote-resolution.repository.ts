import { sql } from 'kysely';
import type { RemoteResolutionDto } from '../../../shared/domain/closure';
import { readJsonOrUndefined, textList } from '../db/json-column';
import type { Tx } from '../db/transaction';

/** What is written: the resolution as shown, less `current` (which the reading side works out). */
export interface RemoteResolutionRow extends Omit<RemoteResolutionDto, 'current'> {
  ticketId: string;
}

export async function insertRemoteResolution(db: Tx, row: RemoteResolutionRow): Promise<void> {
  await db
    .insertInto('remote_resolutions')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      channel: row.channel,
      responded_at: row.respondedAt,
      resolved_at: row.resolvedAt,
      resolution: row.resolution,
      steps: JSON.stringify(row.steps),
      confirmed_by_name: row.confirmedBy,
      confirmed_at: row.confirmedAt,
      recorded_at: row.recordedAt,
      recorded_by: row.recordedBy,
    })
    .execute();
}

/**
 * Marks the ticket resolved if it is still at the version the caller read, and makes the start of
 * the remote work its SLA response moment unless a crew arrived earlier; false when it moved on.
 */
export async function resolveTicketRemotelyIfVersion(
  db: Tx,
  change: { ticketId: string; expectedVersion: number; respondedAt: string; at: string },
): Promise<boolean> {
  const earlier = sql<boolean>`first_arrival_at is null or first_arrival_at > ${change.respondedAt}`;
  const result = await db
    .updateTable('tickets')
    .set({
      status: 'resolved',
      first_arrival_at: sql<string>`case when ${earlier} then ${change.respondedAt} else first_arrival_at end`,
      response_kind: sql<'remote' | 'on_site'>`case when ${earlier} then 'remote' else response_kind end`,
      updated_at: change.at,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', change.ticketId)
    .where('version', '=', change.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The latest remote resolution of a ticket; `current` unless the ticket was reopened after it. */
export async function latestRemoteResolution(db: Tx, ticketId: string): Promise<RemoteResolutionDto | null> {
  const row = await db
    .selectFrom('remote_resolutions as r')
    .innerJoin('users as u', 'u.id', 'r.recorded_by')
    .select((eb) => [
      'r.id',
      'r.channel',
      'r.responded_at',
      'r.resolved_at',
      'r.resolution',
      'r.steps',
      'r.confirmed_by_name',
      'r.confirmed_at',
      'r.recorded_at',
      'u.display_name as recorded_by',
      eb
        .selectFrom('ticket_closures as c')
        .select((c) => c.fn.max('c.reopened_at').as('last'))
        .whereRef('c.ticket_id', '=', 'r.ticket_id')
        .as('last_reopened_at'),
    ])
    .where('r.ticket_id', '=', ticketId)
    .orderBy('r.resolved_at', 'desc')
    .orderBy('r.recorded_at', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    channel: row.channel,
    respondedAt: row.responded_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
    // Unreadable steps read as none: the record is shown, never used to pass the closure gate alone.
    steps: readJsonOrUndefined(textList, row.steps, `remote_resolutions.steps of ${row.id}`) ?? [],
    confirmedBy: row.confirmed_by_name,
    confirmedAt: row.confirmed_at,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    current: row.last_reopened_at === null || row.resolved_at > row.last_reopened_at,
  };
}
