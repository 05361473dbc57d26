// The escalations report (issue 15 §2) on a small data set whose answers are worked out by hand
// below, built through the methods the consoles call (and the SLA watcher's own tick) at set
// moments of a manual clock. Runs on SQLite and on PostgreSQL with the same expectations.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EscalationDto } from '../../shared/domain/escalation';
import type { Role } from '../../shared/domain/roles';
import type { FigureReport, FigureTable } from '../../shared/domain/reports';
import type { Priority, TicketDto } from '../../shared/domain/ticket';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentVisit } from '../support/closure-scenario';
import { manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;

// New York, 08:00–17:00 Monday to Friday; December is EST, UTC−5. Weeks start on Monday.
const newYork = {
  timeZone: 'America/New_York',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '17:00']]])),
  holidays: { country: 'US' },
};

/** "2026-12-21 10:00" in New York (EST) as an ISO instant. */
const est = (local: string) => new Date(`${local.replace(' ', 'T')}:00-05:00`).toISOString();

// The data set (December 2026, New York time); the period is 21–31 December. The watcher ticks
// once on Sunday 20th first, so the fixture's own overdue tickets are escalated before the period.
//   T1 critical A  received Mon 21 10:00 (due 12:00 after 120 business minutes, at risk at 11:30)
//      E1 at risk    level 1, the watcher's tick at Mon 21 11:45; acknowledged 12:15 →   30 min
//      E2 breached   level 2, the watcher's tick at Mon 21 12:10; acknowledged 12:40 →   30 min
//      E5 by hand    level 1, Tue 29 10:00; never acknowledged
//   T2 high     B  received Tue 22 09:00 (no tick after it: the watcher raises nothing on it)
//      E3 by hand    level 2, Tue 22 09:30; acknowledged 11:30                       →  120 min
//      E6 by hand    level 1, Wed 30 09:00; acknowledged 09:05                       →    5 min
//   T3 medium   A  received Wed 23 08:00; North's visit arrives 09:00; closed 10:00; the client
//                  scores it 2 by phone at 14:00
//      E4 low feedback level 1, Wed 23 14:00; acknowledged Thu 24 09:00              → 1140 min
// Week of the 21st: E1–E4, minutes 30, 30, 120, 1140: median rank ⌈4/2⌉ = 2 → 30; p90 rank
//   ⌈3.6⌉ = 4 → 1140. Week of the 28th: E5 (open) and E6 (5 min): median and p90 5.
// Total: 6 raised, minutes 5, 30, 30, 120, 1140: median rank 3 → 30, p90 rank ⌈4.5⌉ = 5 → 1140.
const december = { from: '2026-12-21', to: '2026-12-31' };

const grid = (table: FigureTable | undefined, ids: string[]) =>
  table && [...table.rows, table.total].map((r) => [r.key, ...ids.map((id) => r.values[id])]);
const tableOf = (report: FigureReport, id: string) => report.tables.find((t) => t.id === id);

