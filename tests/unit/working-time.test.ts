import { describe, expect, it } from 'vitest';
import {
  closedDays,
  dayBounds,
  intersect,
  normalize,
  subtract,
  technicianShifts,
  weeklyIntervals,
  type ShiftMemo,
  workingIntervals,
} from '../../electron/core/services/dispatch/working-time';
import type { AvailabilityDto } from '../../shared/domain/technician';

const at = (iso: string) => Date.parse(iso);
const span = (from: string, to: string) => ({ start: at(from), end: at(to) });
const iso = (list: { start: number; end: number }[]) =>
  list.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]);

describe('interval arithmetic', () => {
  it('merges overlapping and touching spans and drops empty ones', () => {
    expect(
      normalize([
        { start: 5, end: 9 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 7, end: 7 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 9 },
    ]);
  });

  it('subtracts holes, including holes that cover a whole span', () => {
    const base = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    expect(
      subtract(base, [
        { start: 2, end: 4 },
        { start: 8, end: 22 },
      ]),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
      { start: 22, end: 30 },
    ]);
    expect(subtract(base, [{ start: -5, end: 40 }])).toEqual([]);
  });

  it('intersects two lists', () => {
    expect(
      intersect(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
        ],
        [{ start: 5, end: 25 }],
      ),
    ).toEqual([
      { start: 5, end: 10 },
      { start: 20, end: 25 },
    ]);
  });
});

describe('weekly hours as instants', () => {
  const office = {
    mon: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    sat: [['09:00', '13:00']],
  } as const;

  it('reads the hours in the zone, across a daylight-saving change', () => {
    // Sunday 2026-03-29 Europe/Berlin moves from UTC+1 to UTC+2; the Mondays either side differ by an hour in UTC.
    const week = weeklyIntervals(
      { mon: [['08:00', '17:00']] },
      'Europe/Berlin',
      at('2026-03-23T00:00:00Z'),
      at('2026-04-01T00:00:00Z'),
    );
    expect(iso(week)).toEqual([
      ['2026-03-23T07:00:00.000Z', '2026-03-23T16:00:00.000Z'],
      ['2026-03-30T06:00:00.000Z', '2026-03-30T15:00:00.000Z'],
    ]);
  });

  it('clips to the window and keeps a lunch break', () => {
    const day = weeklyIntervals(
      { mon: office.mon.map(([a, b]) => [a, b] as [string, string]) },
      'UTC',
      at('2026-11-30T10:00:00Z'),
      at('2026-11-30T15:00:00Z'),
    );
    expect(iso(day)).toEqual([
      ['2026-11-30T10:00:00.000Z', '2026-11-30T12:00:00.000Z'],
      ['2026-11-30T13:00:00.000Z', '2026-11-30T15:00:00.000Z'],
    ]);
  });

  it('treats missing hours as open around the clock', () => {
    expect(weeklyIntervals(null, 'UTC', 10, 20)).toEqual([{ start: 10, end: 20 }]);
  });

  it('closes at 24:00 at the next midnight', () => {
    const day = weeklyIntervals(
      { fri: [['18:00', '24:00']] },
      'UTC',
      at('2026-11-27T00:00:00Z'),
      at('2026-11-29T00:00:00Z'),
    );
    expect(iso(day)).toEqual([['2026-11-27T18:00:00.000Z', '2026-11-28T00:00:00.000Z']]);
  });
});

describe('a technician’s working time', () => {
  const exception = (kind: AvailabilityDto['kind'], startsAt: string, endsAt: string): AvailabilityDto => ({
    id: kind,
    technicianId: 't',
    kind,
    startsAt,
    endsAt,
    note: null,
  });
  const day = dayBounds('2026-11-30', 'UTC');
  const pattern = { mon: [['08:00', '17:00']] as [string, string][] };

  it('is the shift pattern minus time off, plus extra shifts', () => {
    const worked = workingIntervals(
      pattern,
      'UTC',
      [
        exception('time_off', '2026-11-30T10:00:00Z', '2026-11-30T11:00:00Z'),
        exception('extra_shift', '2026-11-30T17:00:00Z', '2026-11-30T19:00:00Z'),
      ],
      day.start,
      day.end,
    );
    expect(worked).toEqual([
      span('2026-11-30T08:00:00Z', '2026-11-30T10:00:00Z'),
      span('2026-11-30T11:00:00Z', '2026-11-30T19:00:00Z'),
    ]);
  });

  it('lets sick leave win over an extra shift', () => {
    const worked = workingIntervals(
      pattern,
      'UTC',
      [
        exception('extra_shift', '2026-11-30T06:00:00Z', '2026-11-30T08:00:00Z'),
        exception('sick', '2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z'),
      ],
      day.start,
      day.end,
    );
    expect(worked).toEqual([]);
  });

  it('gives a day its real length in the zone', () => {
    const change = dayBounds('2026-10-25', 'Europe/Berlin');
    expect((change.end - change.start) / 3_600_000).toBe(25);
  });
});

