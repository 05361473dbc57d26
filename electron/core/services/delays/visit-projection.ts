import type { VisitStatus } from '../../../../shared/domain/visit';

// Projected arrivals for one technician's day (issue 14 §4.6). Pure: the caller brings the visits
// in order, the travel minutes between them and "now"; nothing here reads a clock or a database.

const MINUTE = 60_000;

/**
 * How long a visit still open past its planned end is assumed to go on: the crew is not leaving
 * this very instant (packing up, the sign-off), and a projection that assumed so would promise
 * the next client an arrival that cannot happen.
 */
export const OVERRUN_MINUTES = 5;

/** One visit of the day as the projection needs it; instants in milliseconds since 1970. */
export interface DayVisitPlan {
  id: string;
  status: VisitStatus;
  plannedStart: number;
  plannedEnd: number;
  /** The ETA the crew gave when they set off (en route only). */
  etaAt: number | null;
  /**
   * Minutes of travel to this visit from where the crew is before it (the previous visit's site
   * that day, else where they rest); null when either place is unknown.
   */
  travelMinutes: number | null;
}

export interface VisitProjection {
  visitId: string;
  /** When the crew is expected on site. */
  arrivalAt: number;
  /** Whole minutes after the planned start, 0 when on time or early. */
  lateMinutes: number;
}

const finished: readonly VisitStatus[] = ['completed', 'incomplete', 'cancelled'];

/**
 * Projects the arrival of every visit of the day the crew has not reached yet (scheduled or en
 * route), in the order given (planned start). A visit on site ends at its planned end, or, once
 * past it, OVERRUN_MINUTES from now; the crew then travels to the next one and never arrives
 * before its planned start. An en-route crew arrives at the ETA they gave while it is ahead, else
 * any moment now. Each projected visit lasts its planned duration.
 */
export function projectDay(visits: readonly DayVisitPlan[], now: number): VisitProjection[] {
  const projections: VisitProjection[] = [];
  // When the crew can set off for the next visit.
  let free = now;
  for (const visit of visits) {
    if (finished.includes(visit.status)) continue;
    const duration = visit.plannedEnd - visit.plannedStart;
    if (visit.status === 'on_site') {
      const end = visit.plannedEnd > now ? visit.plannedEnd : now + OVERRUN_MINUTES * MINUTE;
      free = Math.max(free, end);
      continue;
    }
    let arrivalAt: number;
    if (visit.status === 'en_route') {
      arrivalAt = visit.etaAt !== null && visit.etaAt > now ? visit.etaAt : now + OVERRUN_MINUTES * MINUTE;
    } else {
      const travel = visit.travelMinutes === null ? 0 : Math.max(1, Math.ceil(visit.travelMinutes));
      arrivalAt = Math.max(visit.plannedStart, free + travel * MINUTE);
    }
    projections.push({
      visitId: visit.id,
      arrivalAt,
      lateMinutes: Math.max(0, Math.round((arrivalAt - visit.plannedStart) / MINUTE)),
    });
    free = arrivalAt + duration;
  }
  return projections;
}

/** What was last told to the client about a visit's delay. */
export interface DelayNoticeState {
  /** The estimate the last notice gave, or null when none was sent for the visit's current plan. */
  lastNoticeEta: number | null;
}

/**
 * Whether a projection calls for a (further) delay notice. The client was told the visit starts
 * at its planned start ("When: 09:00–10:00"), so the first notice goes once the projected
 * arrival passes that by more than the grace; each further one only when the estimate slipped
 * by the grace again beyond the one last sent. Smaller slips and improvements send nothing.
 */
export function needsDelayNotice(
  projection: { arrivalAt: number; plannedStart: number },
  state: DelayNoticeState,
  graceMinutes: number,
): boolean {
  const grace = graceMinutes * MINUTE;
  if (state.lastNoticeEta === null) return projection.arrivalAt > projection.plannedStart + grace;
  return projection.arrivalAt >= state.lastNoticeEta + grace;
}
