import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { priorityCriteria, priorityMatrix, slaDueRequest } from '../../shared/domain/sla.schema';

const valid = {
  priority: 'high',
  receivedAt: '2026-01-14T10:00:00-05:00',
  calendar: {
    timeZone: 'America/New_York',
    hours: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']] },
    holidays: { country: 'US' },
    closures: ['2026-01-13'],
  },
  policy: { criticalMinutes: 120, sameDayCutoff: '13:00', mediumDays: 2, lowDays: 5 },
};

type Json = Record<string, unknown>;

/** The valid request with one part replaced: `at` is the path to the replaced value. */
function withValue(at: (string | number)[], value: unknown): Json {
  const copy = structuredClone(valid) as Json;
  let node: Json = copy;
  at.slice(0, -1).forEach((key) => {
    node = node[key] as Json;
  });
  const last = at.at(-1) as string | number;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return copy;
}

/** Issues as `path: message`, with unknown keys named by their own path as the API reports them. */
function problems(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => `${[...path, key].join('.')}: Unknown field`);
    return [`${path.join('.')}: ${issue.message}`];
  });
}

const oneDay = (intervals: unknown) => withValue(['calendar', 'hours'], { mon: intervals });
const fiveIntervals = ['00:00', '02:00', '04:00', '06:00', '08:00'].map((open, i) => [open, `0${2 * i + 1}:00`]);

const refused: [string, Json, string, string?][] = [
  // [what, input, path, message fragment]
  [
    'an unknown IANA time zone',
    withValue(['calendar', 'timeZone'], 'Mars/Olympus_Mons'),
    'calendar.timeZone',
    'Unknown IANA time zone',
  ],
  ['an hour of 25', oneDay([['08:00', '25:00']]), 'calendar.hours.mon.0.1', 'Use HH:MM'],
  ['a one-digit hour, 8:00', oneDay([['8:00', '17:00']]), 'calendar.hours.mon.0.0', 'Use HH:MM'],
  ['a minute of 60', oneDay([['08:00', '12:60']]), 'calendar.hours.mon.0.1', 'Use HH:MM'],
  ['24:30', oneDay([['08:00', '24:30']]), 'calendar.hours.mon.0.1', 'Use HH:MM'],
  [
    'a close before the open',
    oneDay([['17:00', '08:00']]),
    'calendar.hours.mon.0.1',
    'The closing time must be after the opening time',
  ],
  [
    'a close equal to the open',
    oneDay([['09:00', '09:00']]),
    'calendar.hours.mon.0.1',
    'The closing time must be after the opening time',
  ],
  [
    '24:00 as an opening time',
    oneDay([['24:00', '24:00']]),
    'calendar.hours.mon.0.0',
    '24:00 can only close an interval',
  ],
  [
    'overlapping intervals',
    oneDay([
      ['08:00', '12:00'],
      ['11:00', '17:00'],
    ]),
    'calendar.hours.mon.1.0',
    'must not overlap',
  ],
  [
    'unsorted intervals',
    oneDay([
      ['13:00', '17:00'],
      ['08:00', '12:00'],
    ]),
    'calendar.hours.mon.1.0',
    'in time order',
  ],
  ['five intervals in a day', oneDay(fiveIntervals), 'calendar.hours.mon', 'At most 4 intervals a day'],
  ['an interval of three times', oneDay([['08:00', '12:00', '17:00']]), 'calendar.hours.mon.0', 'pair of times'],
  ['an interval that is not a list', oneDay(['08:00-17:00']), 'calendar.hours.mon.0', 'pair of times'],
  [
    'an unknown weekday',
    withValue(['calendar', 'hours'], { monday: [['08:00', '17:00']], tue: [['08:00', '17:00']] }),
    'calendar.hours.monday',
    'Unknown field',
  ],
  ['no hours at all', withValue(['calendar', 'hours'], {}), 'calendar.hours', 'The calendar has no business hours'],
  [
    'only empty days',
    withValue(['calendar', 'hours'], { mon: [], sat: [] }),
    'calendar.hours',
    'The calendar has no business hours',
  ],
  [
    'a region without its state',
    withValue(['calendar', 'holidays'], { country: 'DE', region: 'A' }),
    'calendar.holidays.region',
    'A region needs its state',
  ],
  [
    'an unknown field in holidays',
    withValue(['calendar', 'holidays'], { country: 'US', city: 'NYC' }),
    'calendar.holidays.city',
    'Unknown field',
  ],
  [
    'a closure on 30 February',
    withValue(['calendar', 'closures'], ['2026-02-30']),
    'calendar.closures.0',
    'Use a real date as YYYY-MM-DD',
  ],
  [
    'a closure on 31 April',
    withValue(['calendar', 'closures'], ['2026-01-02', '2026-04-31']),
    'calendar.closures.1',
    'Use a real date',
  ],
  [
    'a closure without leading zeros',
    withValue(['calendar', 'closures'], ['2026-1-2']),
    'calendar.closures.0',
    'Use a real date',
  ],
  [
    'a closure with a time',
    withValue(['calendar', 'closures'], ['2026-01-02T00:00:00Z']),
    'calendar.closures.0',
    'Use a real date',
  ],
  [
    '1001 closures',
    withValue(
      ['calendar', 'closures'],
      Array.from({ length: 1001 }, () => '2026-01-02'),
    ),
    'calendar.closures',
    'At most 1000 closure dates',
  ],
  [
    'an unknown field in the calendar',
    withValue(['calendar', 'timezone'], 'UTC'),
    'calendar.timezone',
    'Unknown field',
  ],
  ['a calendar without a time zone', withValue(['calendar', 'timeZone'], undefined), 'calendar.timeZone'],
  ['criticalMinutes of 0', withValue(['policy', 'criticalMinutes'], 0), 'policy.criticalMinutes', 'At least 1 minute'],
  [
    'criticalMinutes over a week',
    withValue(['policy', 'criticalMinutes'], 10081),
    'policy.criticalMinutes',
    'At most 10080 minutes',
  ],
  [
    'fractional criticalMinutes',
    withValue(['policy', 'criticalMinutes'], 90.5),
    'policy.criticalMinutes',
    'Whole minutes',
  ],
  ['negative mediumDays', withValue(['policy', 'mediumDays'], -1), 'policy.mediumDays', 'At least 0 days'],
  ['mediumDays of 61', withValue(['policy', 'mediumDays'], 61), 'policy.mediumDays', 'At most 60 business days'],
  ['fractional lowDays', withValue(['policy', 'lowDays'], 2.5), 'policy.lowDays', 'Whole business days'],
  ['lowDays of 61', withValue(['policy', 'lowDays'], 61), 'policy.lowDays', 'At most 60 business days'],
  ['a cut-off as "1pm"', withValue(['policy', 'sameDayCutoff'], '1pm'), 'policy.sameDayCutoff', 'Use HH:MM'],
  ['an unknown field in the policy', withValue(['policy', 'highHours'], 4), 'policy.highHours', 'Unknown field'],
  ['an unknown priority', withValue(['priority'], 'urgent'), 'priority'],
  ['a receipt time without an offset', withValue(['receivedAt'], '2026-01-14T10:00:00'), 'receivedAt'],
  ['an unknown top-level field', withValue(['slaHours'], 8), 'slaHours', 'Unknown field'],
];

