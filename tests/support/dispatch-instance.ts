// A seeded random dispatch day for tests and benchmarks: technicians with skills and shifts around
// a city, tickets with priorities, deadlines, durations and sites. Plain data, no database.
import type { TechnicianSchedule, TicketNeeds } from '../../electron/core/services/dispatch/day-model';
import { placesOf, type TravelTable } from '../../electron/core/services/dispatch/optimize-day';
import type { PlanInput } from '../../electron/core/services/dispatch/plan-problem';
import { Random } from '../../electron/core/services/optimizer/random';
import { offlineLeg } from '../../electron/core/services/travel/offline-travel';
import type { Priority } from '../../shared/domain/ticket';
import { defaultTravelSettings, type LatLng } from '../../shared/domain/travel';

const HOUR = 3_600_000;
const SKILLS = ['Network', 'Printers', 'Servers', 'Cabling', 'Security'];
const PRIORITIES: Priority[] = ['critical', 'high', 'high', 'medium', 'medium', 'medium', 'low', 'low'];

export interface DispatchInstance {
  input: Omit<PlanInput, 'travel'>;
  travel: TravelTable;
}

/** `technicians` people working 08:00–17:00 (lunch 12–13) on one day, `tickets` tickets to place. */
export function randomDispatchDay(technicians: number, tickets: number, seed: number): DispatchInstance {
  const random = new Random(seed);
  const day = { start: Date.parse('2026-11-30T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') };
  const at = (hours: number) => day.start + hours * HOUR;
  // About 40 × 40 km around midtown Manhattan.
  const place = (): LatLng => ({ lat: 40.58 + random.next() * 0.36, lng: -74.2 + random.next() * 0.47 });
  const schedules: TechnicianSchedule[] = Array.from({ length: technicians }, (_, i) => ({
    technicianId: `tech-${i}`,
    name: `Technician ${i}`,
    team: null,
    skills: SKILLS.filter(() => random.next() < 0.5).map((name) => ({
      skillId: name,
      name,
      level: 1 + random.int(5),
      certifiedUntil: null,
    })),
    certifications: [],
    working: [
      { start: at(8), end: at(12) },
      { start: at(13), end: at(17) },
    ],
    base: place(),
    visits: [],
    maxVisitsPerDay: 8,
    timeZone: 'UTC',
  }));
  const needs: TicketNeeds[] = Array.from({ length: tickets }, (_, i) => {
    const priority = PRIORITIES[random.int(PRIORITIES.length)] as Priority;
    const skill = SKILLS[random.int(SKILLS.length)] as string;
    return {
      ticketId: `ticket-${i}`,
      number: `T-${i}`,
      priority,
      dueAt: priority === 'critical' ? at(9 + random.int(6)) : priority === 'high' ? at(17) : null,
      durationMinutes: 30 + 15 * random.int(7),
      requiredSkills: random.next() < 0.6 ? [{ skillId: skill, name: skill, minLevel: 1 + random.int(3) }] : [],
      location: place(),
      access: [{ start: day.start, end: day.end }],
    };
  });
  const input: Omit<PlanInput, 'travel'> = {
    days: schedules.map((t) => ({ technicianId: t.technicianId, day })),
    now: day.start,
    technicians: schedules,
    tickets: needs,
  };
  const places = placesOf(input);
  const minutes = places.map((a) => places.map((b) => offlineLeg(a, b, defaultTravelSettings).minutes));
  return { input, travel: { places, minutes } };
}
