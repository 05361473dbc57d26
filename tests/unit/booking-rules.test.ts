import { describe, expect, it } from 'vitest';
import { defaultTravelSettings } from '../../shared/domain/travel';
import { bookingBreaches, type CrewMemberSchedule } from '../../electron/core/services/dispatch/booking-rules';
import { offlineTravel } from '../../electron/core/services/travel/offline-travel';

const travel = offlineTravel(defaultTravelSettings);
const at = (iso: string) => Date.parse(iso);
const seattle = { lat: 47.61, lng: -122.33 };
const tacoma = { lat: 47.25, lng: -122.44 };

// Berlin, Monday 2026-03-02 (UTC+1): 08:00–17:00 local is 07:00–16:00 UTC.
const dana: CrewMemberSchedule = {
  name: 'Dana',
  zone: 'Europe/Berlin',
  shiftPattern: { mon: [['08:00', '17:00']] },
  exceptions: [],
  neighbours: [],
};

describe('booking rules', () => {
  it.each([
    ['inside the shift', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', []],
    ['exactly the whole shift', '2026-03-02T07:00:00Z', '2026-03-02T16:00:00Z', []],
    [
      'starting before the shift',
      '2026-03-02T06:30:00Z',
      '2026-03-02T07:30:00Z',
      ["Outside Dana's shift (08:00–17:00)"],
    ],
    ['running past its end', '2026-03-02T15:30:00Z', '2026-03-02T16:30:00Z', ["Outside Dana's shift (08:00–17:00)"]],
    [
      'on a day without a shift',
      '2026-03-03T08:00:00Z',
      '2026-03-03T09:00:00Z',
      ["Outside Dana's shift (no shift on Tuesdays)"],
    ],
  ])('a visit %s', async (_label, start, end, expected) => {
    expect(await bookingBreaches([dana], { start: at(start), end: at(end), location: null }, travel)).toEqual(expected);
  });

  it('names time off and sick leave before the shift, and counts an extra shift as working time', async () => {
    const away = (kind: 'time_off' | 'sick' | 'extra_shift', startsAt: string, endsAt: string) => ({
      id: kind,
      technicianId: 'dana',
      kind,
      startsAt,
      endsAt,
      note: kind === 'time_off' ? 'Wedding' : null,
    });
    const booking = { start: at('2026-03-02T08:00:00Z'), end: at('2026-03-02T09:00:00Z'), location: null };
    const off = { ...dana, exceptions: [away('time_off', '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')] };
    const sick = { ...dana, exceptions: [away('sick', '2026-03-02T08:30:00Z', '2026-03-02T12:00:00Z')] };
    expect(await bookingBreaches([off], booking, travel)).toEqual(['Dana has time off (Wedding)']);
    expect(await bookingBreaches([sick], booking, travel)).toEqual(['Dana is off sick']);

    const saturday = { start: at('2026-03-07T09:00:00Z'), end: at('2026-03-07T10:00:00Z'), location: null };
    const extra = { ...dana, exceptions: [away('extra_shift', '2026-03-07T08:00:00Z', '2026-03-07T12:00:00Z')] };
    expect(await bookingBreaches([extra], saturday, travel)).toEqual([]);
  });

  it('checks travel from the previous visit and to the next, and skips places without coordinates', async () => {
    const neighbours = [
      { ticketNumber: 'T-1', start: at('2026-03-02T08:00:00Z'), end: at('2026-03-02T09:00:00Z'), location: seattle },
      { ticketNumber: 'T-2', start: at('2026-03-02T13:00:00Z'), end: at('2026-03-02T14:00:00Z'), location: null },
    ];
    const busy = { ...dana, neighbours };
    const tight = { start: at('2026-03-02T09:30:00Z'), end: at('2026-03-02T10:00:00Z'), location: tacoma };
    const [breach, ...rest] = await bookingBreaches([busy], tight, travel);
    expect(rest).toEqual([]);
    expect(breach).toMatch(
      /^Travel for Dana from the previous visit \(T-1, ends 10:00\) takes 8\d min; only 30 min between them$/,
    );

    const roomy = { start: at('2026-03-02T10:30:00Z'), end: at('2026-03-02T11:00:00Z'), location: tacoma };
    expect(await bookingBreaches([busy], roomy, travel)).toEqual([]);
    expect(await bookingBreaches([busy], { ...tight, location: null }, travel)).toEqual([]);
  });
});
