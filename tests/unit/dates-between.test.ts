import { describe, expect, it } from 'vitest';
import { datesBetween } from '../../electron/core/services/dispatch/load-period';

describe('the dates of a dispatch period', () => {
  it.each([
    ['2026-03-07', '2026-03-09', ['2026-03-07', '2026-03-08', '2026-03-09']],
    ['2026-03-08', '2026-03-08', ['2026-03-08']],
    ['2026-03-09', '2026-03-07', []],
    ['2028-02-28', '2028-03-01', ['2028-02-28', '2028-02-29', '2028-03-01']],
    // The day after is "+010000-01-01", which sorts before "9999-12-31" as text: the loop that
    // compared text never ended, and one dispatch.recommend call ran the server out of memory.
    ['9999-12-30', '9999-12-31', ['9999-12-30', '9999-12-31']],
  ])('from %s to %s are %j', (from, to, dates) => {
    expect(datesBetween(from, to)).toEqual(dates);
  });
});
