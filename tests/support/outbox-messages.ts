// Messages put straight into the outbox, as a message kind will once one exists: the public API
// has no way to queue arbitrary mail, on purpose.
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../electron/core/db/connect';
import { inTransaction } from '../../electron/core/db/transaction';
import { enqueueMessage, type NewOutboxMessage } from '../../electron/core/repositories/outbox.repository';
import type { Clock } from '../../electron/core/services/clock';
import { testClock } from './test-clock';

let unique = 0;

/** A plain test message; its event key is unique unless one is given. */
export function testMessage(overrides: Partial<NewOutboxMessage> = {}, clock: Clock = testClock): NewOutboxMessage {
  const n = ++unique;
  return {
    eventKey: `test-message:${randomUUID()}`,
    kind: 'test-message',
    transport: 'email',
    recipient: `kim.${n}@tailspin.example`,
    subject: `Test message ${n}`,
    bodyText: `Body of test message ${n}.`,
    createdAt: clock.now().toISOString(),
    ...overrides,
  };
}

/** Queues messages in one transaction; answers their ids (in order) and whether each was new. */
export async function queueMessages(
  database: DatabaseHandle,
  messages: NewOutboxMessage[],
): Promise<{ ids: string[]; created: boolean[] }> {
  const created = await inTransaction(database, async (tx) => {
    const results: boolean[] = [];
    for (const message of messages) results.push(await enqueueMessage(tx, message));
    return results;
  });
  const rows = await database.db
    .selectFrom('outbox')
    .select(['id', 'event_key'])
    .where(
      'event_key',
      'in',
      messages.map((m) => m.eventKey),
    )
    .execute();
  const byKey = new Map(rows.map((r) => [r.event_key, r.id]));
  return { ids: messages.map((m) => byKey.get(m.eventKey) ?? ''), created };
}

/** A message that used up its attempts, as the sender leaves one ("not delivered"). */
export async function failedMessage(
  database: DatabaseHandle,
  overrides: Partial<NewOutboxMessage> = {},
): Promise<string> {
  const { ids } = await queueMessages(database, [testMessage(overrides)]);
  const id = ids[0] ?? '';
  await database.db
    .updateTable('outbox')
    .set({ status: 'failed', attempts: 8, last_error: 'recipient: 550 5.1.1 Mailbox unknown' })
    .where('id', '=', id)
    .execute();
  return id;
}
