import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 17, section 1: support mailboxes read over IMAP, and every message read from them.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('mailboxes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('tls', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    // Stored as given: the poller must log in with it. The API never returns it.
    .addColumn('password', 'text')
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    // The admin who connected the mailbox; its tickets are logged in their name.
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    // Where reading got to: UIDs only hold while the folder's UIDVALIDITY stays the same.
    .addColumn('uid_validity', 'text')
    .addColumn('last_uid', 'bigint', (c) => c.notNull().defaultTo(0))
    // One workstation reads a mailbox at a time: whoever holds an unexpired lease.
    .addColumn('lease_holder', 'text')
    .addColumn('lease_until', instant)
    .addColumn('last_polled_at', instant)
    .addColumn('last_error', 'text')
    .execute();

  await db.schema
    .createTable('inbound_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id'))
    // The Message-ID (or, for a message without one, a digest of its bytes): read once, ever.
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('uid', 'bigint', (c) => c.notNull())
    .addColumn('received_at', instant, (c) => c.notNull())
    .addColumn('read_at', instant, (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    // ticket (a new ticket), reply (added to a ticket), needs-matching, matched, ignored.
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('reason', 'text')
    .addColumn('body_text', 'text', (c) => c.notNull())
    // JSON: what could not be read (parts, charsets, refused attachments, with why).
    .addColumn('problems', 'text', (c) => c.notNull())
    // JSON: attachments kept for a message that waits for matching (blob digests and names).
    .addColumn('held_attachments', 'text', (c) => c.notNull())
    // JSON list of the Message-IDs it answers (In-Reply-To and References).
    .addColumn('refers_to', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbound_emails_message_id').on('inbound_emails').column('message_id').unique().execute();
  await db.schema
    .createIndex('inbound_emails_outcome')
    .on('inbound_emails')
    .columns(['outcome', 'received_at'])
    .execute();
  await db.schema.createIndex('inbound_emails_ticket').on('inbound_emails').column('ticket_id').execute();

  // A ticket read from a message has no priority answers yet: the desk gives them.
  await db.schema
    .alterTable('tickets')
    .addColumn('awaiting_assessment', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