describe('the organisation calendar’s closed days', () => {
  const calendar = {
    timeZone: 'Europe/Amsterdam',
    hours: { mon: [['08:00', '17:00']] as [string, string][] },
    holidays: { country: 'NL' },
    closures: ['2027-03-30'],
  };
  const week = {
    start: dayBounds('2027-03-29', 'Europe/Amsterdam').start,
    end: dayBounds('2027-04-04', 'Europe/Amsterdam').end,
  };

  it('lists closure dates and public holidays as whole local days', () => {
    const closed = closedDays(calendar, 'Europe/Amsterdam', week.start, week.end);
    expect(closed.map((d) => [d.date, d.why])).toEqual([
      ['2027-03-29', 'public holiday'], // Easter Monday
      ['2027-03-30', 'closure'],
    ]);
    expect(iso(closed)).toEqual([
      ['2027-03-28T22:00:00.000Z', '2027-03-29T22:00:00.000Z'],
      ['2027-03-29T22:00:00.000Z', '2027-03-30T22:00:00.000Z'],
    ]);
  });

  it('lists nothing for a calendar without holidays or closures', () => {
    expect(closedDays({ timeZone: 'UTC', hours: calendar.hours }, 'UTC', week.start, week.end)).toEqual([]);
  });

  it('takes closed days out of the shift pattern, but not out of an extra shift', () => {
    const closed = closedDays(calendar, 'Europe/Amsterdam', week.start, week.end);
    const extra: AvailabilityDto = {
      id: 'x',
      technicianId: 't',
      kind: 'extra_shift',
      startsAt: '2027-03-29T07:00:00Z',
      endsAt: '2027-03-29T09:00:00Z',
      note: null,
    };
    expect(workingIntervals(calendar.hours, 'Europe/Amsterdam', [], week.start, week.end, closed)).toEqual([]);
    expect(iso(workingIntervals(calendar.hours, 'Europe/Amsterdam', [extra], week.start, week.end, closed))).toEqual([
      ['2027-03-29T07:00:00.000Z', '2027-03-29T09:00:00.000Z'],
    ]);
  });

  it('answers the same with a memo shared by many technicians, each keeping their own time off', () => {
    const fortnight = { start: week.start, end: dayBounds('2027-04-11', 'Europe/Amsterdam').end };
    const onOrganisationHours = { timeZone: null, shiftPattern: null };
    const own = { timeZone: 'Europe/Amsterdam', shiftPattern: { tue: [['09:00', '12:00']] as [string, string][] } };
    const away: AvailabilityDto = {
      id: 'a',
      technicianId: 't2',
      kind: 'time_off',
      startsAt: '2027-04-05T00:00:00Z',
      endsAt: '2027-04-06T00:00:00Z',
      note: null,
    };
    const memo: ShiftMemo = new Map();
    const plain = (t: typeof own | typeof onOrganisationHours, off: AvailabilityDto[]) =>
      technicianShifts(t, calendar, off, fortnight.start, fortnight.end);
    const memoised = (t: typeof own | typeof onOrganisationHours, off: AvailabilityDto[]) =>
      technicianShifts(t, calendar, off, fortnight.start, fortnight.end, memo);
    expect(memoised(onOrganisationHours, [])).toEqual(plain(onOrganisationHours, []));
    // The second Monday (5 April) is taken off by one technician only; Easter Monday is closed for all.
    expect(iso(memoised(onOrganisationHours, [away]))).toEqual([]);
    expect(iso(memoised(onOrganisationHours, []))).toEqual([['2027-04-05T06:00:00.000Z', '2027-04-05T15:00:00.000Z']]);
    expect(memoised(own, [])).toEqual(plain(own, []));
    expect(memo.size).toBe(2);
  });
});