describe('the escalations report over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const numbers = new Map<string, string>();
  const ids = { clientA: '', clientB: '' };

  async function at(local: string): Promise<void> {
    clock.set(est(local));
    f.cookies = await f.server.loginDemoUsers();
  }

  async function received(name: string, priority: Priority, client: 'A' | 'B', when: string): Promise<TicketDto> {
    await at(when);
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: est(when),
          clientId: client === 'A' ? ids.clientA : ids.clientB,
          description: `Escalated ticket ${name}`,
          priority,
        },
        as('admin'),
      ),
    );
    numbers.set(name, ticket.number);
    return ticket;
  }

  async function escalate(ticket: TicketDto, level: 1 | 2, when: string): Promise<EscalationDto> {
    await at(when);
    return valueOf(
      await f.server.call(
        'escalations.create',
        { ticketId: ticket.id, level, reason: 'Client called' },
        as('dispatcher'),
      ),
    );
  }

  async function acknowledge(escalationId: string, when: string): Promise<void> {
    await at(when);
    valueOf(await f.server.call('escalations.acknowledge', { id: escalationId, note: 'On it' }, as('service_manager')));
  }

  /** The escalations the watcher (or feedback) raised on a ticket, by kind. */
  async function escalationOf(ticket: TicketDto, kind: EscalationDto['kind']): Promise<EscalationDto> {
    const list = valueOf(await f.server.call('escalations.list', { open: false, ticketId: ticket.id }, as('admin')));
    const found = list.find((e) => e.kind === kind);
    if (!found) throw new Error(`No ${kind} escalation on ${ticket.number}`);
    return found;
  }

  const report = async (input: Record<string, unknown> = {}, role: Role = 'service_manager') =>
    valueOf(await f.server.call('reports.escalations', { ...december, groupBy: 'week', ...input }, as(role)));

  const drill = async (input: Record<string, unknown>, role: Role = 'dispatcher') =>
    valueOf(
      await f.server.call(
        'reports.tickets',
        { ...december, groupBy: 'week', report: 'escalations', ...input },
        as(role),
      ),
    ).tickets.map((t) => [...numbers].find(([, n]) => n === t.number)?.[0] ?? 'fixture');

  beforeAll(async () => {
    f = await startApiFixture(env, { clock, slaWatchIntervalMs: false, outboxIntervalMs: false });
    valueOf(
      await f.server.call(
        'calendars.save',
        { scope: { kind: 'default' }, name: 'New York office', calendar: newYork },
        as('admin'),
      ),
    );
    const a = valueOf(await f.server.call('clients.create', { name: 'Northwind Traders' }, as('admin')));
    const b = valueOf(await f.server.call('clients.create', { name: 'Contoso Pharma' }, as('admin')));
    Object.assign(ids, { clientA: a.id, clientB: b.id });
    await at('2026-12-20 12:00');
    await f.server.runtime.slaWatcher.tick();

    const t1 = await received('T1', 'critical', 'A', '2026-12-21 10:00');
    await at('2026-12-21 11:45');
    expect(await f.server.runtime.slaWatcher.tick()).toBe(1);
    await at('2026-12-21 12:10');
    expect(await f.server.runtime.slaWatcher.tick()).toBe(1);
    await acknowledge((await escalationOf(t1, 'at_risk')).id, '2026-12-21 12:15');
    await acknowledge((await escalationOf(t1, 'breached')).id, '2026-12-21 12:40');

    const t2 = await received('T2', 'high', 'B', '2026-12-22 09:00');
    const e3 = await escalate(t2, 2, '2026-12-22 09:30');
    await acknowledge(e3.id, '2026-12-22 11:30');

    const t3 = await received('T3', 'medium', 'A', '2026-12-23 08:00');
    clock.set(new Date(Date.parse(est('2026-12-23 09:00')) - 2 * MINUTE).toISOString());
    const { ticket: documented } = await documentVisit(f, clock, t3, { arrivedAt: est('2026-12-23 09:00') });
    await at('2026-12-23 10:00');
    valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: documented.id, expectedVersion: documented.version },
        as('dispatcher'),
      ),
    );
    await at('2026-12-23 14:00');
    valueOf(await f.server.call('feedback.record', { ticketId: t3.id, score: 2 }, as('support_desk')));
    await acknowledge((await escalationOf(t3, 'low_feedback')).id, '2026-12-24 09:00');

    await escalate(t1, 1, '2026-12-29 10:00');
    const e6 = await escalate(t2, 1, '2026-12-30 09:00');
    await acknowledge(e6.id, '2026-12-30 09:05');
    await at('2027-01-02 09:00');
  }, 180_000);

  it('counts escalations by level and kind per week, with the minutes to acknowledge', async () => {
    const r = await report();
    expect(r.timeZone).toBe('America/New_York');
    const figures = [
      'raised',
      'level_1',
      'level_2',
      'kind_at_risk',
      'kind_breached',
      'kind_manual',
      'kind_low_feedback',
      'acknowledged',
      'unacknowledged',
      'ack_minutes_median',
      'ack_minutes_p90',
    ];
    expect(grid(tableOf(r, 'raised'), figures)).toEqual([
      ['2026-12-21', 4, 2, 2, 1, 1, 1, 1, 4, 0, 30, 1140],
      ['2026-12-28', 2, 2, 0, 0, 0, 2, 0, 1, 1, 5, 5],
      [null, 6, 4, 2, 1, 1, 3, 1, 5, 1, 30, 1140],
    ]);
  });

  it('counts the same escalations by kind, every kind shown', async () => {
    const r = await report();
    // By hand: E3 (level 2, 120 min), E5 (open), E6 (5 min): median rank ⌈2/2⌉ = 1 → 5, p90 rank 2 → 120.
    expect(
      grid(tableOf(r, 'by_kind'), [
        'raised',
        'level_1',
        'level_2',
        'acknowledged',
        'unacknowledged',
        'ack_minutes_median',
        'ack_minutes_p90',
      ]),
    ).toEqual([
      ['at_risk', 1, 1, 0, 1, 0, 30, 30],
      ['breached', 1, 0, 1, 1, 0, 30, 30],
      ['manual', 3, 2, 1, 2, 1, 5, 120],
      ['low_feedback', 1, 1, 0, 1, 0, 1140, 1140],
      [null, 6, 4, 2, 5, 1, 30, 1140],
    ]);
    expect(tableOf(r, 'by_kind')?.rows.map((row) => row.label)).toEqual([
      'At risk',
      'Breached',
      'By hand',
      'Low feedback score',
    ]);
  });

  it('groups by priority and by team (that of the first arrival), and filters by client', async () => {
    const byPriority = await report({ groupBy: 'priority' });
    expect(grid(tableOf(byPriority, 'raised'), ['raised', 'level_2', 'ack_minutes_median'])).toEqual([
      ['critical', 3, 1, 30], // T1: E1, E2, E5
      ['high', 2, 1, 5], // T2: E3, E6: minutes 5, 120, median rank 1 → 5
      ['medium', 1, 0, 1140], // T3: E4
      [null, 6, 2, 30],
    ]);
    // Only T3 had a visit (North's, the fixture's technician); T1 and T2 have no team.
    const byTeam = await report({ groupBy: 'team' });
    expect(grid(tableOf(byTeam, 'raised'), ['raised'])).toEqual([
      ['North', 1],
      [null, 5],
      [null, 6],
    ]);
    const clientA = await report({ clientId: ids.clientA });
    expect(tableOf(clientA, 'raised')?.total.values['raised']).toBe(4); // T1's three and T3's one
    // A period that ends before the 28th has only the first week.
    const early = await report({ to: '2026-12-27' });
    expect(tableOf(early, 'raised')?.total.values['raised']).toBe(4);
  });

  it('opens the tickets behind a count, each ticket once', async () => {
    expect(await drill({ table: 'raised', key: '2026-12-21', measure: 'raised' })).toEqual(['T1', 'T2', 'T3']);
    expect(await drill({ table: 'raised', key: '2026-12-28', measure: 'unacknowledged' })).toEqual(['T1']);
    expect(await drill({ table: 'by_kind', key: 'manual', measure: 'level_2' })).toEqual(['T2']);
    expect(await drill({ table: 'by_kind', key: 'low_feedback' })).toEqual(['T3']);
    expect(await drill({ table: 'raised', groupBy: 'team', key: null, measure: 'raised' })).toEqual(['T1', 'T2']);
    const refused = await f.server.call(
      'reports.tickets',
      { ...december, groupBy: 'week', report: 'escalations', table: 'raised', key: null, measure: 'ack_minutes_p90' },
      as('admin'),
    );
    expect(refused).toMatchObject({ status: 400, body: { ok: false, error: { issues: [{ path: ['measure'] }] } } });
  });

  it('is read by those who read escalations, and refused to the desk and technicians', async () => {
    for (const role of ['dispatcher', 'supervisor', 'admin'] as const) {
      expect(tableOf(await report({}, role), 'raised')?.total.values['raised']).toBe(6);
    }
    for (const role of ['support_desk', 'technician'] as const) {
      for (const [method, extra] of [
        ['reports.escalations', {}],
        ['reports.tickets', { report: 'escalations', key: null }],
        ['reports.export', { report: 'escalations', format: 'csv' }],
      ] as const) {
        const reply = await f.server.call(method, { ...december, groupBy: 'week', ...extra }, as(role));
        expect(reply, `${role} ${method}`).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      }
    }
  });

  it('exports the report as CSV and XLSX, and the tickets behind a figure', async () => {
    const csv = valueOf(
      await f.server.call(
        'reports.export',
        { ...december, groupBy: 'week', report: 'escalations', format: 'csv' },
        as('dispatcher'),
      ),
    );
    expect(csv.fileName).toBe('escalations-by-week-2026-12-21_2026-12-31.csv');
    const lines: string[][] = parse(Buffer.from(csv.contentBase64, 'base64').toString('utf8'), {
      relaxColumnCount: true,
    });
    const start = lines.findIndex((l) => l[0]?.startsWith('Escalations by kind'));
    expect(lines[start + 1]?.slice(0, 3)).toEqual(['Kind', 'Raised', 'Level 1']);
    expect(lines[start + 4]).toEqual(['By hand', '3', '2', '1', '2', '1', '5', '120']);

    const xlsx = valueOf(
      await f.server.call(
        'reports.export',
        { ...december, groupBy: 'priority', report: 'escalations', format: 'xlsx' },
        as('supervisor'),
      ),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Escalations raised', 'Escalations by kind']);
    const raised = book.worksheets[0];
    expect(raised?.getRow(2).getCell(11).value).toBe('Minutes to acknowledge, median (min)');
    expect(raised?.getRow(3).values).toEqual([undefined, 'Critical', 3, 2, 1, 1, 1, 1, 0, 2, 1, 30, 30]);
    expect(raised?.getRow(3).getCell(11).type).toBe(ExcelJS.ValueType.Number);

    const list = valueOf(
      await f.server.call(
        'reports.export',
        {
          ...december,
          groupBy: 'week',
          report: 'escalations',
          format: 'csv',
          drill: { table: 'by_kind', key: 'at_risk', measure: 'raised' },
        },
        as('admin'),
      ),
    );
    expect(list.rows).toBe(1);
    expect(Buffer.from(list.contentBase64, 'base64').toString('utf8')).toContain(numbers.get('T1'));
  });
});
