import { expect, it } from 'vitest';
import { inTransaction } from '../../electron/core/db/transaction';
import { storeMailSettings } from '../../electron/core/services/outbox/outbox-config.service';
import { offsetClock } from '../support/offset-clock';
import { startSenderProcess } from '../support/outbox-sender-child';
import { queueMessages, testMessage } from '../support/outbox-messages';
import { startSmtpTestServer } from '../support/smtp-test-server';
import { useTestEnvironment } from '../support/test-runtime';

const env = useTestEnvironment();
const TOTAL = 60;
const BEFORE_CRASH = 25;

it('delivers every message exactly once when the sending workstation is killed mid-drain', async () => {
  const database = await env.database();
  const clock = offsetClock();
  const runtime = await env.runtime({ database, clock, outboxIntervalMs: false });
  const smtp = await startSmtpTestServer(env, { kind: 'accept-then-hold', accept: BEFORE_CRASH });
  await inTransaction(runtime.database, (tx) =>
    storeMailSettings(tx, { ...smtp.settings(), user: null, password: null, fromName: null }),
  );
  const messages = Array.from({ length: TOTAL }, () => testMessage());
  await queueMessages(runtime.database, messages);

  const held = smtp.nextHeld();
  const child = await startSenderProcess(database);
  env.defer(() => child.exitCode === null && child.kill('SIGKILL'));
  await held;
  // Everything the server took is recorded as sent before the kill; what it holds unanswered is not.
  const sentCount = async () =>
    (await runtime.database.db.selectFrom('outbox').select('id').where('status', '=', 'sent').execute()).length;
  await expect.poll(sentCount, { timeout: 10_000 }).toBe(BEFORE_CRASH);
  child.kill('SIGKILL');
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stranded = await runtime.database.db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'sending')
    .execute();
  expect(stranded.length).toBeGreaterThan(0);

  // The restarted workstation takes over the dead one's claims once their lease lapses.
  smtp.behaviour = { kind: 'accept' };
  expect(await runtime.outboxSender.drainOnce()).toMatchObject({ sent: TOTAL - BEFORE_CRASH - stranded.length });
  clock.advance(6 * 60_000);
  const report = await runtime.outboxSender.drainOnce();
  expect(report).toMatchObject({ sent: stranded.length, retrying: 0, failed: 0, lost: 0 });

  expect(smtp.received).toHaveLength(TOTAL);
  expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(TOTAL);
  expect(smtp.received.map((m) => m.eventKey).sort()).toEqual(messages.map((m) => m.eventKey).sort());
});
