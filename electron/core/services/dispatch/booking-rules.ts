// The rules a booking may break only with a dispatcher's confirmed override: the visit lies inside
// one stretch of each crew member's working time, not in their time off, and travel from their
// previous visit of the day (and on to their next) fits in the gap. Overlap is not one of these:
// it is never overridable and is refused by the database itself.
import { DateTime } from 'luxon';
import { weekdayKeys, type WeeklyHours } from '../../../../shared/domain/sla';
import type { AvailabilityDto } from '../../../../shared/domain/technician';
import type { LatLng } from '../../../../shared/domain/travel';
import type { TravelModel } from '../travel/travel-model';
import { dayBounds, workingIntervals, type ClosedDay } from './working-time';

const MINUTE = 60_000;

/** Another live visit of the same technician on the day of the booking. */
export interface NeighbourVisit {
  ticketNumber: string;
  start: number;
  end: number;
  location: LatLng | null;
}

/** One crew member as the rules see them. */
export interface CrewMemberSchedule {
  name: string;
  /** Their zone, or the organization's when they have none. */
  zone: string;
  /** Their weekly shift pattern, or the organization's business hours when they have none. */
  shiftPattern: WeeklyHours;
  /** The organization's holidays and closure days around the booking, when they work its hours. */
  closed?: readonly ClosedDay[];
  /** Time off, sick days and extra shifts around the booking. */
  exceptions: readonly AvailabilityDto[];
  /** Their other live visits on the booking's local day. */
  neighbours: readonly NeighbourVisit[];
}

export interface Booking {
  start: number;
  end: number;
  location: LatLng | null;
}

/** The local calendar day of the booking's start in a zone, as the window to look for neighbours in. */
export function bookingDay(start: number, zone: string): { start: number; end: number } {
  const date = DateTime.fromMillis(start, { zone }).toISODate();
  if (!date) throw new Error(`cannot read ${start} in ${zone}`);
  return dayBounds(date, zone);
}

const clock = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');

function shiftLabel(pattern: WeeklyHours, start: number, zone: string): string {
  const local = DateTime.fromMillis(start, { zone });
  const hours = pattern[weekdayKeys[local.weekday - 1] ?? 'mon'] ?? [];
  if (hours.length === 0) return `no shift on ${local.toFormat('cccc')}s`;
  return hours.map(([open, close]) => `${open}–${close}`).join(', ');
}

function availabilityBreach(member: CrewMemberSchedule, booking: Booking): string | null {
  const away = member.exceptions.find(
    (a) => a.kind !== 'extra_shift' && Date.parse(a.startsAt) < booking.end && Date.parse(a.endsAt) > booking.start,
  );
  if (away) {
    const what = away.kind === 'sick' ? 'is off sick' : 'has time off';
    return `${member.name} ${what}${away.note ? ` (${away.note})` : ''}`;
  }
  // A day either side is enough: no visit lasts longer than a day.
  const closed = member.closed ?? [];
  const working = workingIntervals(
    member.shiftPattern,
    member.zone,
    member.exceptions,
    booking.start - 86_400_000,
    booking.end + 86_400_000,
    closed,
  );
  if (working.some((w) => w.start <= booking.start && booking.end <= w.end)) return null;
  const closedDay = closed.find((d) => d.start < booking.end && d.end > booking.start);
  if (closedDay)
    return `${member.name} works the organization's hours, and ${DateTime.fromISO(closedDay.date).toFormat('ccc d LLL yyyy')} is a ${closedDay.why}`;
  return `Outside ${member.name}'s shift (${shiftLabel(member.shiftPattern, booking.start, member.zone)})`;
}

async function travelBreaches(member: CrewMemberSchedule, booking: Booking, travel: TravelModel): Promise<string[]> {
  if (!booking.location) return [];
  const here = booking.location;
  const before = member.neighbours.filter((n) => n.end <= booking.start).at(-1);
  const after = member.neighbours.find((n) => n.start >= booking.end);
  const breaches: string[] = [];
  if (before?.location) {
    const { minutes } = await travel.matrix([before.location], [here]);
    const needed = Math.ceil(minutes[0]?.[0] ?? 0);
    const gap = Math.floor((booking.start - before.end) / MINUTE);
    if (needed > gap) {
      breaches.push(
        `Travel for ${member.name} from the previous visit (${before.ticketNumber}, ends ${clock(before.end, member.zone)}) takes ${needed} min; only ${gap} min between them`,
      );
    }
  }
  if (after?.location) {
    const { minutes } = await travel.matrix([here], [after.location]);
    const needed = Math.ceil(minutes[0]?.[0] ?? 0);
    const gap = Math.floor((after.start - booking.end) / MINUTE);
    if (needed > gap) {
      breaches.push(
        `Travel for ${member.name} to the next visit (${after.ticketNumber}, starts ${clock(after.start, member.zone)}) takes ${needed} min; only ${gap} min between them`,
      );
    }
  }
  return breaches;
}

/**
 * Every shift, time-off and travel rule the booking breaks, one sentence each, for every crew
 * member; empty when the booking needs no override. Places without coordinates skip travel.
 */
export async function bookingBreaches(
  crew: readonly CrewMemberSchedule[],
  booking: Booking,
  travel: TravelModel,
): Promise<string[]> {
  const breaches: string[] = [];
  for (const member of crew) {
    const availability = availabilityBreach(member, booking);
    if (availability) breaches.push(availability);
    breaches.push(...(await travelBreaches(member, booking, travel)));
  }
  return breaches;
}
