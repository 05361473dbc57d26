import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 14, section 4, items 4 and 9: calls logged from the ticket panel, for updates given by
// phone; and why an outbox message was not needed after all (a reminder for a visit that moved
// or was cancelled is "superseded", with this note, rather than failed).
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('ticket_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // Who was called, as the caller wrote it (usually the ticket's contact, not necessarily).
    .addColumn('called_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('called_at', instant, (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('logged_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('logged_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_calls_ticket').on('ticket_calls').columns(['ticket_id', 'called_at']).execute();
  await db.schema.alterTable('outbox').addColumn('status_note', 'text').execute();
}
