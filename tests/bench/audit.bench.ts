// The admin's audit log on 1,000,000 entries (issue 16 §2): how long a page takes with each filter,
// a page deep in the history, the kinds list and an export. Prints numbers; asserts nothing.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Insertable } from 'kysely';
import type { AuditLogTable } from '../../electron/core/db/schema';
import { inTransaction } from '../../electron/core/db/transaction';
import { startRuntime } from '../../electron/core/runtime';

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const ENTITIES = ['ticket', 'visit', 'session', 'sign_in', 'escalation', 'work_log', 'sign_off', 'client'];
const METHODS = ['tickets.create', 'visits.create', 'auth.login', 'visits.setStatus', 'workLogs.save'];
const TICKETS = 20_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function benchAudit(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-audit-'));
  const runtime = await startRuntime({
    database: { kind: 'sqlite', file: path.join(dir, 'a.sqlite') },
    demo: 'basic',
    slaWatchIntervalMs: false,
  });
  try {
    const users = (await runtime.database.db.selectFrom('users').select('id').execute()).map((u) => u.id);
    const tickets = Array.from({ length: TICKETS }, () => randomUUID());
    const start = Date.parse('2025-01-01T00:00:00Z');
    let t = performance.now();
    // Entity i % 8 and a minute apart: about 125,000 rows per kind over two years.
    for (let i = 0; i < ENTRIES; i += 50_000) {
      await inTransaction(runtime.database, async (tx) => {
        for (let j = i; j < Math.min(i + 50_000, ENTRIES); j += 1000) {
          const rows = Array.from({ length: Math.min(1000, ENTRIES - j) }, (_, k): Insertable<AuditLogTable> => {
            const n = j + k;
            return {
              id: randomUUID(),
              at: new Date(start + n * 60_000).toISOString(),
              user_id: n % 7 === 0 ? null : (users[n % users.length] ?? null),
              method: METHODS[n % METHODS.length] ?? 'x',
              entity: ENTITIES[n % ENTITIES.length] ?? 'x',
              entity_id: tickets[n % TICKETS] ?? 'x',
              ticket_id: tickets[n % TICKETS] ?? null,
              before: JSON.stringify({ status: 'new' }),
              after: JSON.stringify({ status: 'scheduled', at: n }),
            };
          });
          await tx.insertInto('audit_log').values(rows).execute();
        }
      });
    }
    console.log(
      `audit: ${ENTRIES.toLocaleString('en')} entries written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const login = await runtime.core.invoke('auth.login', { username: 'admin', password: 'demo' }, {});
    const session = login.session;
    if (!session || session === 'ended') throw new Error('admin login failed');
    const credentials = { sessionToken: session.token };
    const call = async (method: string, input: unknown) => {
      const outcome = await runtime.core.invoke(method, input, credentials);
      if (!outcome.result.ok) throw new Error(`${method}: ${JSON.stringify(outcome.result.error)}`);
      return outcome.result.value;
    };
    const time = async (label: string, run: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        t = performance.now();
        await run();
        samples.push(performance.now() - t);
      }
      console.log(`audit: ${label}: median ${median(samples).toFixed(1)} ms (of 5)`);
    };

    await time('first page of 50, no filter', () => call('audit.list', { limit: 50 }));
    await time('first page, one kind (visit)', () => call('audit.list', { filter: { entity: 'visit' }, limit: 50 }));
    await time('first page, one user', () => call('audit.list', { filter: { userId: users[1] }, limit: 50 }));
    await time('every row about one ticket', () => call('audit.list', { filter: { record: tickets[42] }, limit: 200 }));
    await time('one day in the middle of the history', () =>
      call('audit.list', { filter: { from: '2025-09-01T00:00:00Z', to: '2025-09-02T00:00:00Z' }, limit: 50 }),
    );
    await time('one kind and one user in one month', () =>
      call('audit.list', {
        filter: { entity: 'visit', userId: users[1], from: '2025-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z' },
        limit: 50,
      }),
    );
    // A page 400 pages (20,000 rows) deep, reached by following the cursor.
    let after: unknown;
    for (let page = 0; page < 400; page += 1) {
      const result = (await call('audit.list', { limit: 50, ...(after ? { after } : {}) })) as { next: unknown };
      after = result.next;
    }
    await time('page 401 (20,000 rows deep) by cursor', () => call('audit.list', { limit: 50, after }));
    await time('the kinds in the log', () => call('audit.kinds', {}));
    await time('export one kind for one month (CSV)', () =>
      call('audit.export', {
        filter: { entity: 'sign_in', from: '2025-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z' },
      }),
    );
  } finally {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
