// The review and feedback report (issue 15 §2) on a small data set whose answers are worked out by
// hand below, built through the methods the consoles call at set moments of a manual clock. Runs
// on SQLite and on PostgreSQL with the same expectations.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewTag } from '../../shared/domain/closure';
import type { Role } from '../../shared/domain/roles';
import type { FigureReport, FigureTable } from '../../shared/domain/reports';
import type { Priority, TicketDto } from '../../shared/domain/ticket';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentVisit } from '../support/closure-scenario';
import { manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;

const newYork = {
  timeZone: 'America/New_York',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '17:00']]])),
  holidays: { country: 'US' },
};

/** "2026-12-21 10:00" in New York (EST) as an ISO instant. */
const est = (local: string) => new Date(`${local.replace(' ', 'T')}:00-05:00`).toISOString();

// The data set (December 2026, New York time; weeks start on Monday); the period is 21–31 December.
// Each ticket is fixed on its first visit and closed; North is the fixture's technician.
//   R1 critical A  North; reviewed Mon 21 15:00: parts missing, late arrival, SOP not followed;
//                  the client scores it 5 on Tue 22
//   R2 high     B  South; reviewed Wed 23 09:00: parts missing, SOP followed; scored 2 on Wed 23
//   R3 medium   A  North; reviewed Tue 29 09:00: no tags, SOP followed; scored 4 on Tue 29
//   R4 low      B  North; not reviewed; scored 1 on Thu 31
// Week of the 21st: 2 reviews, SOP 1 of 2 = 50%; parts missing 2, late arrival 1. Scores 5 and 2:
//   average 3.5, one low of two = 50%.
// Week of the 28th: 1 review, SOP 1 of 1 = 100%. Scores 4 and 1: average 2.5, one low = 50%.
// Total: 3 reviews, SOP 2 of 3 = 66.7%; scores 5, 2, 4, 1: average 3, two low of four = 50%.
const december = { from: '2026-12-21', to: '2026-12-31' };

const grid = (table: FigureTable | undefined, ids: string[]) =>
  table && [...table.rows, table.total].map((r) => [r.key, ...ids.map((id) => r.values[id])]);
const tableOf = (report: FigureReport, id: string) => report.tables.find((t) => t.id === id);

