import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The admin's audit log view (issue 16) pages newest first, filtered by who, what kind or which
// record: one index per filter, each ending in (at, id) so a page is a range read in order, even
// with a million rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_user_at').on('audit_log').columns(['user_id', 'at', 'id']).execute();
  await db.schema.createIndex('audit_log_entity_at').on('audit_log').columns(['entity', 'at', 'id']).execute();
  await db.schema.createIndex('audit_log_entity_id_at').on('audit_log').columns(['entity_id', 'at', 'id']).execute();
}
