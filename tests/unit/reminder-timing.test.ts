import { describe, expect, it } from 'vitest';
import { reminderDueAt } from '../../electron/core/services/messages/reminder-timing';

describe('when a visit reminder is due', () => {
  it.each([
    // visit start (UTC), lead hours, site zone, reminder due (UTC)
    ['lead time in the day: unchanged', '2027-01-12T15:00:00Z', 24, 'America/New_York', '2027-01-11T15:00:00.000Z'],
    [
      '06:59 at the site: 20:45 the evening before',
      '2027-01-12T13:59:00Z',
      2,
      'America/New_York',
      '2027-01-12T01:45:00.000Z',
    ],
    ['07:00 at the site: unchanged', '2027-01-12T14:00:00Z', 2, 'America/New_York', '2027-01-12T12:00:00.000Z'],
    ['20:59 at the site: unchanged', '2027-01-13T03:59:00Z', 2, 'America/New_York', '2027-01-13T01:59:00.000Z'],
    [
      '21:00 at the site: 20:45 that evening',
      '2027-01-13T04:00:00Z',
      2,
      'America/New_York',
      '2027-01-13T01:45:00.000Z',
    ],
    [
      'the same instant, another zone: not quiet there',
      '2027-01-13T04:00:00Z',
      2,
      'Asia/Tokyo',
      '2027-01-13T02:00:00.000Z',
    ],
    // Europe changes to summer time on 28 March 2027: 20:45 on the 27th is still CET (UTC+1).
    ['across the change to summer time', '2027-03-28T06:00:00Z', 2, 'Europe/Amsterdam', '2027-03-27T19:45:00.000Z'],
  ])('%s', (_label, startsAt, leadHours, zone, due) => {
    expect(reminderDueAt(startsAt, leadHours, zone)).toBe(due);
  });
});
