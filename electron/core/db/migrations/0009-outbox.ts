import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// The outbox (issue 14): every message leaves the console through this table. A row is written in
// the transaction of the change that caused it; one sender delivers it and records the answer.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What makes a message unique (e.g. booking-confirmation:<visit>:<version>): a retried or
    // repeated change, or a second workstation, finds it taken and writes no second copy.
    .addColumn('event_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
    .addColumn('transport', 'text', (c) => c.notNull()) // 'email' | 'webhook'
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    // JSON list of { name, contentType, content, encoding }.
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'queued' | 'sending' | 'sent' | 'failed'
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', instant, (c) => c.notNull())
    // A lease: a message claimed by a process that died is claimed again once it expires.
    .addColumn('claimed_by', 'text')
    .addColumn('claim_expires_at', instant)
    .addColumn('last_error', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('sent_at', instant)
    // JSON { transport, recipient, response, messageId, at }.
    .addColumn('delivery', 'text')
    .execute();
  // The sender's question: what is due now (queued by next attempt, or sending with a lapsed lease).
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_ticket').on('outbox').columns(['ticket_id', 'created_at']).execute();
  await db.schema.createIndex('outbox_created').on('outbox').column('created_at').execute();
}
