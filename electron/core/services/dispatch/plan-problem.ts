// Turns a period of technician schedules and ticket needs into the optimizer core's routing
// problem, and the core's answer back into visits. A vehicle is one technician's working day; its
// job windows are where a visit can START so that it fits inside one working interval and the
// site's access hours; a job the technician lacks the skills for has no window on that vehicle.
import type { Priority } from '../../../../shared/domain/ticket';
import type { LatLng } from '../../../../shared/domain/travel';
import {
  jobWindows,
  type RoutingProblem,
  type RoutingSolution,
  type RoutingVehicle,
} from '../optimizer/routing-problem';
import type { TravelMinutes } from '../travel/travel-model';
import type { BookedVisit, TechnicianSchedule, TicketNeeds } from './day-model';
import { eligibility } from './eligibility';
import { intersect, type Interval } from './working-time';

/** What leaving a ticket unplanned or late weighs, by priority. */
export const priorityWeight: Record<Priority, number> = { critical: 8, high: 4, medium: 2, low: 1 };
/** One weight unit of a broken SLA costs as much as this many minutes of driving. */
const LATE_COST_MINUTES = 10_000;
/** How much more leaving an already booked ticket unplanned weighs than an unbooked one. */
const BOOKED_FACTOR = 100;
const MINUTE = 60_000;

export type { TravelMinutes };

export interface PlanInput {
  /** The technician-days: each technician's days of the period, in their own zone. */
  days: readonly { technicianId: string; day: Interval }[];
  /** Nothing can be planned to start before this instant. */
  now: number;
  technicians: readonly TechnicianSchedule[];
  /** Tickets to place: the unassigned ones and those whose visits the plan may move. */
  tickets: readonly TicketNeeds[];
  travel: TravelMinutes;
}

/** One job of the problem: a ticket to place, or a pinned visit that stays where it is. */
export interface PlanJob {
  ticket: TicketNeeds | null;
  pinned: BookedVisit | null;
  location: LatLng | null;
}

export interface PlanVehicle {
  technician: TechnicianSchedule;
  day: Interval;
}

export interface BuiltPlan {
  problem: RoutingProblem;
  jobs: PlanJob[];
  vehicles: PlanVehicle[];
  /** Minutes in the problem are counted from this instant. */
  origin: number;
}

/** A place in the routing problem; index 0 is "unknown", which is no travel from anywhere. */
class Places {
  readonly list: (LatLng | null)[] = [null];
  private readonly index = new Map<string, number>();

