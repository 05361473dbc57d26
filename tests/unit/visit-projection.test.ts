import { describe, expect, it } from 'vitest';
import {
  needsDelayNotice,
  OVERRUN_MINUTES,
  projectDay,
  type DayVisitPlan,
} from '../../electron/core/services/delays/visit-projection';

const MINUTE = 60_000;
const at = (hhmm: string) => Date.parse(`2027-01-11T${hhmm}:00.000Z`);

function visit(id: string, start: string, end: string, extra: Partial<DayVisitPlan> = {}): DayVisitPlan {
  return {
    id,
    status: 'scheduled',
    plannedStart: at(start),
    plannedEnd: at(end),
    etaAt: null,
    travelMinutes: 20,
    ...extra,
  };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(11, 16);
/** The arrival projected for the day's only (or first) visit still to be reached, as HH:mm. */
const firstArrival = (day: DayVisitPlan[], now: number) => projectDay(day, now).map((p) => iso(p.arrivalAt))[0];

describe('projecting a technician day', () => {
  it('keeps every visit at its planned start while the day runs to plan', () => {
    const day = [visit('a', '09:00', '10:00'), visit('b', '11:00', '12:00')];
    expect(projectDay(day, at('08:00')).map((p) => [p.visitId, iso(p.arrivalAt), p.lateMinutes])).toEqual([
      ['a', '09:00', 0],
      ['b', '11:00', 0],
    ]);
  });

  it('ends a visit still on site past its planned end a few minutes from now, and the next one slips by the travel', () => {
    const day = [visit('a', '09:00', '10:00', { status: 'on_site' }), visit('b', '10:30', '11:30')];
    // 10:40 + 5 overrun + 20 travel.
    expect(projectDay(day, at('10:40'))).toEqual([{ visitId: 'b', arrivalAt: at('11:05'), lateMinutes: 35 }]);
    expect(OVERRUN_MINUTES).toBe(5);
  });

  it('lets a visit on site before its planned end finish on plan', () => {
    const day = [visit('a', '09:00', '10:00', { status: 'on_site' }), visit('b', '10:10', '11:00')];
    expect(projectDay(day, at('09:30')).map((p) => iso(p.arrivalAt))).toEqual(['10:20']);
  });

  it('pushes the whole rest of the day, each visit keeping its duration', () => {
    const day = [
      visit('a', '09:00', '10:00', { status: 'on_site' }),
      visit('b', '10:20', '11:20'),
      visit('c', '11:40', '12:00'),
      visit('d', '15:00', '16:00'),
    ];
    // a ends 11:05, b arrives 11:25 and ends 12:25, c arrives 12:45; d is far enough ahead to be on time.
    expect(projectDay(day, at('11:00')).map((p) => [p.visitId, iso(p.arrivalAt), p.lateMinutes])).toEqual([
      ['b', '11:25', 65],
      ['c', '12:45', 65],
      ['d', '15:00', 0],
    ]);
  });

  it('uses the ETA an en-route crew gave while it is ahead, else expects them any moment', () => {
    const enRoute = (eta: string) => [visit('a', '09:00', '10:00', { status: 'en_route', etaAt: at(eta) })];
    expect(firstArrival(enRoute('09:25'), at('09:10'))).toBe('09:25');
    expect(firstArrival(enRoute('09:25'), at('09:40'))).toBe('09:45');
  });

  it('projects a crew that has not set off from now plus travel, never before the planned start', () => {
    expect(firstArrival([visit('a', '09:00', '10:00')], at('08:50'))).toBe('09:10');
    expect(firstArrival([visit('a', '09:00', '10:00')], at('08:00'))).toBe('09:00');
  });

  it('counts an unknown trip as none and a known one as at least a minute', () => {
    const day = [
      visit('a', '09:00', '10:00', { status: 'on_site' }),
      visit('b', '09:00', '09:30', { travelMinutes: null }),
      visit('c', '09:00', '09:30', { travelMinutes: 0 }),
    ];
    expect(projectDay(day, at('10:30')).map((p) => iso(p.arrivalAt))).toEqual(['10:35', '11:06']);
  });

  it('leaves finished and cancelled visits out and does not wait for them', () => {
    const day = [
      visit('a', '09:00', '10:00', { status: 'completed' }),
      visit('x', '10:00', '12:00', { status: 'cancelled' }),
      visit('b', '10:30', '11:00'),
    ];
    expect(projectDay(day, at('10:00')).map((p) => [p.visitId, iso(p.arrivalAt)])).toEqual([['b', '10:30']]);
  });
});

describe('when a delay notice goes', () => {
  const plannedStart = at('10:00');
  const cases: [string, string, string | null, boolean][] = [
    ['within the grace', '10:15', null, false],
    ['just past the grace', '10:16', null, true],
    ['a slip smaller than the grace after a notice', '10:40', '10:30', false],
    ['a slip of the grace after a notice', '10:45', '10:30', true],
    ['an improvement after a notice', '10:20', '10:30', false],
  ];
  it.each(cases)('%s', (_label, arrival, lastNotice, expected) => {
    const state = { lastNoticeEta: lastNotice === null ? null : at(lastNotice) };
    expect(needsDelayNotice({ arrivalAt: at(arrival), plannedStart }, state, 15)).toBe(expected);
  });

  it('follows the grace the admin set', () => {
    expect(needsDelayNotice({ arrivalAt: plannedStart + 6 * MINUTE, plannedStart }, { lastNoticeEta: null }, 5)).toBe(
      true,
    );
  });
});
