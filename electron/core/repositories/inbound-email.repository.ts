import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { InboundEmailsTable } from '../db/schema';
import type { Tx } from '../db/transaction';

/** An attachment kept with a message that waits for matching: its blob and the name it will carry. */
export interface HeldAttachment {
  sha256: string;
  fileName: string;
}

export async function inboundEmailExists(db: Tx, messageId: string): Promise<boolean> {
  const row = await db.selectFrom('inbound_emails').select('id').where('message_id', '=', messageId).executeTakeFirst();
  return row !== undefined;
}

export async function insertInboundEmail(db: Tx, row: Insertable<InboundEmailsTable>): Promise<void> {
  await db.insertInto('inbound_emails').values(row).execute();
}

/** The active contacts whose address is this one, ignoring case. */
export async function findContactsByEmail(
  db: Tx,
  address: string,
): Promise<{ id: string; clientId: string; name: string }[]> {
  return db
    .selectFrom('contacts')
    .select(['id', 'client_id as clientId', 'name'])
    .where(sql<string>`lower(email)`, '=', address.toLowerCase())
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
}

/** The client's only site, or null when it has none or several. */
export async function findOnlySite(db: Tx, clientId: string): Promise<string | null> {
  const rows = await db.selectFrom('sites').select('id').where('client_id', '=', clientId).limit(2).execute();
  return rows.length === 1 && rows[0] ? rows[0].id : null;
}

/**
 * The ticket a message answers, by the Message-IDs it names: one the outbox sent for a ticket
 * (its delivery record keeps the id), or an earlier message taken in onto a ticket.
 */
export async function findTicketByMessageIds(
  db: Tx,
  dialect: 'sqlite' | 'postgres',
  messageIds: string[],
): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const earlier = await db
    .selectFrom('inbound_emails')
    .select('ticket_id')
    .where('message_id', 'in', messageIds)
    .where('ticket_id', 'is not', null)
    .executeTakeFirst();
  if (earlier?.ticket_id) return earlier.ticket_id;
  const sentId =
    dialect === 'postgres'
      ? sql<string>`(delivery::json ->> 'messageId')`
      : sql<string>`json_extract(delivery, '$.messageId')`;
  const sent = await db
    .selectFrom('outbox')
    .select('ticket_id')
    .where('ticket_id', 'is not', null)
    .where('delivery', 'is not', null)
    .where(sentId, 'in', messageIds)
    .executeTakeFirst();
  return sent?.ticket_id ?? undefined;
}

/** The ticket whose number the subject names (T-2026-000123), when there is one. */
export async function findTicketByNumberIn(db: Tx, subject: string): Promise<string | undefined> {
  const numbers = subject.toUpperCase().match(/\bT-\d{4}-\d{6}\b/g) ?? [];
  if (numbers.length === 0) return undefined;
  const row = await db.selectFrom('tickets').select('id').where('number', 'in', numbers).executeTakeFirst();
  return row?.id;
}