  of(place: LatLng | null): number {
    if (!place) return 0;
    const key = `${place.lat},${place.lng}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(place);
      this.index.set(key, i);
    }
    return i;
  }
}

/**
 * Travel in whole minutes, rounded up: with whole-minute windows and durations every planned
 * start is then a whole minute, and rounding never makes a tight trip look feasible.
 */
export function wholeMinutes(travel: TravelMinutes): TravelMinutes {
  return (from, to) => Math.ceil(travel(from, to) - 1e-9);
}

export function buildPlanProblem(input: PlanInput): BuiltPlan {
  const leg = wholeMinutes(input.travel);
  const byId = new Map(input.technicians.map((t) => [t.technicianId, t]));
  const vehicles: PlanVehicle[] = input.days.flatMap(({ technicianId, day }) => {
    const technician = byId.get(technicianId);
    return technician ? [{ technician, day }] : [];
  });
  const origin = Math.floor(Math.min(input.now, ...vehicles.map((v) => v.day.start)) / MINUTE) * MINUTE;
  const minutes = (instant: number) => (instant - origin) / MINUTE;
  const places = new Places();

  const jobs: PlanJob[] = input.tickets.map((ticket) => ({ ticket, pinned: null, location: ticket.location }));
  const fixedOf = vehicles.map((vehicle) =>
    vehicle.technician.visits
      .filter((v) => v.pinned && v.start >= vehicle.day.start && v.start < vehicle.day.end)
      .map((visit) => {
        jobs.push({ ticket: null, pinned: visit, location: visit.location });
        return jobs.length - 1;
      }),
  );

  const windowSets = vehicles.map((vehicle, v) => {
    const working = intersect(vehicle.technician.working, [vehicle.day]);
    const fixed = new Set(fixedOf[v]);
    return jobWindows(
      jobs.map((job, j): [number, number][] => {
        if (job.pinned) return fixed.has(j) ? [[minutes(job.pinned.start), minutes(job.pinned.start)]] : [];
        const ticket = job.ticket as TicketNeeds;
        if (eligibility(vehicle.technician, ticket, vehicle.day.start).length > 0) return [];
        const duration = ticket.durationMinutes * MINUTE;
        return intersect(working, ticket.access).flatMap((span): [number, number][] => {
          const first = Math.ceil(minutes(Math.max(span.start, input.now)));
          const last = Math.floor(minutes(span.end - duration));
          return last >= first ? [[first, last]] : [];
        });
      }),
    );
  });

  const routingVehicles: RoutingVehicle[] = vehicles.map((vehicle, v) => {
    const base = places.of(vehicle.technician.base);
    const firstShift = intersect(vehicle.technician.working, [vehicle.day])[0];
    return {
      start: base,
      end: base,
      open: Math.ceil(minutes(Math.max(firstShift?.start ?? vehicle.day.start, input.now))),
      // The day ends with its last visit; the drive home is counted but not bounded by the shift.
      close: Infinity,
      capacity: vehicle.technician.maxVisitsPerDay ?? Infinity,
      windowSet: v,
      kind: v,
      fixed: fixedOf[v] ?? [],
    };
  });

  const booked = new Set(input.technicians.flatMap((t) => t.visits.filter((v) => !v.pinned).map((v) => v.ticketId)));
  const jobLocation = Int32Array.from(jobs, (job) => places.of(job.location));
  const size = places.list.length;
  const travel = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) {
      travel[a * size + b] = a === b ? 0 : leg(places.list[a] ?? null, places.list[b] ?? null);
    }
  }

  const problem: RoutingProblem = {
    locations: size,
    travel,
    jobs: jobs.length,
    jobLocation,
    service: Float64Array.from(jobs, (job) =>
      job.pinned ? (job.pinned.end - job.pinned.start) / MINUTE : (job.ticket as TicketNeeds).durationMinutes,
    ),
    demand: new Float64Array(jobs.length).fill(1),
    // Unbooking a ticket that has a visit would undo a promise made to a client: it weighs far more.
    weight: Float64Array.from(jobs, (job) =>
      job.ticket ? priorityWeight[job.ticket.priority] * (booked.has(job.ticket.ticketId) ? BOOKED_FACTOR : 1) : 0,
    ),
    lateWeight: Float64Array.from(jobs, (job) => (job.ticket ? priorityWeight[job.ticket.priority] : 0)),
    softDue: Float64Array.from(jobs, (job) =>
      job.ticket?.dueAt === null || job.ticket?.dueAt === undefined ? Infinity : minutes(job.ticket.dueAt),
    ),
    lateCost: LATE_COST_MINUTES,
    vehicles: routingVehicles,
    windowSets,
  };
  return { problem, jobs, vehicles, origin };
}

/** One visit of a decoded plan, in instants. */
export interface DecodedVisit {
  job: PlanJob;
  technician: TechnicianSchedule;
  start: number;
  end: number;
  travelMinutes: number;
}

/** The core's answer as visits per technician-day, in order, and the tickets left over. */
export function decodePlan(
  built: BuiltPlan,
  solution: RoutingSolution,
  travel: TravelMinutes,
): { visits: DecodedVisit[]; unplaced: TicketNeeds[] } {
  const leg = wholeMinutes(travel);
  const visits: DecodedVisit[] = [];
  solution.routes.forEach((route, v) => {
    const vehicle = built.vehicles[v] as PlanVehicle;
    const starts = solution.starts[v] ?? [];
    let previous = vehicle.technician.base;
    route.forEach((j, i) => {
      const job = built.jobs[j] as PlanJob;
      const start = built.origin + (starts[i] ?? 0) * MINUTE;
      const length = job.pinned ? job.pinned.end - job.pinned.start : (job.ticket?.durationMinutes ?? 0) * MINUTE;
      visits.push({
        job,
        technician: vehicle.technician,
        start: job.pinned ? job.pinned.start : Math.round(start),
        end: job.pinned ? job.pinned.end : Math.round(start) + length,
        travelMinutes: leg(previous, job.location),
      });
      previous = job.location;
    });
  });
  const unplaced = solution.unassigned.flatMap((j) => {
    const ticket = built.jobs[j]?.ticket;
    return ticket ? [ticket] : [];
  });
  return { visits, unplaced };
}
