// The technician utilization report (issue 15 §2) on a small data set whose answers are worked out
// by hand below, built through the methods the consoles call at set moments of a manual clock.
// Runs on SQLite and on PostgreSQL with the same expectations.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import type { FigureReport, FigureTable } from '../../shared/domain/reports';
import type { VisitDto } from '../../shared/domain/visit';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const newYork = {
  timeZone: 'America/New_York',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '17:00']]])),
  holidays: { country: 'US' },
};
const sevenToThree = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['07:00', '15:00']]]));

/** "2026-12-21 10:00" in New York (EST) as an ISO instant. */
const est = (local: string) => new Date(`${local.replace(' ', 'T')}:00-05:00`).toISOString();

// The week of Monday 21 December 2026 in New York; Friday 25th is Christmas (a US holiday). Team Utility:
//   Uma: the organisation's hours (08–17, not on the holiday), time off Tue 22 13:00–17:00; base at
//        40.70 N 74.00 W. Shift: Mon 9 h, Tue 5 h, Wed 9 h, Thu 9 h, Fri 0 → 32 h = 1920 min.
//   Ugo: his own pattern 07–15 Monday to Friday (worked on the holiday too); base at 41.00 N 74.00 W
//        (site S2 itself). Shift: 5 × 8 h = 2400 min.
// Sites on one meridian: S1 at 40.80 N, S2 at 41.00 N, S3 without coordinates. The offline estimate
// (detour 1.3, 40 km/h, 5 min parking): 0.1° of latitude is 6371.0088 km × 0.1 × π/180 = 11.1195 km,
// × 1.3 = 14.4554 km, 21.68 min + 5 = 26.68 → 27 min; 0.2° is 43.37 + 5 = 48.37 → 49 min; no
// distance is no parking, but a drive is at least a minute (as on the printed schedule) → 1.
//   A  Uma Mon 21 09:00–10:00 at S1: from base 27; on site 09:10–09:50 = 40
//   B  Uma Mon 21 11:00–12:30 at S2: from S1 49; on site 11:05–12:35 = 90
//   C  Uma Wed 23 10:00–11:00 at S1: first of its day, from base 27; not reached
//   D  Ugo Tue 22 08:00–10:00 at S2: from base (the same place) 1; on site 08:00–10:15 = 135
//   E  Ugo Tue 22 13:00–14:00 at S3: no coordinates, drive unknown; not reached
//   F  Ugo Thu 24 09:00–10:00 at S1: cancelled, not counted
// Uma: booked 60 + 90 + 60 = 210, on site 130, driving 27 + 49 + 27 = 103, of 1920 min: 10.9%, 6.8%, 5.4%.
// Ugo: booked 120 + 60 = 180, on site 135, driving 1, of 2400 min: 7.5%, 5.6%, 0.0%.
// Both: 4320 min of shift, booked 390 (9.0%), on site 265 (6.1%), driving 104 (2.4%).
const week = { from: '2026-12-21', to: '2026-12-27', team: 'Utility' };
const measures = [
  'shift',
  'visits',
  'booked',
  'on_site',
  'drive',
  'booked_share',
  'on_site_share',
  'drive_share',
] as const;

const grid = (table: FigureTable | undefined, ids: readonly string[]) =>
  table && [...table.rows, table.total].map((r) => [r.key, ...ids.map((id) => r.values[id])]);
const tableOf = (report: FigureReport) => report.tables.find((t) => t.id === 'utilization');