describe('the review and feedback report over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const numbers = new Map<string, string>();
  const ids = { clientA: '', clientB: '', techS: '' };

  async function at(local: string): Promise<void> {
    clock.set(est(local));
    f.cookies = await f.server.loginDemoUsers();
  }

  /** A ticket received at `when`, fixed on a visit arriving an hour later and closed an hour after that. */
  async function fixed(name: string, priority: Priority, client: 'A' | 'B', when: string, technicianId?: string) {
    await at(when);
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: est(when),
          clientId: client === 'A' ? ids.clientA : ids.clientB,
          description: `Reviewed ticket ${name}`,
          priority,
        },
        as('admin'),
      ),
    );
    numbers.set(name, ticket.number);
    const arrived = Date.parse(est(when)) + 60 * MINUTE;
    clock.set(new Date(arrived - 2 * MINUTE).toISOString());
    const { ticket: documented } = await documentVisit(f, clock, ticket, {
      arrivedAt: new Date(arrived).toISOString(),
      ...(technicianId ? { technicianId } : {}),
    });
    clock.set(new Date(arrived + 60 * MINUTE).toISOString());
    return valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: documented.id, expectedVersion: documented.version },
        as('dispatcher'),
      ),
    );
  }

  async function reviewed(ticket: TicketDto, when: string, tags: ReviewTag[], sopFollowed: boolean) {
    await at(when);
    valueOf(
      await f.server.call(
        'reviews.record',
        { ticketId: ticket.id, note: 'Reviewed', tags, sopFollowed },
        as('service_manager'),
      ),
    );
  }

  async function scored(ticket: TicketDto, when: string, score: 1 | 2 | 3 | 4 | 5) {
    await at(when);
    valueOf(await f.server.call('feedback.record', { ticketId: ticket.id, score }, as('support_desk')));
  }

  const report = async (input: Record<string, unknown> = {}, role: Role = 'service_manager') =>
    valueOf(await f.server.call('reports.review', { ...december, groupBy: 'week', ...input }, as(role)));

  const drill = async (input: Record<string, unknown>, role: Role = 'supervisor') =>
    valueOf(
      await f.server.call('reports.tickets', { ...december, groupBy: 'week', report: 'review', ...input }, as(role)),
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
    const south = valueOf(
      await f.server.call(
        'technicians.save',
        { name: 'Sam South', team: 'South', skills: [], certifications: [] },
        as('admin'),
      ),
    );
    Object.assign(ids, { clientA: a.id, clientB: b.id, techS: south.id });

    const r1 = await fixed('R1', 'critical', 'A', '2026-12-21 10:00');
    await reviewed(r1, '2026-12-21 15:00', ['parts_missing', 'late_arrival'], false);
    await scored(r1, '2026-12-22 10:00', 5);
    const r2 = await fixed('R2', 'high', 'B', '2026-12-22 09:00', ids.techS);
    await reviewed(r2, '2026-12-23 09:00', ['parts_missing'], true);
    await scored(r2, '2026-12-23 10:00', 2);
    const r3 = await fixed('R3', 'medium', 'A', '2026-12-28 09:00');
    await reviewed(r3, '2026-12-29 09:00', [], true);
    await scored(r3, '2026-12-29 10:00', 4);
    const r4 = await fixed('R4', 'low', 'B', '2026-12-28 13:00');
    await scored(r4, '2026-12-31 10:00', 1);
    await at('2027-01-02 09:00');
  }, 180_000);

  it('counts reviews, the SOP followed share and each improvement tag per week', async () => {
    const r = await report();
    expect(
      grid(tableOf(r, 'reviews'), [
        'reviewed',
        'sop_followed',
        'sop_not_followed',
        'sop_share',
        'tag_parts_missing',
        'tag_late_arrival',
        'tag_access_problem',
        'tag_other',
      ]),
    ).toEqual([
      ['2026-12-21', 2, 1, 1, 50, 2, 1, 0, 0],
      ['2026-12-28', 1, 1, 0, 100, 0, 0, 0, 0],
      [null, 3, 2, 1, 66.7, 2, 1, 0, 0],
    ]);
  });

  it('counts feedback scores, their average and distribution, and the share of low ones', async () => {
    const r = await report();
    expect(
      grid(tableOf(r, 'feedback'), [
        'feedback',
        'average',
        'score_1',
        'score_2',
        'score_3',
        'score_4',
        'score_5',
        'low',
        'low_share',
      ]),
    ).toEqual([
      ['2026-12-21', 2, 3.5, 0, 1, 0, 0, 1, 1, 50],
      ['2026-12-28', 2, 2.5, 1, 0, 0, 1, 0, 1, 50],
      [null, 4, 3, 1, 1, 0, 1, 1, 2, 50],
    ]);
  });

  it('groups by team (of the first arrival) and filters by client', async () => {
    const byTeam = await report({ groupBy: 'team' });
    // North: R1 (SOP not followed) and R3; South: R2.
    expect(grid(tableOf(byTeam, 'reviews'), ['reviewed', 'sop_share', 'tag_parts_missing'])).toEqual([
      ['North', 2, 50, 1],
      ['South', 1, 100, 1],
      [null, 3, 66.7, 2],
    ]);
    // North: 5, 4, 1 → (5 + 4 + 1) / 3 = 3.33; South: 2.
    expect(grid(tableOf(byTeam, 'feedback'), ['feedback', 'average', 'low'])).toEqual([
      ['North', 3, 3.33, 1],
      ['South', 1, 2, 1],
      [null, 4, 3, 2],
    ]);
    const clientB = await report({ clientId: ids.clientB });
    expect(tableOf(clientB, 'reviews')?.total.values['reviewed']).toBe(1); // R2
    expect(tableOf(clientB, 'feedback')?.total.values['average']).toBe(1.5); // R2's 2 and R4's 1
  });

  it('opens the tickets behind a tag, an SOP share and a score', async () => {
    expect(await drill({ table: 'reviews', key: '2026-12-21', measure: 'tag_parts_missing' })).toEqual(['R1', 'R2']);
    expect(await drill({ table: 'reviews', key: '2026-12-21', measure: 'tag_late_arrival' })).toEqual(['R1']);
    // A share opens its numerator's tickets: those whose review says the SOP was followed.
    expect(await drill({ table: 'reviews', key: null, groupBy: 'client', measure: 'sop_share' })).toEqual([]);
    expect(await drill({ table: 'reviews', key: ids.clientA, groupBy: 'client', measure: 'sop_share' })).toEqual([
      'R3',
    ]);
    expect(await drill({ table: 'feedback', key: '2026-12-28', measure: 'low' })).toEqual(['R4']);
    expect(await drill({ table: 'feedback', key: '2026-12-21', measure: 'score_5' })).toEqual(['R1']);
  });

  it('is for those who read reviews: dispatchers, the desk and technicians are refused', async () => {
    for (const role of ['admin', 'supervisor'] as const) {
      expect(tableOf(await report({}, role), 'reviews')?.total.values['reviewed']).toBe(3);
    }
    for (const role of ['dispatcher', 'support_desk', 'technician'] as const) {
      for (const [method, extra] of [
        ['reports.review', {}],
        ['reports.tickets', { report: 'review', key: null }],
        ['reports.export', { report: 'review', format: 'xlsx' }],
        ['reports.export', { report: 'review', format: 'csv', drill: { table: 'feedback', key: null } }],
      ] as const) {
        const reply = await f.server.call(method, { ...december, groupBy: 'week', ...extra }, as(role));
        expect(reply, `${role} ${method}`).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      }
    }
    // A dispatcher still reads the reports they may.
    const volumes = await f.server.call('reports.volumes', { ...december, groupBy: 'week' }, as('dispatcher'));
    expect(volumes).toMatchObject({ status: 200 });
  });

  it('exports the report as CSV and XLSX, and the tickets behind a figure', async () => {
    const csv = valueOf(
      await f.server.call(
        'reports.export',
        { ...december, groupBy: 'week', report: 'review', format: 'csv' },
        as('service_manager'),
      ),
    );
    expect(csv.fileName).toBe('review-and-feedback-by-week-2026-12-21_2026-12-31.csv');
    const lines: string[][] = parse(Buffer.from(csv.contentBase64, 'base64').toString('utf8'), {
      relaxColumnCount: true,
    });
    const start = lines.findIndex((l) => l[0]?.startsWith('Client feedback'));
    expect(lines[start + 1]).toEqual([
      'Week',
      'Scores',
      'Average score',
      'Score 1',
      'Score 2',
      'Score 3',
      'Score 4',
      'Score 5',
      'Low scores',
      'Low score share (%)',
    ]);
    expect(lines[start + 4]).toEqual(['Total', '4', '3', '1', '1', '0', '1', '1', '2', '50']);

    const xlsx = valueOf(
      await f.server.call(
        'reports.export',
        { ...december, groupBy: 'team', report: 'review', format: 'xlsx' },
        as('admin'),
      ),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Reviews', 'Client feedback']);
    const reviews = book.worksheets[0];
    expect(reviews?.getRow(2).getCell(5).value).toBe('SOP followed share (%)');
    expect(reviews?.getRow(3).values).toEqual([undefined, 'North', 2, 1, 1, 50, 0, 1, 0, 0, 1, 0, 0, 0]);
    expect(book.worksheets[1]?.getRow(3).getCell(3).value).toBe(3.33);

    const list = valueOf(
      await f.server.call(
        'reports.export',
        {
          ...december,
          groupBy: 'week',
          report: 'review',
          format: 'csv',
          drill: { table: 'feedback', key: '2026-12-21', measure: 'low' },
        },
        as('supervisor'),
      ),
    );
    expect(list.rows).toBe(1);
    expect(Buffer.from(list.contentBase64, 'base64').toString('utf8')).toContain(numbers.get('R2'));
  });
});
