// The offsets the utilization report gives the database to read a visit's local day (SQLite knows
// no zones): each change found to the minute, the last offset open-ended.
import { describe, expect, it } from 'vitest';
import { zoneOffsets } from '../../electron/core/services/reports/utilization-shifts';

const at = (iso: string) => Date.parse(iso);

describe('zone offsets for the utilization report', () => {
  it('finds New York’s spring change at 02:00 EST (07:00 UTC) on 14 March 2027, to the minute', () => {
    expect(zoneOffsets('America/New_York', at('2027-03-01T00:00:00Z'), at('2027-04-01T00:00:00Z')).segments).toEqual([
      { until: '2027-03-14T07:00:00.000Z', minutes: -300 },
      { until: null, minutes: -240 },
    ]);
  });

  it('finds both changes of a year, and a half-hour zone without any', () => {
    const london = zoneOffsets('Europe/London', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(london.segments).toEqual([
      { until: '2026-03-29T01:00:00.000Z', minutes: 0 },
      { until: '2026-10-25T01:00:00.000Z', minutes: 60 },
      { until: null, minutes: 0 },
    ]);
    expect(zoneOffsets('Asia/Kolkata', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z')).segments).toEqual([
      { until: null, minutes: 330 },
    ]);
  });
});
