import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// The client's feedback after closure (issue 14, section 4, item 8). A feedback request is made
// once per closing of a ticket (a ticket reopened and closed again gets another); its link holds a
// random token of which only the SHA-256 hash is kept, so a copy of the database opens no page.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('feedback_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('closure_id', 'text', (c) => c.notNull().unique().references('ticket_closures.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    // Set when the page records feedback: the link is single-use.
    .addColumn('used_at', instant)
    .execute();
  await db.schema.createIndex('feedback_requests_ticket').on('feedback_requests').column('ticket_id').execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // The request whose link was used; null for feedback the desk wrote down from a call.
    .addColumn('request_id', 'text', (c) => c.unique().references('feedback_requests.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('source', 'text', (c) => c.notNull()) // 'link' | 'phone'
    // The desk user who wrote it down; null for the page.
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('problem_back', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_ticket_id', 'text', (c) => c.references('tickets.id'))
    .execute();
  await db.schema.createIndex('feedback_ticket').on('feedback').columns(['ticket_id', 'recorded_at']).execute();
  await db.schema.createIndex('feedback_recorded').on('feedback').column('recorded_at').execute();
}
