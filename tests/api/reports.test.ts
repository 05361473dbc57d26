// The SLA adherence report (issue 15 §2) on a small data set whose answers are worked out by hand
// below, built through the methods the consoles call (logged, visited, documented and closed at
// set moments of a manual clock), never by writing rows.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import type { SlaAdherenceReport, SlaAdherenceRow } from '../../shared/domain/reports';
import type { Priority } from '../../shared/domain/ticket';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentVisit } from '../support/closure-scenario';
import { manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;

// The organisation's calendar for this file: New York, 08:00–17:00 Monday to Friday, US public
// holidays (Christmas Day, Friday 25 December 2026, is one). December is EST, UTC−5.
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

interface Plan {
  name: string;
  priority: Priority;
  client: 'A' | 'B';
  tech: 'N' | 'S';
  received: string;
  arrived: string;
  closed: string;
}

// The tickets, with the due time the policy gives (critical: 120 clock minutes; high: close of the
// day if received before 13:00, else close of the next business day; medium 2 and low 5 business
// days, day 0 being the day received), the SLA outcome, and the response (received → first
// arrival) and resolution (received → closed) minutes:
//   T1 critical A/N  Mon 21 10:00 → due 12:00; arrived 11:00 met;   response 60,    resolution 180
//   T2 critical A/S  Mon 21 14:00 → due 16:00; arrived 16:30 missed; response 150,   resolution 240
//   T3 high     B/N  Tue 22 09:00 → due 17:00; arrived 12:00 met;    response 180,   resolution 360
//   T4 medium   B/S  Wed 23 10:00 → Thu 24, (Fri 25 is Christmas) Mon 28: due Mon 28 17:00;
//                    arrived Mon 28 10:00 met (it would have missed without the holiday);
//                    response 5 days = 7200, resolution 7320
//   T5 high     A/N  Tue 29 14:00 (after the cut-off) → due Wed 30 17:00; arrived Thu 31 09:00 missed;
//                    response 43 h = 2580, resolution 2700
//   T6 low      B/N  Mon 21 08:00 → Tue 22, Wed 23, Thu 24, Mon 28, Tue 29: due Tue 29 17:00;
//                    arrived Wed 30 10:00 missed; response 9 d 2 h = 13080, resolution 13200
//   T7 critical A/N  Thu 31 22:00 → due Fri 1 00:00; arrived 23:00 met; closed 23:30 New York time,
//                    which is already 1 January in UTC: it belongs to December in the organisation's
//                    zone. Response 60, resolution 90.
const plans: Plan[] = [
  {
    name: 'T1',
    priority: 'critical',
    client: 'A',
    tech: 'N',
    received: '2026-12-21 10:00',
    arrived: '2026-12-21 11:00',
    closed: '2026-12-21 13:00',
  },
  {
    name: 'T2',
    priority: 'critical',
    client: 'A',
    tech: 'S',
    received: '2026-12-21 14:00',
    arrived: '2026-12-21 16:30',
    closed: '2026-12-21 18:00',
  },
  {
    name: 'T3',
    priority: 'high',
    client: 'B',
    tech: 'N',
    received: '2026-12-22 09:00',
    arrived: '2026-12-22 12:00',
    closed: '2026-12-22 15:00',
  },
  {
    name: 'T4',
    priority: 'medium',
    client: 'B',
    tech: 'S',
    received: '2026-12-23 10:00',
    arrived: '2026-12-28 10:00',
    closed: '2026-12-28 12:00',
  },
  {
    name: 'T5',
    priority: 'high',
    client: 'A',
    tech: 'N',
    received: '2026-12-29 14:00',
    arrived: '2026-12-31 09:00',
    closed: '2026-12-31 11:00',
  },
  {
    name: 'T6',
    priority: 'low',
    client: 'B',
    tech: 'N',
    received: '2026-12-21 08:00',
    arrived: '2026-12-30 10:00',
    closed: '2026-12-30 12:00',
  },
  {
    name: 'T7',
    priority: 'critical',
    client: 'A',
    tech: 'N',
    received: '2026-12-31 22:00',
    arrived: '2026-12-31 23:00',
    closed: '2026-12-31 23:30',
  },
];

const december = { from: '2026-12-21', to: '2026-12-31' };

/** A row's figures without its key and label, to compare with the hand-worked ones. */
const figures = (row: SlaAdherenceRow | undefined) =>
  row && {
    closed: row.closed,
    met: row.met,
    missed: row.missed,
    percentMet: row.percentMet,
    response: [row.responseMinutes.median, row.responseMinutes.p90],
    resolution: [row.resolutionMinutes.median, row.resolutionMinutes.p90],
  };

describe('the SLA adherence report over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const numbers = new Map<string, string>();
  const ids = { clientA: '', clientB: '', siteA: '', techS: '' };

  /** Moves the clock; sessions slide 12 hours, so the demo users log in again at the new time. */
  async function at(instant: string): Promise<void> {
    clock.set(instant);
    f.cookies = await f.server.loginDemoUsers();
  }

  async function closeAsPlanned(plan: Plan): Promise<void> {
    await at(est(plan.received));
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: est(plan.received),
          clientId: plan.client === 'A' ? ids.clientA : ids.clientB,
          ...(plan.client === 'A' ? { siteId: ids.siteA } : {}),
          description: `Report ticket ${plan.name}`,
          priority: plan.priority,
        },
        as('admin'),
      ),
    );
    // Booked and arrived: documentVisit moves the clock a minute before each write, so it starts
    // two minutes before the arrival and records the arrival at its planned instant.
    await at(new Date(Date.parse(est(plan.arrived)) - 2 * MINUTE).toISOString());
    const { ticket: documented } = await documentVisit(f, clock, ticket, {
      arrivedAt: est(plan.arrived),
      technicianId: plan.tech === 'N' ? f.technicianId : ids.techS,
    });
    await at(est(plan.closed));
    const closed = valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: documented.id, expectedVersion: documented.version },
        as('dispatcher'),
      ),
    );
    numbers.set(plan.name, closed.number);
  }

  const report = async (input: Record<string, unknown>, role: Role = 'service_manager') =>
    valueOf(await f.server.call('reports.slaAdherence', { ...december, groupBy: 'priority', ...input }, as(role)));

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
    const site = valueOf(
      await f.server.call(
        'sites.create',
        { clientId: a.id, name: 'Main Street', address: '1 Main St, Albany' },
        as('admin'),
      ),
    );
    const south = valueOf(
      await f.server.call(
        'technicians.save',
        { name: 'Sam South', team: 'South', skills: [], certifications: [] },
        as('admin'),
      ),
    );
    Object.assign(ids, { clientA: a.id, clientB: b.id, siteA: site.id, techS: south.id });
    for (const plan of plans) await closeAsPlanned(plan);
  }, 120_000);

  it('counts the Christmas holiday in the medium ticket’s due time', async () => {
    const list = valueOf(
      await f.server.call('reports.tickets', { ...december, groupBy: 'priority', key: 'medium' }, as('supervisor')),
    );
    expect(list.tickets.map((t) => [t.number, t.slaDueAt, t.slaOutcome])).toEqual([
      [numbers.get('T4'), est('2026-12-28 17:00'), 'met'],
    ]);
  });

  it('groups by priority with met, missed, % met and nearest-rank median and p90 minutes', async () => {
    const r = await report({});
    expect(r.timeZone).toBe('America/New_York');
    expect(r.rows.map((row) => [row.key, row.label])).toEqual([
      ['critical', 'Critical'],
      ['high', 'High'],
      ['medium', 'Medium'],
      ['low', 'Low'],
    ]);
    // Critical: T1, T2, T7 → responses 60, 60, 150: median rank ⌈3/2⌉ = 2 → 60, p90 rank ⌈2.7⌉ = 3 → 150;
    // resolutions 90, 180, 240 → 180 and 240.
    expect(figures(r.rows[0])).toEqual({
      closed: 3,
      met: 2,
      missed: 1,
      percentMet: 66.7,
      response: [60, 150],
      resolution: [180, 240],
    });
    // High: T3 met, T5 missed → 180 and 2580 (median rank 1, p90 rank 2); 360 and 2700.
    expect(figures(r.rows[1])).toEqual({
      closed: 2,
      met: 1,
      missed: 1,
      percentMet: 50,
      response: [180, 2580],
      resolution: [360, 2700],
    });
    expect(figures(r.rows[2])).toEqual({
      closed: 1,
      met: 1,
      missed: 0,
      percentMet: 100,
      response: [7200, 7200],
      resolution: [7320, 7320],
    });
    expect(figures(r.rows[3])).toEqual({
      closed: 1,
      met: 0,
      missed: 1,
      percentMet: 0,
      response: [13080, 13080],
      resolution: [13200, 13200],
    });
    // All seven: responses 60, 60, 150, 180, 2580, 7200, 13080 → median rank 4 = 180, p90 rank ⌈6.3⌉ = 7;
    // resolutions 90, 180, 240, 360, 2700, 7320, 13200 → 360 and 13200. 4 of 7 met = 57.1%.
    expect(figures(r.total)).toEqual({
      closed: 7,
      met: 4,
      missed: 3,
      percentMet: 57.1,
      response: [180, 13080],
      resolution: [360, 13200],
    });
  });

  it('groups by client, site, technician (the lead of the first arrival) and team', async () => {
    const summary = (r: SlaAdherenceReport) => r.rows.map((row) => [row.label, row.closed, row.met, row.missed]);
    expect(summary(await report({ groupBy: 'client' }))).toEqual([
      ['Contoso Pharma', 3, 2, 1], // T3 met, T4 met, T6 missed
      ['Northwind Traders', 4, 2, 2], // T1 met, T2 missed, T5 missed, T7 met
    ]);
    const bySite = await report({ groupBy: 'site' });
    expect(bySite.rows.map((row) => [row.key, row.label, row.closed])).toEqual([
      [ids.siteA, 'Main Street', 4],
      [null, 'No site', 3],
    ]);
    expect(summary(await report({ groupBy: 'technician' }))).toEqual([
      ['Sam South', 2, 1, 1], // T2 missed, T4 met
      ['Terry Field', 5, 3, 2], // T1, T3, T7 met; T5, T6 missed
    ]);
    expect(summary(await report({ groupBy: 'team' }))).toEqual([
      ['North', 5, 3, 2],
      ['South', 2, 1, 1],
    ]);
  });

  it('buckets by week and month in the organisation’s zone', async () => {
    const byWeek = await report({ groupBy: 'week' });
    // Weeks start on Monday: T1, T2, T3 closed in the week of the 21st; T4–T7 in the week of the 28th.
    expect(byWeek.rows.map((row) => [row.key, row.closed, row.met, row.missed])).toEqual([
      ['2026-12-21', 3, 2, 1],
      ['2026-12-28', 4, 2, 2],
    ]);
    const byMonth = await report({ groupBy: 'month' });
    // T7 closed at 04:30 UTC on 1 January: still December in New York.
    expect(byMonth.rows.map((row) => [row.key, row.closed])).toEqual([['2026-12', 7]]);
    const byDay = await report({ groupBy: 'day' });
    expect(byDay.rows.find((row) => row.key === '2026-12-31')?.closed).toBe(2); // T5 and T7
  });

  it('filters by team, client and priority', async () => {
    const south = await report({ team: 'South' });
    expect(south.rows.map((row) => [row.key, row.met, row.missed])).toEqual([
      ['critical', 0, 1],
      ['medium', 1, 0],
    ]);
    const contosoHigh = await report({ clientId: ids.clientB, priority: 'high', groupBy: 'technician' });
    expect(contosoHigh.rows.map((row) => [row.label, row.closed, row.met])).toEqual([['Terry Field', 1, 1]]);
  });

  it('opens the tickets behind every figure, matching its count', async () => {
    for (const groupBy of ['priority', 'client', 'site', 'technician', 'team', 'week'] as const) {
      const r = await report({ groupBy });
      for (const row of r.rows) {
        for (const outcome of [undefined, 'met', 'missed'] as const) {
          const list = valueOf(
            await f.server.call(
              'reports.tickets',
              { ...december, groupBy, key: row.key, ...(outcome ? { outcome } : {}) },
              as('dispatcher'),
            ),
          );
          const expected = outcome === undefined ? row.closed : row[outcome];
          expect(list.tickets, `${groupBy} ${row.label} ${outcome ?? 'all'}`).toHaveLength(expected);
        }
      }
    }
    const missedCritical = valueOf(
      await f.server.call(
        'reports.tickets',
        { ...december, groupBy: 'priority', key: 'critical', outcome: 'missed' },
        as('admin'),
      ),
    );
    expect(missedCritical.tickets).toEqual([
      expect.objectContaining({
        number: numbers.get('T2'),
        clientName: 'Northwind Traders',
        siteName: 'Main Street',
        technicianName: 'Sam South',
        team: 'South',
        slaOutcome: 'missed',
        slaMinutes: 30,
        responseMinutes: 150,
        resolutionMinutes: 240,
        closedAt: est('2026-12-21 18:00'),
      }),
    ]);
  });

  it('refuses the desk and technicians', async () => {
    for (const role of ['support_desk', 'technician'] as const) {
      for (const method of ['reports.slaAdherence', 'reports.tickets', 'reports.export'] as const) {
        const reply = await f.server.call(
          method,
          { ...december, groupBy: 'priority', key: 'high', format: 'csv' },
          as(role),
        );
        expect(reply, `${role} ${method}`).toMatchObject({
          status: 403,
          body: { ok: false, error: { code: 'forbidden' } },
        });
      }
    }
  });

  it('answers an empty report for a period far outside the data', async () => {
    const empty = await report({ from: '2031-01-01', to: '2031-01-31', groupBy: 'day' });
    expect(empty.rows).toEqual([]);
    expect(figures(empty.total)).toEqual({
      closed: 0,
      met: 0,
      missed: 0,
      percentMet: null,
      response: [null, null],
      resolution: [null, null],
    });
  });

  it('exports the report as CSV that parses back to the same figures', async () => {
    const file = valueOf(
      await f.server.call('reports.export', { ...december, groupBy: 'priority', format: 'csv' }, as('supervisor')),
    );
    expect(file.fileName).toBe('sla-adherence-by-priority-2026-12-21_2026-12-31.csv');
    const rows = parse(Buffer.from(file.contentBase64, 'base64').toString('utf8'), {});
    expect(rows[0]).toEqual([
      'Priority',
      'Closed',
      'Met',
      'Missed',
      'No target',
      '% met',
      'Response median (min)',
      'Response p90 (min)',
      'Resolution median (min)',
      'Resolution p90 (min)',
    ]);
    expect(rows.slice(1)).toEqual([
      ['Critical', '3', '2', '1', '0', '66.7', '60', '150', '180', '240'],
      ['High', '2', '1', '1', '0', '50', '180', '2580', '360', '2700'],
      ['Medium', '1', '1', '0', '0', '100', '7200', '7200', '7320', '7320'],
      ['Low', '1', '0', '1', '0', '0', '13080', '13080', '13200', '13200'],
      ['All tickets', '7', '4', '3', '0', '57.1', '180', '13080', '360', '13200'],
    ]);
  });

  it('exports the report and a drill-down as XLSX with numeric and date cells', async () => {
    const read = async (input: Record<string, unknown>) => {
      const file = valueOf(
        await f.server.call('reports.export', { ...december, format: 'xlsx', ...input }, as('admin')),
      );
      const book = new ExcelJS.Workbook();
      // exceljs declares its own Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
      await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      const [sheet] = book.worksheets;
      if (!sheet) throw new Error(`${file.fileName} has no sheet`);
      return { file, sheet };
    };
    const { file, sheet } = await read({ groupBy: 'team' });
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Team',
      'Closed',
      'Met',
      'Missed',
      'No target',
      '% met',
      'Response median (min)',
      'Response p90 (min)',
      'Resolution median (min)',
      'Resolution p90 (min)',
    ]);
    expect(sheet.getRow(3).values).toEqual([undefined, 'North', 5, 3, 2, 0, 60, 180, 13080, 360, 13200]);
    // North: T1, T3, T5, T6, T7; responses 60, 60, 180, 2580, 13080 → ranks 3 and 5; 3 of 5 met.
    expect(sheet.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.Number);

    const drill = await read({ groupBy: 'priority', drill: { key: 'medium' } });
    expect(drill.file.rows).toBe(1);
    const ticket = drill.sheet.getRow(3);
    expect(ticket.getCell(1).value).toBe(numbers.get('T4'));
    // Dates are written as the organisation's wall-clock time: received Wed 23 10:00 New York.
    expect(ticket.getCell(7).type).toBe(ExcelJS.ValueType.Date);
    expect(ticket.getCell(7).value).toEqual(new Date('2026-12-23T10:00:00.000Z'));
    expect(ticket.getCell(8).value).toEqual(new Date('2026-12-28T17:00:00.000Z'));
    expect(ticket.getCell(14).value).toBe(7320);
  });
});
