import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/transaction';

export interface AuditEntry {
  at: string;
  userId: string | null;
  method: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** The ticket the row is about, for the ticket's timeline; a ticket row is about itself. */
  ticketId?: string | null;
}

export async function insertAudit(db: Tx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: entry.at,
      user_id: entry.userId,
      method: entry.method,
      entity: entry.entity,
      entity_id: entry.entityId,
      ticket_id: entry.ticketId ?? (entry.entity === 'ticket' ? entry.entityId : null),
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function listAuditFor(db: Tx, entity: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .execute();
}
