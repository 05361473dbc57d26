import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The reports (issue 15 §2) read the closings in force of a period and, per ticket, the lead of its
// first visit to arrive. EXPLAIN showed a full scan of ticket_closures (its only index leads with
// ticket_id) and a sort of each ticket's visits by arrival; these two partial indexes make the
// first a range read and the second one index seek.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ticket_closures_in_force_closed_at')
    .on('ticket_closures')
    .column('closed_at')
    .where(sql.ref('reopened_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('visits_ticket_arrival')
    .on('visits')
    .columns(['ticket_id', 'arrived_at', 'id'])
    .where(sql.ref('arrived_at'), 'is not', null)
    .execute();
}