describe('the technician utilization report over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const numbers = new Map<string, string>();
  const ids = { uma: '', ugo: '' };
  const visits = new Map<string, VisitDto>();

  async function at(local: string): Promise<void> {
    clock.set(est(local));
    f.cookies = await f.server.loginDemoUsers();
  }

  async function book(name: string, technicianId: string, siteId: string, starts: string, minutes: number) {
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: est('2026-12-20 11:00'),
          clientId: f.clientId,
          siteId,
          description: `Utilization visit ${name}`,
          priority: 'low',
        },
        as('admin'),
      ),
    );
    numbers.set(name, ticket.number);
    const visit = valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId: ticket.id,
          technicianId,
          startsAt: est(starts),
          durationMinutes: minutes,
          override: { reason: 'Planned by hand' },
        },
        as('admin'),
      ),
    );
    visits.set(name, visit);
  }

  /** The crew arrives at `arrived` and leaves at `left` (incomplete: another visit is needed). */
  async function onSite(name: string, arrived: string, left: string) {
    const booked = visits.get(name);
    if (!booked) throw new Error(`No visit ${name}`);
    await at(arrived);
    const there = valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: booked.id, expectedVersion: booked.version, status: 'on_site' },
        as('dispatcher'),
      ),
    );
    await at(left);
    valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: there.id, expectedVersion: there.version, status: 'incomplete', reason: 'needs_another_visit' },
        as('dispatcher'),
      ),
    );
  }

  const report = async (input: Record<string, unknown> = {}, role: Role = 'service_manager') =>
    valueOf(await f.server.call('reports.utilization', { ...week, groupBy: 'technician', ...input }, as(role)));

  const drill = async (input: Record<string, unknown>) =>
    valueOf(
      await f.server.call(
        'reports.tickets',
        { ...week, groupBy: 'technician', report: 'utilization', table: 'utilization', ...input },
        as('dispatcher'),
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
    await at('2026-12-20 12:00');
    const technician = (name: string, latitude: number, shiftPattern: typeof sevenToThree | null) =>
      f.server.call(
        'technicians.save',
        {
          name,
          team: 'Utility',
          homeLatitude: latitude,
          homeLongitude: -74,
          shiftPattern,
          skills: [],
          certifications: [],
        },
        as('admin'),
      );
    ids.uma = valueOf(await technician('Uma Adams', 40.7, null)).id;
    ids.ugo = valueOf(await technician('Ugo Baker', 41, sevenToThree)).id;
    valueOf(
      await f.server.call(
        'technicians.addAvailability',
        { technicianId: ids.uma, kind: 'time_off', startsAt: est('2026-12-22 13:00'), endsAt: est('2026-12-22 17:00') },
        as('admin'),
      ),
    );
    const site = async (name: string, latitude: number | null) =>
      valueOf(
        await f.server.call(
          'sites.create',
          {
            clientId: f.clientId,
            name,
            address: `${name} Road`,
            latitude,
            longitude: latitude === null ? null : -74,
          },
          as('admin'),
        ),
      ).id;
    const s1 = await site('Site One', 40.8);
    const s2 = await site('Site Two', 41);
    const s3 = await site('Site Three', null);

    await book('A', ids.uma, s1, '2026-12-21 09:00', 60);
    await book('B', ids.uma, s2, '2026-12-21 11:00', 90);
    await book('C', ids.uma, s1, '2026-12-23 10:00', 60);
    await book('D', ids.ugo, s2, '2026-12-22 08:00', 120);
    await book('E', ids.ugo, s3, '2026-12-22 13:00', 60);
    await book('F', ids.ugo, s1, '2026-12-24 09:00', 60);
    const f6 = visits.get('F');
    valueOf(
      await f.server.call(
        'visits.cancel',
        { id: f6?.id ?? '', expectedVersion: f6?.version ?? 1, reason: 'Client closed for the holidays' },
        as('dispatcher'),
      ),
    );
    await onSite('A', '2026-12-21 09:10', '2026-12-21 09:50');
    await onSite('B', '2026-12-21 11:05', '2026-12-21 12:35');
    await onSite('D', '2026-12-22 08:00', '2026-12-22 10:15');
    await at('2026-12-28 09:00');
  }, 180_000);

  it('sets each technician’s booked, on-site and drive minutes against their shift', async () => {
    expect(grid(tableOf(await report()), measures)).toEqual([
      [ids.ugo, 2400, 2, 180, 135, 1, 7.5, 5.6, 0],
      [ids.uma, 1920, 3, 210, 130, 103, 10.9, 6.8, 5.4],
      [null, 4320, 5, 390, 265, 104, 9, 6.1, 2.4],
    ]);
  });

  it('splits shifts and visits by day: time off, the holiday and the weekend', async () => {
    // Tue: Uma 5 h + Ugo 8 h; Fri 25th: Ugo only; Sat and Sun: no shift, no visit, no row.
    expect(grid(tableOf(await report({ groupBy: 'day' })), measures.slice(0, 5))).toEqual([
      ['2026-12-21', 1020, 2, 150, 130, 76],
      ['2026-12-22', 780, 2, 180, 135, 1],
      ['2026-12-23', 1020, 1, 60, 0, 27],
      ['2026-12-24', 1020, 0, 0, 0, 0],
      ['2026-12-25', 480, 0, 0, 0, 0],
      [null, 4320, 5, 390, 265, 104],
    ]);
  });

  it('groups by team over everyone, the team the same as when filtered by it', async () => {
    const { team: _team, ...everyone } = week;
    const r = valueOf(await f.server.call('reports.utilization', { ...everyone, groupBy: 'team' }, as('dispatcher')));
    const utility = tableOf(r)?.rows.find((row) => row.key === 'Utility');
    expect(measures.map((m) => utility?.values[m])).toEqual([4320, 5, 390, 265, 104, 9, 6.1, 2.4]);
    // The fixture's own technicians work that week too.
    expect(tableOf(r)?.total.values['shift']).toBeGreaterThan(4320);
  });

  it('opens the tickets of the visits behind a figure', async () => {
    expect(await drill({ key: ids.uma, measure: 'drive' })).toEqual(['A', 'B', 'C']);
    expect(await drill({ key: ids.uma, measure: 'on_site' })).toEqual(['A', 'B']);
    expect(await drill({ key: ids.ugo, measure: 'drive' })).toEqual(['D']);
    // A share opens its numerator's: every visit booked.
    expect(await drill({ key: ids.ugo, measure: 'booked_share' })).toEqual(['D', 'E']);
    expect(await drill({ groupBy: 'day', key: '2026-12-24', measure: 'visits' })).toEqual([]);
    const shift = await f.server.call(
      'reports.tickets',
      { ...week, groupBy: 'technician', report: 'utilization', table: 'utilization', key: ids.uma, measure: 'shift' },
      as('admin'),
    );
    // No ticket is behind a shift.
    expect(shift).toMatchObject({ status: 400, body: { error: { issues: [{ path: ['measure'] }] } } });
  });

  it('refuses a grouping, client or priority of tickets, at its field', async () => {
    const technicianWeek = { ...week, groupBy: 'technician' };
    for (const [extra, field] of [
      [{ groupBy: 'priority' }, 'groupBy'],
      [{ groupBy: 'site' }, 'groupBy'],
      [{ clientId: f.clientId }, 'clientId'],
      [{ priority: 'low' }, 'priority'],
    ] as const) {
      const input: Record<string, unknown> = { ...technicianWeek, ...extra };
      const reply = await f.server.call('reports.utilization', input, as('admin'));
      expect(reply, field).toMatchObject({ status: 400, body: { error: { issues: [{ path: [field] }] } } });
    }
    const exported = await f.server.call(
      'reports.export',
      { ...week, groupBy: 'client', report: 'utilization', format: 'csv' },
      as('admin'),
    );
    expect(exported).toMatchObject({ status: 400, body: { error: { issues: [{ path: ['groupBy'] }] } } });
  });

  it('is read by dispatchers, managers, supervisors and admins, not by the desk or technicians', async () => {
    for (const role of ['dispatcher', 'supervisor', 'admin'] as const) {
      expect(tableOf(await report({}, role))?.total.values['booked']).toBe(390);
    }
    for (const role of ['support_desk', 'technician'] as const) {
      for (const [method, extra] of [
        ['reports.utilization', {}],
        ['reports.tickets', { report: 'utilization', key: null }],
        ['reports.export', { report: 'utilization', format: 'csv' }],
      ] as const) {
        const reply = await f.server.call(method, { ...week, groupBy: 'technician', ...extra }, as(role));
        expect(reply, `${role} ${method}`).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      }
    }
  });

  it('exports the report as XLSX with typed minutes and the tickets behind a figure as CSV', async () => {
    const xlsx = valueOf(
      await f.server.call(
        'reports.export',
        { ...week, groupBy: 'technician', report: 'utilization', format: 'xlsx' },
        as('supervisor'),
      ),
    );
    expect(xlsx.fileName).toBe('technician-utilization-by-technician-2026-12-21_2026-12-27.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      'Technician',
      'Shift (min)',
      'Visits',
      'Booked (min)',
      'On site (min)',
      'Driving (min)',
      'Booked share (%)',
      'On-site share (%)',
      'Driving share (%)',
    ]);
    expect(sheet?.getRow(4).values).toEqual([undefined, 'Uma Adams', 1920, 3, 210, 130, 103, 10.9, 6.8, 5.4]);
    expect(sheet?.getRow(4).getCell(6).type).toBe(ExcelJS.ValueType.Number);

    const list = valueOf(
      await f.server.call(
        'reports.export',
        {
          ...week,
          groupBy: 'technician',
          report: 'utilization',
          format: 'csv',
          drill: { table: 'utilization', key: ids.uma, measure: 'on_site' },
        },
        as('dispatcher'),
      ),
    );
    expect(list.rows).toBe(2);
    const text = Buffer.from(list.contentBase64, 'base64').toString('utf8');
    expect(text).toContain(numbers.get('A'));
    expect(text).not.toContain(numbers.get('C'));
  });
});
