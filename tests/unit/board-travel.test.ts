import { describe, expect, it } from 'vitest';
import type { TechnicianDto } from '../../shared/domain/technician';
import { defaultTravelSettings } from '../../shared/domain/travel';
import type { VisitDto } from '../../shared/domain/visit';
import { travelBefore } from '../../renderer/src/features/board/board-data';

// Two visits of one technician about 11 km apart (0.1° of latitude), the first from home.
const technician = { id: 't1', home: { latitude: 47.5, longitude: -122.3 } } as TechnicianDto;
const visit = (id: string, lat: number, startsAt: string, endsAt: string) =>
  ({
    id,
    technicianId: 't1',
    startsAt,
    endsAt,
    site: { id: `s-${id}`, name: id, address: '', latitude: lat, longitude: -122.3 },
  }) as VisitDto;
const visits = [
  visit('first', 47.6, '2027-01-11T17:00:00Z', '2027-01-11T18:00:00Z'),
  visit('second', 47.7, '2027-01-11T19:00:00Z', '2027-01-11T20:00:00Z'),
];
const technicians = new Map([['t1', technician]]);

describe("the board's travel lead-ins", () => {
  it('estimate each trip with the offline model and the default settings', () => {
    // 11.12 km × 1.3 detour at 40 km/h is 21.7 min, plus 5 min parking.
    expect([...travelBefore(visits, technicians, defaultTravelSettings)]).toEqual([
      ['first', 27],
      ['second', 27],
    ]);
  });

  it("follow the admin's travel settings, as booking rules and ranking do", () => {
    const slow = { ...defaultTravelSettings, averageSpeedKmh: 20, parkingMinutes: 0 };
    expect(travelBefore(visits, technicians, slow).get('second')).toBe(43);
  });
});
