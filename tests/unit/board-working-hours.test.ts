import { describe, expect, it } from 'vitest';
import { datesFrom, durationText, wholeDay, workingWindow } from '../../renderer/src/features/board/working-hours';
import type { WeeklyHours } from '../../shared/domain/sla';
import { defaultOrganisationSettings, weekdayIndex } from '../../shared/domain/organisation';

const weekdays = (open: string, close: string): WeeklyHours => ({
  mon: [[open, close]],
  tue: [[open, close]],
  wed: [[open, close]],
  thu: [[open, close]],
  fri: [[open, close]],
});
// Monday 2027-01-04 to Sunday 2027-01-10.
const week = datesFrom('2027-01-04', '2027-01-10');
const zone = 'Europe/Amsterdam';

describe("the part of the day the board's week view shows", () => {
  it('runs from the earliest shift start to the latest shift end, on even hours', () => {
    const technicians = [
      { timeZone: zone, shiftPattern: weekdays('07:30', '16:00') },
      { timeZone: zone, shiftPattern: weekdays('09:00', '17:15') },
      { timeZone: null, shiftPattern: null },
    ];
    expect(workingWindow(technicians, [], week, zone)).toEqual({ startMinutes: 6 * 60, endMinutes: 18 * 60 });
    expect(workingWindow(technicians, [], week, zone, 1)).toEqual({ startMinutes: 7 * 60, endMinutes: 18 * 60 });
  });

  it('reads a shift in the technician’s own zone, in the workstation’s', () => {
    // 08:00–16:00 in London is 09:00–17:00 in Amsterdam.
    const london = [{ timeZone: 'Europe/London', shiftPattern: weekdays('08:00', '16:00') }];
    expect(workingWindow(london, [], week, zone, 1)).toEqual({ startMinutes: 9 * 60, endMinutes: 17 * 60 });
  });

  it('counts only the shifts of the days shown', () => {
    const weekendOnly = [{ timeZone: zone, shiftPattern: { sat: [['05:00', '23:00']] } satisfies WeeklyHours }];
    const office = [{ timeZone: zone, shiftPattern: weekdays('08:00', '16:00') }, ...weekendOnly];
    expect(workingWindow(office, [], datesFrom('2027-01-04', '2027-01-08'), zone)).toEqual({
      startMinutes: 8 * 60,
      endMinutes: 16 * 60,
    });
    expect(workingWindow(office, [], week, zone)).toEqual({ startMinutes: 4 * 60, endMinutes: 24 * 60 });
  });

  it('widens to a visit booked outside every shift, so no visit is ever off the board', () => {
    const office = [{ timeZone: zone, shiftPattern: weekdays('08:00', '16:00') }];
    const late = { startsAt: '2027-01-06T18:30:00Z', endsAt: '2027-01-06T19:30:00Z' }; // 19:30–20:30 local
    expect(workingWindow(office, [late], week, zone)).toEqual({ startMinutes: 8 * 60, endMinutes: 22 * 60 });
    // A visit on a day not shown changes nothing.
    const nextWeek = { startsAt: '2027-01-13T02:00:00Z', endsAt: '2027-01-13T03:00:00Z' };
    expect(workingWindow(office, [nextWeek], week, zone)).toEqual({ startMinutes: 8 * 60, endMinutes: 16 * 60 });
  });

  it('is the whole day for a night shift across midnight, or with no shifts to go by', () => {
    // 14:00–20:00 in New York is 20:00–02:00 in Amsterdam: through its midnight.
    const night = [{ timeZone: 'America/New_York', shiftPattern: weekdays('14:00', '20:00') }];
    expect(workingWindow(night, [], week, zone)).toEqual(wholeDay);
    expect(workingWindow([{ timeZone: null, shiftPattern: null }], [], week, zone)).toEqual(wholeDay);
    expect(workingWindow([], [], week, zone)).toEqual(wholeDay);
  });

  it('gives FullCalendar its durations', () => {
    expect(durationText(420)).toBe('07:00');
    expect(durationText(1440)).toBe('24:00');
    expect(week).toHaveLength(7);
    expect(week[6]).toBe('2027-01-10');
  });
});

describe("the organisation's first day of the week, as the board's week view takes it", () => {
  it.each([
    ['mon', 1],
    ['sun', 0],
    ['sat', 6],
  ] as const)('%s is day %i (Sunday 0, as FullCalendar counts)', (day, index) => {
    expect(weekdayIndex(day)).toBe(index);
  });

  it('is Monday by default', () => {
    expect(weekdayIndex(defaultOrganisationSettings.firstDayOfWeek)).toBe(1);
  });
});
