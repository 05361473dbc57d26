// The reports beyond SLA adherence (issue 15 §2) on a small data set whose answers are worked out
// by hand below, built through the methods the consoles call at set moments of a manual clock,
// as tests/api/reports.test.ts does. Runs on SQLite and on PostgreSQL with the same expectations.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import type { FigureReport, FigureTable } from '../../shared/domain/reports';
import type { Channel, Priority, TicketDto } from '../../shared/domain/ticket';
import type { VisitDto } from '../../shared/domain/visit';
import { nextFreeMonday, startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentVisit } from '../support/closure-scenario';
import { manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;

// New York, 08:00–17:00 Monday to Friday; December is EST, UTC−5. Weeks start on Monday.
const newYork = {
  timeZone: 'America/New_York',
  hours: {
    mon: [['08:00', '17:00']],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [['08:00', '17:00']],
  },
  holidays: { country: 'US' },
};

/** "2026-12-21 10:00" in New York (EST) as an ISO instant. */
const est = (local: string) => new Date(`${local.replace(' ', 'T')}:00-05:00`).toISOString();

// The data set (December 2026, New York time); the period is 21–31 December, which ends at
// 1 January 00:00 New York, and the reports are read on 2 January (so "the end" is the period's):
//   V1 phone    critical  A  received Mon 21 10:00; North's visit arrives 11:00, completes; closed 13:00
//                            → fixed first time, 1 visit on site.
//   V2 email    high      B  received Tue 22 09:00; South's visit arrives 10:00, ends 10:30 incomplete
//                            (needs parts); North's second visit arrives Wed 23 09:00, completes;
//                            closed Wed 23 11:00 → fixed on the second visit: not first time, 2 visits.
//                            Its technician (the lead of the first arrival) is South's.
//   V6 email    critical  B  received Wed 23 08:00; North arrives 09:00, completes; closed 10:00;
//                            reopened Thu 24 09:00 and open since: its closing is not in force.
//   V3 portal   medium    A  received Mon 28 10:00, open: at the end 3 d 14 h old  → 3–7 days
//   V4 phone    low       B  received Wed 30 15:00, open: 1 d 9 h old               → 1–3 days
//   V5 phone    high      A  received Thu 31 20:00, open: 4 h old                   → under 1 day
//   V6 (reopened) at the end is 8 d 16 h old                                        → 7–30 days
const december = { from: '2026-12-21', to: '2026-12-31' };

/** A table's rows as [key, ...the named figures], and its total the same way. */
const grid = (table: FigureTable | undefined, ids: string[]) =>
  table && [...table.rows, table.total].map((r) => [r.key, ...ids.map((id) => r.values[id])]);

const tableOf = (report: FigureReport, id: string) => report.tables.find((t) => t.id === id);

describe('the volumes, backlog and first-time fix reports over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const numbers = new Map<string, string>();
  const ids = { clientA: '', clientB: '', techS: '' };

  async function at(instant: string): Promise<void> {
    clock.set(instant);
    f.cookies = await f.server.loginDemoUsers();
  }

  async function received(name: string, channel: Channel, priority: Priority, client: 'A' | 'B', when: string) {
    await at(est(when));
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel,
          receivedAt: est(when),
          clientId: client === 'A' ? ids.clientA : ids.clientB,
          description: `Volume ticket ${name}`,
          priority,
        },
        as('admin'),
      ),
    );
    numbers.set(name, ticket.number);
    return ticket;
  }

  /** Documents a completed visit arriving at `arrived` and closes the ticket at `closed`. */
  async function fixAndClose(ticket: TicketDto, arrived: string, closed: string, technicianId?: string) {
    await at(new Date(Date.parse(est(arrived)) - 2 * MINUTE).toISOString());
    const { ticket: documented } = await documentVisit(f, clock, ticket, {
      arrivedAt: est(arrived),
      ...(technicianId ? { technicianId } : {}),
    });
    await at(est(closed));
    return valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: documented.id, expectedVersion: documented.version },
        as('dispatcher'),
      ),
    );
  }

  const report = async (
    method: 'reports.volumes' | 'reports.firstTimeFix',
    input: Record<string, unknown> = {},
    role: Role = 'service_manager',
  ) => valueOf(await f.server.call(method, { ...december, groupBy: 'week', ...input }, as(role)));

  /** The tickets behind a figure, by their names here; the fixture's own tickets as "fixture". */
  const drill = async (input: Record<string, unknown>, role: Role = 'dispatcher') =>
    valueOf(await f.server.call('reports.tickets', { ...december, groupBy: 'week', ...input }, as(role))).tickets.map(
      (t) => [...numbers].find(([, n]) => n === t.number)?.[0] ?? 'fixture',
    );
  /** The backlog the fixture's own tickets make (received 7 December, still open), before ours. */
  let fixtureBacklog: FigureTable | undefined;
  /** The fixture's figure plus ours, for a backlog figure. */
  const plusFixture = (key: string | null, measure: string, ours: number) =>
    ours +
    ((key === null ? fixtureBacklog?.total : fixtureBacklog?.rows.find((r) => r.key === key))?.values[measure] ?? 0);

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
    const south = valueOf(
      await f.server.call(
        'technicians.save',
        { name: 'Sam South', team: 'South', skills: [], certifications: [] },
        as('admin'),
      ),
    );
    Object.assign(ids, { clientA: a.id, clientB: b.id, techS: south.id });
    await at(est('2027-01-02 09:00'));
    fixtureBacklog = tableOf(await report('reports.volumes'), 'backlog');

    const v1 = await received('V1', 'phone', 'critical', 'A', '2026-12-21 10:00');
    await fixAndClose(v1, '2026-12-21 11:00', '2026-12-21 13:00');

    const v2 = await received('V2', 'email', 'high', 'B', '2026-12-22 09:00');
    await at(est('2026-12-22 09:30'));
    let visit: VisitDto = valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId: v2.id,
          technicianId: ids.techS,
          startsAt: nextFreeMonday(),
          durationMinutes: 60,
          override: { reason: 'Booked for any Monday' },
        },
        as('admin'),
      ),
    );
    await at(est('2026-12-22 10:00'));
    visit = valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: visit.id, expectedVersion: visit.version, status: 'on_site' },
        as('dispatcher'),
      ),
    );
    await at(est('2026-12-22 10:30'));
    valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: visit.id, expectedVersion: visit.version, status: 'incomplete', reason: 'needs_parts' },
        as('dispatcher'),
      ),
    );
    await at(est('2026-12-22 10:35'));
    valueOf(
      await f.server.call(
        'workLogs.save',
        {
          visitId: visit.id,
          expectedVersion: 0,
          actions: 'Found the drive belt worn through; ordered a new one',
          steps: ['Isolated power', 'Inspected belt'],
          parts: [],
          noParts: true,
          outcome: 'not_resolved',
        },
        as('dispatcher'),
      ),
    );
    const v2now = valueOf(await f.server.call('tickets.get', { id: v2.id }, as('admin')));
    await fixAndClose(v2now, '2026-12-23 09:00', '2026-12-23 11:00');

    const v6 = await received('V6', 'email', 'critical', 'B', '2026-12-23 08:00');
    await fixAndClose(v6, '2026-12-23 09:00', '2026-12-23 10:00');
    await at(est('2026-12-24 09:00'));
    valueOf(await f.server.call('tickets.reopen', { ticketId: v6.id, reason: 'Fault came back' }, as('dispatcher')));

    await received('V3', 'portal', 'medium', 'A', '2026-12-28 10:00');
    await received('V4', 'phone', 'low', 'B', '2026-12-30 15:00');
    await received('V5', 'phone', 'high', 'A', '2026-12-31 20:00');
    await at(est('2027-01-02 09:00'));
  }, 180_000);

  it('counts tickets received by channel and priority per week', async () => {
    const r = await report('reports.volumes');
    expect(r.timeZone).toBe('America/New_York');
    // Week of the 21st: V1 phone critical, V2 email high, V6 email critical.
    // Week of the 28th: V3 portal medium, V4 phone low, V5 phone high.
    expect(
      grid(tableOf(r, 'received'), [
        'received',
        'channel_phone',
        'channel_email',
        'channel_portal',
        'priority_critical',
        'priority_high',
        'priority_medium',
        'priority_low',
      ]),
    ).toEqual([
      ['2026-12-21', 3, 1, 2, 0, 2, 1, 0, 0],
      ['2026-12-28', 3, 2, 0, 1, 0, 1, 1, 1],
      [null, 6, 3, 2, 1, 2, 2, 1, 1],
    ]);
  });

  it('bands the tickets open at the end of the period by age, and counts reopenings', async () => {
    const r = await report('reports.volumes');
    // The fixture's own open tickets (received 7 December: 7–30 days) are in every band's figures too.
    const measures = ['open', 'priority_critical', 'priority_high', 'priority_medium', 'priority_low'];
    const ours: [string | null, ...number[]][] = [
      ['under_1d', 1, 0, 1, 0, 0], // V5
      ['1_3d', 1, 0, 0, 0, 1], // V4
      ['3_7d', 1, 0, 0, 1, 0], // V3
      ['7_30d', 1, 1, 0, 0, 0], // V6, reopened
      ['over_30d', 0, 0, 0, 0, 0],
      [null, 4, 1, 1, 1, 1],
    ];
    expect(fixtureBacklog?.total.values['open']).toBeGreaterThan(0);
    expect(grid(tableOf(r, 'backlog'), measures)).toEqual(
      ours.map(([key, ...n]) => [key, ...n.map((v, i) => plusFixture(key, measures[i] ?? '', v))]),
    );
    // V6 reopened on Thursday 24th.
    expect(grid(tableOf(r, 'reopened'), ['reopened'])).toEqual([
      ['2026-12-21', 1],
      [null, 1],
    ]);
    // Read as of Wednesday 30th 16:00 (before V5 was received), the same period ends "now":
    // V3 is then 2 d 6 h old, V4 1 h; V6 7 d 8 h; V5 not yet received.
    await at(est('2026-12-30 16:00'));
    const earlier = await report('reports.volumes');
    // The fixture's tickets are then 23 days old: still 7–30 days.
    expect(grid(tableOf(earlier, 'backlog'), ['open'])).toEqual([
      ['under_1d', 1],
      ['1_3d', 1],
      ['3_7d', 0],
      ['7_30d', plusFixture('7_30d', 'open', 1)],
      ['over_30d', 0],
      [null, plusFixture(null, 'open', 3)],
    ]);
    await at(est('2027-01-02 09:00'));
  });

  it('opens the tickets behind received, backlog and reopened figures', async () => {
    expect(await drill({ report: 'volumes', table: 'received', key: '2026-12-21', measure: 'channel_email' })).toEqual([
      'V2',
      'V6',
    ]);
    expect(await drill({ report: 'volumes', table: 'received', key: '2026-12-28' })).toEqual(['V3', 'V4', 'V5']);
    const old = await drill({ report: 'volumes', table: 'backlog', key: '7_30d', measure: 'open' });
    expect(old.filter((n) => n !== 'fixture')).toEqual(['V6']);
    expect(old).toHaveLength(plusFixture('7_30d', 'open', 1));
    expect(await drill({ report: 'volumes', table: 'backlog', key: '3_7d', measure: 'priority_medium' })).toEqual([
      'V3',
    ]);
    expect(await drill({ report: 'volumes', table: 'reopened', key: '2026-12-21', measure: 'reopened' })).toEqual([
      'V6',
    ]);
  });

  it('reports first-time fix: V2, fixed on its second visit, is not first time', async () => {
    const r = await report('reports.firstTimeFix', { groupBy: 'priority' });
    const ids = [
      'closed',
      'fixed_first',
      'not_fixed_first',
      'not_recorded',
      'fix_rate',
      'visits_per_ticket',
      'revisited',
    ];
    // V6's closing was undone by the reopening: only V1 and V2 count.
    expect(grid(tableOf(r, 'fix'), ids)).toEqual([
      ['critical', 1, 1, 0, 0, 100, 1, 0], // V1
      ['high', 1, 0, 1, 0, 0, 2, 1], // V2
      [null, 2, 1, 1, 0, 50, 1.5, 1], // 1 of 2 = 50%; (1 + 2) / 2 = 1.5 visits per ticket
    ]);
    // V2's first visit ended incomplete for parts on Tuesday 22nd.
    expect(grid(tableOf(r, 'incomplete'), ['visits'])).toEqual([
      ['needs_parts', 1],
      ['needs_another_visit', 0],
      ['escalated', 0],
      [null, 1],
    ]);
  });

  it('counts a ticket under the team of its first arrival, and filters by team, client and priority', async () => {
    const byTeam = await report('reports.firstTimeFix', { groupBy: 'team' });
    expect(grid(tableOf(byTeam, 'fix'), ['closed', 'fixed_first', 'fix_rate'])).toEqual([
      ['North', 1, 1, 100],
      ['South', 1, 0, 0],
      [null, 2, 1, 50],
    ]);
    const south = await report('reports.firstTimeFix', { team: 'South' });
    expect(tableOf(south, 'fix')?.total.values['closed']).toBe(1);
    expect(tableOf(south, 'incomplete')?.total.values['visits']).toBe(1);
    const clientA = await report('reports.volumes', { clientId: ids.clientA });
    expect(tableOf(clientA, 'received')?.total.values['received']).toBe(3); // V1, V3, V5
    const high = await report('reports.volumes', { priority: 'high' });
    expect(tableOf(high, 'backlog')?.total.values['open']).toBe(plusFixture(null, 'priority_high', 1)); // V5
  });

  it('opens the tickets behind first-time-fix figures, a rate opening its numerator', async () => {
    expect(
      await drill({
        report: 'first_time_fix',
        table: 'fix',
        groupBy: 'priority',
        key: 'high',
        measure: 'not_fixed_first',
      }),
    ).toEqual(['V2']);
    expect(await drill({ report: 'first_time_fix', table: 'fix', groupBy: 'priority', key: null })).toEqual([]);
    expect(
      await drill({ report: 'first_time_fix', table: 'fix', groupBy: 'week', key: '2026-12-21', measure: 'fix_rate' }),
    ).toEqual(['V1']);
    expect(
      await drill({ report: 'first_time_fix', table: 'incomplete', key: 'needs_parts', measure: 'visits' }),
    ).toEqual(['V2']);
    const refused = await f.server.call(
      'reports.tickets',
      { ...december, groupBy: 'week', report: 'first_time_fix', table: 'fix', key: null, measure: 'visits_per_ticket' },
      as('admin'),
    );
    expect(refused).toMatchObject({ status: 400, body: { ok: false, error: { issues: [{ path: ['measure'] }] } } });
  });

  it('refuses the desk and technicians every report, drill-down and export', async () => {
    for (const role of ['support_desk', 'technician'] as const) {
      for (const [method, extra] of [
        ['reports.volumes', {}],
        ['reports.firstTimeFix', {}],
        ['reports.tickets', { report: 'volumes', key: null }],
        ['reports.export', { report: 'first_time_fix', format: 'csv' }],
      ] as const) {
        const reply = await f.server.call(method, { ...december, groupBy: 'week', ...extra }, as(role));
        expect(reply, `${role} ${method}`).toMatchObject({
          status: 403,
          body: { ok: false, error: { code: 'forbidden' } },
        });
      }
    }
  });

  it('exports a report of several tables as CSV sections and as one XLSX sheet per table', async () => {
    const csv = valueOf(
      await f.server.call(
        'reports.export',
        { ...december, groupBy: 'week', report: 'volumes', format: 'csv' },
        as('supervisor'),
      ),
    );
    expect(csv.fileName).toBe('volumes-and-backlog-by-week-2026-12-21_2026-12-31.csv');
    const lines: string[][] = parse(Buffer.from(csv.contentBase64, 'base64').toString('utf8'), {
      relaxColumnCount: true,
    });
    const start = lines.findIndex((l) => l[0]?.startsWith('Open at the end of the period'));
    expect(lines[start + 1]?.slice(0, 2)).toEqual(['Age', 'Open']);
    expect(lines[start + 5]?.slice(0, 2)).toEqual(['7–30 days', String(plusFixture('7_30d', 'open', 1))]);
    expect(lines[start + 2]?.slice(0, 2)).toEqual(['Under 1 day', '1']);

    const xlsx = valueOf(
      await f.server.call(
        'reports.export',
        { ...december, groupBy: 'priority', report: 'first_time_fix', format: 'xlsx' },
        as('admin'),
      ),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['First-time fix', 'Incomplete visits by reason']);
    const fix = book.worksheets[0];
    expect(fix?.getRow(2).values).toEqual([
      undefined,
      'Priority',
      'Closed',
      'Fixed first time',
      'Not fixed first time',
      'Not recorded',
      'First-time fix rate (%)',
      'Visits per ticket',
      'Two or more visits',
    ]);
    expect(fix?.getRow(5).values).toEqual([undefined, 'Total', 2, 1, 1, 0, 50, 1.5, 1]);
    expect(fix?.getRow(5).getCell(8).type).toBe(ExcelJS.ValueType.Number);

    const list = valueOf(
      await f.server.call(
        'reports.export',
        {
          ...december,
          groupBy: 'priority',
          report: 'first_time_fix',
          format: 'xlsx',
          drill: { table: 'fix', key: 'high', measure: 'revisited' },
        },
        as('admin'),
      ),
    );
    expect(list.rows).toBe(1);
    const listBook = new ExcelJS.Workbook();
    await listBook.xlsx.load(Buffer.from(list.contentBase64, 'base64') as unknown as ArrayBuffer);
    const row = listBook.worksheets[0]?.getRow(3);
    expect(row?.getCell(1).value).toBe(numbers.get('V2'));
    // Received Tue 22 09:00 New York, written as that wall-clock time.
    expect(row?.getCell(7).value).toEqual(new Date('2026-12-22T09:00:00.000Z'));
  });
});
