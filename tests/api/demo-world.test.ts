import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { countRows, manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';

const ZONE = 'America/New_York';

// The demo starts on whatever day and hour the user first runs it: a working morning, an evening
// (nothing fits later today), a Saturday, and the day before Christmas (the next working day
// skips the holiday and the weekend).
const starts = [
  { when: 'a Tuesday morning', at: '2026-12-08T10:30', laterToday: true, nextWorkingDay: '2026-12-09' },
  { when: 'a Tuesday evening', at: '2026-12-08T19:40', laterToday: false, nextWorkingDay: '2026-12-09' },
  { when: 'a Saturday', at: '2026-12-12T11:15', laterToday: false, nextWorkingDay: '2026-12-14' },
  { when: 'Christmas Eve', at: '2026-12-24T14:00', laterToday: true, nextWorkingDay: '2026-12-28' },
];

describe('the demo world (--demo)', () => {
  const env = useTestEnvironment();

  describe.each(starts)('started on $when', ({ at, laterToday, nextWorkingDay }) => {
    const startedAt = DateTime.fromISO(at, { zone: ZONE });
    const today = startedAt.toISODate() ?? '';

    it('gives the dispatcher teams, work types, visits in every state, escalations and reviews at once', async () => {
      const clock = manualClock(startedAt.toUTC().toISO() ?? '');
      const server = await env.server(await env.runtime({ demo: 'world', clock, slaWatchIntervalMs: false }));
      const cookies = await server.loginDemoUsers();
      const dispatcher = { cookie: cookies.dispatcher };

      const technicians = valueOf(await server.call('technicians.list', {}, dispatcher));
      expect(new Set(technicians.map((t) => t.team))).toEqual(new Set(['Manhattan', 'Brooklyn', 'New Jersey']));
      for (const t of technicians) {
        expect(t.skills.length, t.name).toBeGreaterThan(0);
        expect(t.shiftPattern, t.name).not.toBeNull();
        // Home bases within about 30 km of Manhattan, where every demo site is.
        expect(Math.abs((t.home.latitude ?? 0) - 40.72), t.name).toBeLessThan(0.3);
        expect(Math.abs((t.home.longitude ?? 0) + 74.0), t.name).toBeLessThan(0.3);
      }
      expect(technicians.filter((t) => t.lastPosition !== null).length).toBeGreaterThanOrEqual(3);
      // The demo technician's login is linked, and a dispatcher (who may not list users) sees to whom.
      expect(technicians.filter((t) => t.login).map((t) => [t.name, t.login?.username])).toEqual([
        ['Toni Technician', 'technician'],
      ]);

      const workTypes = valueOf(await server.call('workTypes.list', {}, dispatcher));
      expect(workTypes.length).toBeGreaterThanOrEqual(4);
      expect(workTypes.every((w) => w.requiredSkills.length > 0)).toBe(true);
      expect(workTypes.filter((w) => w.signOffRequired).map((w) => w.name)).toEqual(['Switch replacement']);

      const from = startedAt.startOf('day');
      const visits = valueOf(
        await server.call(
          'visits.list',
          { from: from.toUTC().toISO(), to: from.plus({ days: 7 }).toUTC().toISO() },
          dispatcher,
        ),
      );
      const localDay = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toISODate();
      const todays = visits.filter((v) => localDay(v.startsAt) === today);
      // Work under way whenever it starts; more booked later today only when today has room.
      const underWay = ['en_route', 'on_site', 'completed'];
      expect(new Set(todays.map((v) => v.status))).toEqual(new Set(laterToday ? ['scheduled', ...underWay] : underWay));
      // Tomorrow's plan is on the next working day, at office hours in the sites' zone.
      const tomorrows = visits.filter((v) => localDay(v.startsAt) === nextWorkingDay);
      expect(tomorrows.length).toBeGreaterThanOrEqual(5);
      expect(tomorrows.every((v) => v.status === 'scheduled')).toBe(true);
      const hours = tomorrows.map((v) => DateTime.fromISO(v.startsAt, { zone: ZONE }).toFormat('HH:mm'));
      expect(hours).toContain('09:00');
      expect(hours.every((h) => h >= '08:00' && h <= '13:00')).toBe(true);

      const myDay = valueOf(await server.call('visits.myDay', {}, { cookie: cookies.technician }));
      expect(myDay.technician?.name).toBe('Toni Technician');
      expect(myDay.date).toBe(today);
      expect(myDay.visits.map((v) => v.status)).toEqual(expect.arrayContaining(['completed', 'on_site']));

      const manager = { cookie: cookies.service_manager };
      const escalations = valueOf(await server.call('escalations.list', {}, manager));
      expect(escalations.filter((e) => e.kind === 'manual').length).toBeGreaterThanOrEqual(2);
      expect(valueOf(await server.call('reviews.pending', {}, manager)).length).toBe(2);

      // The demo's unscheduled critical ticket can be ranked and booked straight away.
      const queue = valueOf(await server.call('tickets.queue', {}, dispatcher));
      const critical = queue.find((row) => row.summary.startsWith('Core switch down'));
      if (!critical) throw new Error('the demo has no critical ticket in the queue');
      const ranking = valueOf(
        await server.call('dispatch.recommend', { ticketId: critical.id, day: nextWorkingDay }, dispatcher),
      );
      expect(ranking.ranked.length).toBeGreaterThan(0);

      // Written as the product writes them: audited status changes, not rows put in place.
      const audit = valueOf(
        await server.call('audit.list', { filter: { entity: 'visit' }, limit: 200 }, { cookie: cookies.admin }),
      );
      expect(audit.entries.filter((e) => e.method === 'visits.setStatus').length).toBeGreaterThanOrEqual(8);
    });
  });

  it('loads once: a restart on the same database adds nothing', async () => {
    const database: DatabaseConfig = await env.database();
    const first = await env.runtime({ database, demo: 'world' });
    expect(first.demoLoaded).toBe(true);
    const loaded = await countRows(first.database);
    expect(loaded.visits).toBeGreaterThan(10);
    await first.close();

    const second = await env.runtime({ database, demo: 'world' });
    expect(second.demoLoaded).toBe(false);
    expect(await countRows(second.database)).toEqual(loaded);
  });

  it('keeps the basic demo lean: users, clients and tickets but no technicians or visits', async () => {
    const runtime = await env.runtime({ demo: 'basic' });
    const rows = await countRows(runtime.database);
    expect(rows.users).toBe(6);
    expect(rows.technicians).toBe(0);
    expect(rows.visits).toBe(0);
  });
});
