import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The escalations report (issue 15 §2) reads a period of escalations by when they were raised;
// escalations had indexes by ticket and by acknowledgement only, so it was a scan of the table.
// The review report reads a period of reviews by when they were made: ticket_reviews had only its
// unique closing. (Feedback is read by feedback_recorded, from 0013.) The utilization report reads
// the crew rows of a period for every technician: visit_crew_technician leads with the technician,
// which PostgreSQL would read whole for a range of starts alone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('escalations_created_at').on('escalations').column('created_at').execute();
  await db.schema.createIndex('ticket_reviews_reviewed_at').on('ticket_reviews').column('reviewed_at').execute();
  await db.schema.createIndex('visit_crew_starts_at').on('visit_crew').column('starts_at').execute();
}
