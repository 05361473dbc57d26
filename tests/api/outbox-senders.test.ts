import { expect, it } from 'vitest';
import { inTransaction } from '../../electron/core/db/transaction';
import { startOutboxSender } from '../../electron/core/services/outbox/outbox-sender';
import { storeMailSettings } from '../../electron/core/services/outbox/outbox-config.service';
import { queueMessages, testMessage } from '../support/outbox-messages';
import { startSmtpTestServer } from '../support/smtp-test-server';
import { testClock } from '../support/test-clock';
import { useTestEnvironment } from '../support/test-runtime';

const env = useTestEnvironment();

it('lets two workstations drain one outbox with no message delivered twice', async () => {
  const database = await env.database();
  const first = await env.runtime({ database, outboxIntervalMs: false });
  const second = await env.runtime({ database, outboxIntervalMs: false });
  const smtp = await startSmtpTestServer(env);
  await inTransaction(first.database, (tx) =>
    storeMailSettings(tx, { ...smtp.settings(), user: null, password: null, fromName: null }),
  );
  const messages = Array.from({ length: 200 }, () => testMessage());
  await queueMessages(first.database, messages);

  // Small batches, so the two senders take turns claiming while the other is still sending.
  const senders = [first, second].map((runtime, n) =>
    startOutboxSender(
      { ...runtime, clock: testClock },
      { autoStart: false, batchSize: 10, senderId: `workstation-${n + 1}` },
    ),
  );
  env.defer(() => Promise.all(senders.map((s) => s.stop())));
  const reports = await Promise.all(senders.map((s) => s.drainOnce()));

  expect(reports.map((r) => r.sent).reduce((a, b) => a + b)).toBe(200);
  for (const report of reports) expect(report.sent).toBeGreaterThan(0);
  expect(reports.map((r) => r.lost + r.retrying + r.failed)).toEqual([0, 0]);
  expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(200);
  expect(smtp.received.map((m) => m.eventKey).sort()).toEqual(messages.map((m) => m.eventKey).sort());
  const left = await first.database.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
  expect(left).toEqual([]);
});
