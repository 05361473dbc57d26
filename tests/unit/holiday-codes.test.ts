import { describe, expect, it } from 'vitest';
import type { HolidaySource } from '../../shared/domain/sla';
import { holidayCodeIssues, requireKnownHolidayCodes } from '../../electron/core/services/sla/holiday-codes';

const at = ['calendar', 'holidays'];

describe('holiday codes are checked against date-holidays in the core', () => {
  it.each<[string, HolidaySource, string, string]>([
    ['an unknown country', { country: 'XX' }, 'calendar.holidays.country', 'Unknown holiday country "XX"'],
    ['a lower-case country code', { country: 'us' }, 'calendar.holidays.country', 'Unknown holiday country'],
    ['an unknown state', { country: 'US', state: 'ZZ' }, 'calendar.holidays.state', 'Unknown state "ZZ" for US'],
    [
      'an unknown region',
      { country: 'DE', state: 'BY', region: 'ZZ' },
      'calendar.holidays.region',
      'Unknown region "ZZ" for DE-BY',
    ],
  ])('refuses %s at its field', (_name, source, path, message) => {
    const issues = holidayCodeIssues(source, at);
    expect(issues.map((i) => i.path.join('.'))).toEqual([path]);
    expect(issues[0]?.message).toContain(message);
    expect(() => requireKnownHolidayCodes(source, at)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it.each<[string, HolidaySource | undefined]>([
    ['a country', { country: 'US' }],
    ['a country and state', { country: 'US', state: 'NY' }],
    ['a country, state and region', { country: 'DE', state: 'BY', region: 'A' }],
    ['no holidays at all', undefined],
  ])('accepts %s that date-holidays knows', (_name, source) => {
    expect(holidayCodeIssues(source, at)).toEqual([]);
  });
});
