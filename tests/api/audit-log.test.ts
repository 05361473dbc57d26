import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryDto } from '../../shared/domain/audit';
import type { Role } from '../../shared/domain/roles';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { useTestEnvironment, valueOf } from '../support/test-runtime';

describe('the audit log an admin reads (issue 16 §2, and sign-ins for issue 19 item 4)', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const list = async (input: Record<string, unknown>) => valueOf(await f.server.call('audit.list', input, as('admin')));

  async function everything(filter: Record<string, unknown>, limit: number): Promise<AuditEntryDto[][]> {
    const pages: AuditEntryDto[][] = [];
    let after: unknown;
    do {
      const page = await list({ filter, limit, ...(after ? { after } : {}) });
      pages.push(page.entries);
      after = page.next;
    } while (after);
    return pages;
  }

  beforeAll(async () => {
    f = await startApiFixture(env);
    for (const name of ['mallory', 'trudy', 'eve', 'oscar', 'peggy', 'victor', 'walter']) {
      const reply = await f.server.call('auth.login', { username: name, password: 'guess-1234' });
      expect(reply.status).toBe(401);
    }
  });

  it('lists refused sign-ins newest first, with who was tried and why, never the password', async () => {
    const page = await list({ filter: { entity: 'sign_in' }, limit: 7 });
    expect(page.entries.map((e) => e.entityId)).toEqual([
      'walter',
      'victor',
      'peggy',
      'oscar',
      'eve',
      'trudy',
      'mallory',
    ]);
    expect(page.entries[0]).toMatchObject({ method: 'auth.login', user: null, ticket: null });
    expect(page.entries[0]?.fields).toEqual(['outcome', 'reason', 'username']);
    const detail = valueOf(await f.server.call('audit.get', { id: page.entries[0]?.id ?? '' }, as('admin')));
    expect(detail.after).toEqual({ outcome: 'refused', reason: 'unknown_user', username: 'walter' });
    expect(JSON.stringify(detail)).not.toContain('guess-1234');
  });

  it('pages by cursor: every row once, in order, and no next page after the last', async () => {
    const pages = await everything({ entity: 'sign_in' }, 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const rows = pages.flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(7);
    const keys = rows.map((r) => `${r.at}|${r.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('filters by who, by a ticket number (every row about the ticket), and by period', async () => {
    const ticket = valueOf(await f.server.call('tickets.get', { id: f.ticketId }, as('admin')));
    valueOf(
      await f.server.call(
        'tickets.overridePriority',
        { id: f.ticketId, priority: 'critical', reason: 'Line down' },
        as('dispatcher'),
      ),
    );
    const byNumber = (await everything({ record: ticket.number }, 50)).flat();
    expect(byNumber.length).toBeGreaterThan(2);
    expect(byNumber.every((e) => e.ticket?.number === ticket.number)).toBe(true);
    // The visit booked for it is found through the ticket, under its own kind.
    expect(byNumber.map((e) => e.entity)).toEqual(expect.arrayContaining(['ticket', 'visit']));
    // A lower-case number finds the same rows.
    expect((await everything({ record: ticket.number.toLowerCase() }, 50)).flat()).toEqual(byNumber);

    const dispatcher = (await list({ filter: { record: f.ticketId }, limit: 50 })).entries.find(
      (e) => e.method === 'tickets.overridePriority',
    );
    expect(dispatcher?.user).toMatchObject({ username: 'dispatcher', displayName: 'Dev Dispatcher' });
    const byUser = (await everything({ userId: dispatcher?.user?.id }, 50)).flat();
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((e) => e.user?.username === 'dispatcher')).toBe(true);

    const all = (await everything({}, 200)).flat();
    const middle = all[Math.floor(all.length / 2)];
    const from = middle?.at ?? '';
    const since = (await everything({ from }, 200)).flat();
    expect(since.length).toBeGreaterThan(0);
    expect(since.length).toBeLessThan(all.length);
    expect(since.every((e) => e.at >= from)).toBe(true);
    expect(since).toEqual(all.filter((e) => e.at >= from));
    const until = (await everything({ to: from }, 200)).flat();
    expect(until).toEqual(all.filter((e) => e.at <= from));
  });

  it('opens one entry with its changes side by side', async () => {
    const row = (await list({ filter: { record: f.ticketId }, limit: 50 })).entries.find(
      (e) => e.method === 'tickets.overridePriority',
    );
    const detail = valueOf(await f.server.call('audit.get', { id: row?.id ?? '' }, as('admin')));
    expect(detail.changes).toContainEqual({ field: 'priority', before: 'high', after: 'critical' });
    const missing = await f.server.call('audit.get', { id: 'no-such-entry' }, as('admin'));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('names the kinds of record in the log', async () => {
    const kinds = valueOf(await f.server.call('audit.kinds', {}, as('admin')));
    expect(kinds).toEqual([...kinds].sort());
    expect(kinds).toEqual(expect.arrayContaining(['session', 'sign_in', 'ticket', 'visit']));
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('exports the filtered rows as CSV that reads back', async () => {
    const exported = valueOf(await f.server.call('audit.export', { filter: { entity: 'sign_in' } }, as('admin')));
    expect(exported).toMatchObject({ rows: 7, truncated: false });
    expect(exported.fileName).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);
    const rows = parse<Record<string, string>>(exported.csv, { columns: true });
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ method: 'auth.login', kind: 'sign_in', record: 'walter', username: '' });
    expect(JSON.parse(rows[0]?.after ?? '')).toEqual({
      outcome: 'refused',
      reason: 'unknown_user',
      username: 'walter',
    });
  });
});
