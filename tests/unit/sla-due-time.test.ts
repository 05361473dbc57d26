import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type SlaPolicy } from '../../shared/domain/sla';
import { slaDueRequest } from '../../shared/domain/sla.schema';
import type { Priority } from '../../shared/domain/ticket';
import { CalendarNeverOpensError } from '../../electron/core/services/sla/business-calendar';
import { computeDueAt } from '../../electron/core/services/sla/due-time';
import { ApiFailure } from '../../shared/errors';

// Every expected dueAt below was worked out by hand from the rules in the issue, not by the code.
// Offsets used: New York EST −05:00, EDT −04:00 (2026-03-08 to 2026-11-01); Berlin CET +01:00,
// CEST +02:00 (2026-03-29 to 2026-10-25); Sydney AEDT +11:00 until 2026-04-05, then AEST +10:00;
// Kolkata +05:30 all year. receivedAt is written in local time with its offset, to read like a call.

const weekdays = (hours: [string, string][]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });

/** New York office, Mon–Fri 08:00–17:00, US federal holidays. */
const newYork = {
  timeZone: 'America/New_York',
  hours: weekdays([['08:00', '17:00']]),
  holidays: { country: 'US' },
};

/** Berlin office with a lunch break and a Saturday morning, German national holidays. */
const berlin = {
  timeZone: 'Europe/Berlin',
  hours: {
    ...weekdays([
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    sat: [['09:00', '13:00']] as [string, string][],
  },
  holidays: { country: 'DE' },
};

/** Sydney office, Mon–Fri 09:00–17:00, New South Wales holidays. */
const sydney = {
  timeZone: 'Australia/Sydney',
  hours: weekdays([['09:00', '17:00']]),
  holidays: { country: 'AU', state: 'NSW' },
};

/** Kolkata office, Mon–Fri 09:30–18:00, Indian national holidays. */
const kolkata = {
  timeZone: 'Asia/Kolkata',
  hours: weekdays([['09:30', '18:00']]),
  holidays: { country: 'IN' },
};

/** New York evening shift that closes at midnight ("24:00"), no holidays. */
const eveningShift = {
  timeZone: 'America/New_York',
  hours: weekdays([['16:00', '24:00']]),
};

/** The New York office closed on Tuesday 13 and Wednesday 14 January 2026 (an office move). */
const newYorkMoving = { ...newYork, closures: ['2026-01-13', '2026-01-14'] };

interface Case {
  name: string;
  priority: Priority;
  receivedAt: string;
  calendar: object;
  policy?: SlaPolicy;
  dueAt: string;
}

const cases: Case[] = [
  // ── Critical: 2 hours on the wall clock, 24×7 ──
  {
    name: 'Critical received Wednesday 10:00 in New York is due 2 hours later',
    priority: 'critical',
    receivedAt: '2026-01-14T10:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-14T17:00:00.000Z',
  },
  {
    name: 'Critical received on a Saturday night is due 2 hours later: business hours do not apply',
    priority: 'critical',
    receivedAt: '2026-01-17T22:30:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-18T05:30:00.000Z',
  },
  {
    name: 'Critical received on Christmas Day is due 2 hours later: holidays do not apply',
    priority: 'critical',
    receivedAt: '2026-12-25T11:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-12-25T18:00:00.000Z',
  },
  {
    name: 'Critical spanning the New York spring-forward (01:30 EST) is due 2 real hours later, 04:30 EDT',
    priority: 'critical',
    receivedAt: '2026-03-08T01:30:00-05:00',
    calendar: newYork,
    dueAt: '2026-03-08T08:30:00.000Z',
  },
  {
    name: 'Critical spanning the New York fall-back (first 01:30, EDT) is due 2 real hours later, 02:30 EST',
    priority: 'critical',
    receivedAt: '2026-11-01T01:30:00-04:00',
    calendar: newYork,
    dueAt: '2026-11-01T07:30:00.000Z',
  },
  {
    name: 'Critical spanning the Berlin spring-forward (01:30 CET) is due 2 real hours later, 04:30 CEST',
    priority: 'critical',
    receivedAt: '2026-03-29T01:30:00+01:00',
    calendar: berlin,
    dueAt: '2026-03-29T02:30:00.000Z',
  },
  {
    name: 'Critical spanning the Berlin fall-back (02:30 CEST) is due 2 real hours later, 03:30 CET',
    priority: 'critical',
    receivedAt: '2026-10-25T02:30:00+02:00',
    calendar: berlin,
    dueAt: '2026-10-25T02:30:00.000Z',
  },
  {
    name: 'Critical with a policy of 240 minutes is due 4 hours later',
    priority: 'critical',
    receivedAt: '2026-01-14T10:00:00-05:00',
    calendar: newYork,
    policy: { criticalMinutes: 240 },
    dueAt: '2026-01-14T19:00:00.000Z',
  },

  // ── High: same day before the 13:00 cut-off, otherwise the next business day's close ──
  {
    name: 'High received before opening on a business day is due at that day’s close',
    priority: 'high',
    receivedAt: '2026-01-14T07:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-14T22:00:00.000Z',
  },
  {
    name: 'High received one minute before the cut-off is due at that day’s close',
    priority: 'high',
    receivedAt: '2026-01-14T12:59:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-14T22:00:00.000Z',
  },
  {
    name: 'High received at exactly the 13:00 cut-off is due at the next business day’s close',
    priority: 'high',
    receivedAt: '2026-01-14T13:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-15T22:00:00.000Z',
  },
  {
    name: 'High received at exactly close is due at the next business day’s close',
    priority: 'high',
    receivedAt: '2026-01-14T17:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-15T22:00:00.000Z',
  },
  {
    name: 'High received Friday after close skips the weekend and Martin Luther King Day to Tuesday',
    priority: 'high',
    receivedAt: '2026-01-16T18:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-20T22:00:00.000Z',
  },
  {
    name: 'High received on a Saturday is due at Monday’s close',
    priority: 'high',
    receivedAt: '2026-01-10T10:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-12T22:00:00.000Z',
  },
  {
    name: 'High received on Thanksgiving morning is due at Friday’s close',
    priority: 'high',
    receivedAt: '2026-11-26T10:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-11-27T22:00:00.000Z',
  },
  {
    name: 'High received the afternoon before Thanksgiving skips the holiday to Friday',
    priority: 'high',
    receivedAt: '2026-11-25T14:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-11-27T22:00:00.000Z',
  },
  {
    name: 'High received Christmas Eve afternoon skips Christmas and the weekend to Monday',
    priority: 'high',
    receivedAt: '2026-12-24T15:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-12-28T22:00:00.000Z',
  },
  {
    name: 'High received Friday afternoon before the spring-forward is due Monday 17:00 EDT',
    priority: 'high',
    receivedAt: '2026-03-06T14:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-03-09T21:00:00.000Z',
  },
  {
    name: 'High received on the Sunday of the spring-forward is due Monday 17:00 EDT',
    priority: 'high',
    receivedAt: '2026-03-08T10:00:00-04:00',
    calendar: newYork,
    dueAt: '2026-03-09T21:00:00.000Z',
  },
  {
    name: 'High received Friday afternoon before the fall-back is due Monday 17:00 EST',
    priority: 'high',
    receivedAt: '2026-10-30T14:00:00-04:00',
    calendar: newYork,
    dueAt: '2026-11-02T22:00:00.000Z',
  },
  {
    name: 'High received at 11:30 with an 11:00 cut-off is due at the next business day’s close',
    priority: 'high',
    receivedAt: '2026-01-14T11:30:00-05:00',
    calendar: newYork,
    policy: { sameDayCutoff: '11:00' },
    dueAt: '2026-01-15T22:00:00.000Z',
  },
  {
    name: 'High received at 10:59 with an 11:00 cut-off is due at that day’s close',
    priority: 'high',
    receivedAt: '2026-01-14T10:59:00-05:00',
    calendar: newYork,
    policy: { sameDayCutoff: '11:00' },
    dueAt: '2026-01-14T22:00:00.000Z',
  },

  {
    name: 'High received at exactly close, with a cut-off (18:00) later than close, is due the next day',
    priority: 'high',
    receivedAt: '2026-01-14T17:00:00-05:00',
    calendar: newYork,
    policy: { sameDayCutoff: '18:00' },
    dueAt: '2026-01-15T22:00:00.000Z',
  },
  {
    name: 'High received one minute before close, with a cut-off (18:00) later than close, is due that day',
    priority: 'high',
    receivedAt: '2026-01-14T16:59:00-05:00',
    calendar: newYork,
    policy: { sameDayCutoff: '18:00' },
    dueAt: '2026-01-14T22:00:00.000Z',
  },

  // ── Medium and Low: the close of the Nth business day after day 0 ──
  {
    name: 'Medium received before opening on Monday counts Monday as day 0: due Wednesday close',
    priority: 'medium',
    receivedAt: '2026-01-12T07:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-14T22:00:00.000Z',
  },
  {
    name: 'Medium received one minute before Monday’s close is due Wednesday close',
    priority: 'medium',
    receivedAt: '2026-01-12T16:59:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-14T22:00:00.000Z',
  },
  {
    name: 'Medium received at exactly Monday’s close starts on Tuesday: due Thursday close',
    priority: 'medium',
    receivedAt: '2026-01-12T17:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-15T22:00:00.000Z',
  },
  {
    name: 'Medium received on a Saturday starts on Monday: due Wednesday close',
    priority: 'medium',
    receivedAt: '2026-01-10T11:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-14T22:00:00.000Z',
  },
  {
    name: 'Medium received the day before Thanksgiving skips the holiday: due the Monday after',
    priority: 'medium',
    receivedAt: '2026-11-25T10:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-11-30T22:00:00.000Z',
  },
  {
    name: 'Medium with a policy of 3 business days received Monday is due Thursday close',
    priority: 'medium',
    receivedAt: '2026-01-12T10:00:00-05:00',
    calendar: newYork,
    policy: { mediumDays: 3 },
    dueAt: '2026-01-15T22:00:00.000Z',
  },
  {
    name: 'Medium with a policy of 0 business days is due at the close of day 0',
    priority: 'medium',
    receivedAt: '2026-01-12T10:00:00-05:00',
    calendar: newYork,
    policy: { mediumDays: 0 },
    dueAt: '2026-01-12T22:00:00.000Z',
  },
  {
    name: 'Medium received Thursday before the spring-forward is due Monday 17:00 EDT',
    priority: 'medium',
    receivedAt: '2026-03-05T10:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-03-09T21:00:00.000Z',
  },
  {
    name: 'Low received Monday is due 5 business days later, skipping Martin Luther King Day',
    priority: 'low',
    receivedAt: '2026-01-12T10:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-01-20T22:00:00.000Z',
  },
  {
    name: 'Low received the Monday before Christmas skips Christmas Day: due Tuesday 29th',
    priority: 'low',
    receivedAt: '2026-12-21T10:00:00-05:00',
    calendar: newYork,
    dueAt: '2026-12-29T22:00:00.000Z',
  },
  {
    name: 'Low received before the fall-back is due 17:00 EST the week after',
    priority: 'low',
    receivedAt: '2026-10-28T09:00:00-04:00',
    calendar: newYork,
    dueAt: '2026-11-04T22:00:00.000Z',
  },

  // ── Split business hours and Saturday half days (Berlin) ──
  {
    name: 'High received at lunch (12:30, between the two intervals) is due at 17:00 that day',
    priority: 'high',
    receivedAt: '2026-01-14T12:30:00+01:00',
    calendar: berlin,
    dueAt: '2026-01-14T16:00:00.000Z',
  },
  {
    name: 'High received at 12:00, the end of the morning interval, is due at 17:00 that day',
    priority: 'high',
    receivedAt: '2026-01-14T12:00:00+01:00',
    calendar: berlin,
    dueAt: '2026-01-14T16:00:00.000Z',
  },
  {
    name: 'High received at 13:00, the end of lunch and the cut-off, is due at the next day’s close',
    priority: 'high',
    receivedAt: '2026-01-14T13:00:00+01:00',
    calendar: berlin,
    dueAt: '2026-01-15T16:00:00.000Z',
  },
  {
    name: 'Medium received at lunch counts that day as day 0: due Friday 17:00',
    priority: 'medium',
    receivedAt: '2026-01-14T12:30:00+01:00',
    calendar: berlin,
    dueAt: '2026-01-16T16:00:00.000Z',
  },
  {
    name: 'High received Saturday morning is due at the Saturday close, 13:00',
    priority: 'high',
    receivedAt: '2026-01-17T10:00:00+01:00',
    calendar: berlin,
    dueAt: '2026-01-17T12:00:00.000Z',
  },
  {
    name: 'High received at exactly the Saturday close is due at Monday’s close',
    priority: 'high',
    receivedAt: '2026-01-17T13:00:00+01:00',
    calendar: berlin,
    dueAt: '2026-01-19T16:00:00.000Z',
  },
  {
    name: 'Medium received Friday after close counts the Saturday half day as day 0: due Tuesday',
    priority: 'medium',
    receivedAt: '2026-01-16T17:30:00+01:00',
    calendar: berlin,
    dueAt: '2026-01-20T16:00:00.000Z',
  },
  {
    name: 'High received Maundy Thursday afternoon skips Good Friday to the Saturday close',
    priority: 'high',
    receivedAt: '2026-04-02T14:00:00+02:00',
    calendar: berlin,
    dueAt: '2026-04-04T11:00:00.000Z',
  },
  {
    name: 'High received on Easter Monday is due at Tuesday’s close',
    priority: 'high',
    receivedAt: '2026-04-06T09:00:00+02:00',
    calendar: berlin,
    dueAt: '2026-04-07T15:00:00.000Z',
  },
  {
    name: 'Medium received Easter Saturday after close starts after Easter Monday: due Thursday',
    priority: 'medium',
    receivedAt: '2026-04-04T14:00:00+02:00',
    calendar: berlin,
    dueAt: '2026-04-09T15:00:00.000Z',
  },
  {
    name: 'High received Saturday afternoon before the Berlin spring-forward is due Monday 17:00 CEST',
    priority: 'high',
    receivedAt: '2026-03-28T14:00:00+01:00',
    calendar: berlin,
    dueAt: '2026-03-30T15:00:00.000Z',
  },
  {
    name: 'Medium received Friday before the Berlin fall-back is due Monday 17:00 CET',
    priority: 'medium',
    receivedAt: '2026-10-23T10:00:00+02:00',
    calendar: berlin,
    dueAt: '2026-10-26T16:00:00.000Z',
  },
  {
    name: 'Low over Christmas in Berlin: Christmas Eve (a bank holiday) is open, 25th and 26th are not',
    priority: 'low',
    receivedAt: '2026-12-22T10:00:00+01:00',
    calendar: berlin,
    dueAt: '2026-12-30T16:00:00.000Z',
  },

  // ── Sydney and Kolkata ──
  {
    name: 'Sydney: High received Thursday before Easter skips Good Friday to Easter Monday, due Tuesday 17:00 AEST',
    priority: 'high',
    receivedAt: '2026-04-02T14:00:00+11:00',
    calendar: sydney,
    dueAt: '2026-04-07T07:00:00.000Z',
  },
  {
    name: 'Sydney: Medium received Monday 08:00 (still Sunday in UTC) counts Monday as day 0',
    priority: 'medium',
    receivedAt: '2026-01-12T08:00:00+11:00',
    calendar: sydney,
    dueAt: '2026-01-14T06:00:00.000Z',
  },
  {
    name: 'Kolkata: High received at noon is due at 18:00 IST',
    priority: 'high',
    receivedAt: '2026-01-14T12:00:00+05:30',
    calendar: kolkata,
    dueAt: '2026-01-14T12:30:00.000Z',
  },
  {
    name: 'Kolkata: Medium received Friday after close skips the weekend and Republic Day',
    priority: 'medium',
    receivedAt: '2026-01-23T19:00:00+05:30',
    calendar: kolkata,
    dueAt: '2026-01-29T12:30:00.000Z',
  },

  // ── Closures ──
  {
    name: 'Medium received Monday skips two closure days: due Friday close',
    priority: 'medium',
    receivedAt: '2026-01-12T10:00:00-05:00',
    calendar: newYorkMoving,
    dueAt: '2026-01-16T22:00:00.000Z',
  },
  {
    name: 'High received on a closure day is due at the next open day’s close',
    priority: 'high',
    receivedAt: '2026-01-13T09:00:00-05:00',
    calendar: newYorkMoving,
    dueAt: '2026-01-15T22:00:00.000Z',
  },

  // ── "24:00" closes at the start of the next day ──
  {
    name: 'High on an evening shift closing at 24:00 is due at midnight that night',
    priority: 'high',
    receivedAt: '2026-01-14T12:00:00-05:00',
    calendar: eveningShift,
    dueAt: '2026-01-15T05:00:00.000Z',
  },
  {
    name: 'Medium received at 23:30 on a shift closing at 24:00 counts that day: due Friday midnight',
    priority: 'medium',
    receivedAt: '2026-01-14T23:30:00-05:00',
    calendar: eveningShift,
    dueAt: '2026-01-17T05:00:00.000Z',
  },
  {
    name: 'High received Friday afternoon on a 24:00 shift is due at Monday’s midnight',
    priority: 'high',
    receivedAt: '2026-01-16T14:00:00-05:00',
    calendar: eveningShift,
    dueAt: '2026-01-20T05:00:00.000Z',
  },
];

/** Every Monday from `first` to `last` inclusive, as YYYY-MM-DD (test data, not expectations). */
function mondays(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = DateTime.fromISO(first); d <= DateTime.fromISO(last); d = d.plus({ weeks: 1 })) {
    dates.push(d.toISODate() ?? '');
  }
  return dates;
}

/** Open on Mondays only, with every Monday from `firstClosed` to `lastClosed` closed. */
function mondaysOnly(firstClosed: string, lastClosed: string) {
  return {
    timeZone: 'America/New_York',
    hours: { mon: [['08:00', '17:00']] as [string, string][] },
    closures: mondays(firstClosed, lastClosed),
  };
}

describe('SLA due times', () => {
  it('has at least 40 worked cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', ({ priority, receivedAt, calendar, policy, dueAt }) => {
    const request = slaDueRequest.parse({ priority, receivedAt, calendar, ...(policy ? { policy } : {}) });
    expect(computeDueAt(request)).toEqual({ dueAt });
  });

  it('finds the one open day that is exactly 366 days ahead', () => {
    // Received Saturday 2026-01-03; every Monday up to 2026-12-28 is closed, and 2027-01-04 is
    // day 366 of the search.
    const request = slaDueRequest.parse({
      priority: 'high',
      receivedAt: '2026-01-03T10:00:00-05:00',
      calendar: mondaysOnly('2026-01-05', '2026-12-28'),
    });
    expect(computeDueAt(request)).toEqual({ dueAt: '2027-01-04T22:00:00.000Z' });
  });

  it('refuses a calendar closed on every open day for a year, as invalid input on the calendar', () => {
    const request = slaDueRequest.parse({
      priority: 'medium',
      receivedAt: '2026-01-03T10:00:00-05:00',
      calendar: mondaysOnly('2026-01-05', '2027-01-04'),
    });
    let thrown: unknown;
    try {
      computeDueAt(request);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalendarNeverOpensError);
    expect(thrown).toBeInstanceOf(ApiFailure);
    expect(thrown).toMatchObject({
      code: 'invalid_input',
      message: 'The calendar never opens within a year',
      issues: [{ path: ['calendar'], message: 'The calendar never opens within a year' }],
    });
  });

  it('refuses a Low ticket whose 60th business day would fall after the calendar stops opening', () => {
    // Open on the 52 Mondays of 2026, then closed on every Monday of 2027: day 0 is 2026-01-05,
    // day 51 is 2026-12-28, and day 52 is never found within a year of it.
    const request = slaDueRequest.parse({
      priority: 'low',
      receivedAt: '2026-01-03T10:00:00-05:00',
      calendar: mondaysOnly('2027-01-04', '2027-12-27'),
      policy: { lowDays: 60 },
    });
    expect(() => computeDueAt(request)).toThrow(CalendarNeverOpensError);
  });
});
