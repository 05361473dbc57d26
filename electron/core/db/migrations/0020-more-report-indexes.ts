import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The reports beyond SLA adherence (issue 15 §2) read a period of tickets by when they were
// received, of closings by when they were reopened, and of visits by when they ended incomplete;
// none of these columns had an index, so each was a full scan of its table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tickets_received_at').on('tickets').columns(['received_at', 'id']).execute();
  await db.schema
    .createIndex('ticket_closures_reopened_at')
    .on('ticket_closures')
    .column('reopened_at')
    .where(sql.ref('reopened_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('visits_incomplete_finished_at')
    .on('visits')
    .column('finished_at')
    .where(sql.ref('incomplete_reason'), 'is not', null)
    .execute();
}