describe('SLA request schema', () => {
  it('accepts a complete valid request and normalises receivedAt to UTC', () => {
    const parsed = slaDueRequest.parse(valid);
    expect(parsed.receivedAt).toBe('2026-01-14T15:00:00.000Z');
  });

  it.each([
    ['a 24:00 close', oneDay([['16:00', '24:00']])],
    [
      'touching intervals (12:00 close, 12:00 open)',
      oneDay([
        ['08:00', '12:00'],
        ['12:00', '17:00'],
      ]),
    ],
    [
      'four intervals in a day',
      oneDay([
        ['00:00', '01:00'],
        ['02:00', '03:00'],
        ['04:00', '05:00'],
        ['06:00', '07:00'],
      ]),
    ],
    [
      'a state and region date-holidays knows',
      withValue(['calendar', 'holidays'], { country: 'DE', state: 'BY', region: 'A' }),
    ],
    ['a leap day closure', withValue(['calendar', 'closures'], ['2028-02-29'])],
    [
      '1000 closures',
      withValue(
        ['calendar', 'closures'],
        Array.from({ length: 1000 }, () => '2026-01-02'),
      ),
    ],
    [
      'no policy, holidays or closures',
      { ...valid, policy: undefined, calendar: { timeZone: 'UTC', hours: { sat: [['09:00', '13:00']] } } },
    ],
    [
      'policy bounds',
      withValue(['policy'], { criticalMinutes: 10080, mediumDays: 0, lowDays: 60, sameDayCutoff: '24:00' }),
    ],
  ])('accepts %s', (_what, input) => {
    const result = slaDueRequest.safeParse(input);
    expect(result.error ? problems(result.error) : []).toEqual([]);
  });

  it.each(refused)('refuses %s at %s', (_what, input, path, message) => {
    const result = slaDueRequest.safeParse(input);
    expect(result.success).toBe(false);
    const found = result.error ? problems(result.error) : [];
    const atPath = found.filter((p) => p.startsWith(`${path}: `));
    expect(atPath, `issues were: ${found.join(' | ')}`).not.toEqual([]);
    if (message) expect(atPath.join(' | ')).toContain(message);
  });
});

describe('priority criteria and matrix schemas', () => {
  const criteria = {
    serviceOutage: false,
    securityRisk: false,
    usersImpacted: 'one',
    userUnableToWork: true,
    intermittentWithWorkaround: false,
    generalQuery: false,
  };
  const row = { high: 'high', medium: 'medium', low: 'low' };

  it('accepts complete criteria and refuses unknown fields and unknown user counts', () => {
    expect(priorityCriteria.safeParse(criteria).success).toBe(true);
    const extra = priorityCriteria.safeParse({ ...criteria, vip: true });
    expect(extra.error && problems(extra.error)).toEqual(['vip: Unknown field']);
    const users = priorityCriteria.safeParse({ ...criteria, usersImpacted: 'all' });
    expect(users.error?.issues[0]?.path).toEqual(['usersImpacted']);
  });

  it('accepts a full matrix and refuses an unknown priority or a missing cell at its path', () => {
    expect(priorityMatrix.safeParse({ high: row, medium: row, low: row }).success).toBe(true);
    const unknown = priorityMatrix.safeParse({ high: { ...row, high: 'urgent' }, medium: row, low: row });
    expect(unknown.error?.issues[0]?.path).toEqual(['high', 'high']);
    const missing = priorityMatrix.safeParse({ high: row, medium: { high: 'high', medium: 'medium' }, low: row });
    expect(missing.error?.issues[0]?.path).toEqual(['medium', 'low']);
  });
});
