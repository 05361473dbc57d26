import { z } from 'zod';
import { id, instant, optionalText } from './schemas';
import { calendarDate } from './sla';
import { incompleteReasons, type VisitDto, type VisitStatus } from './visit';

/** The statuses a crew (or a dispatcher for them) reports during the day. */
export const statusUpdates = ['en_route', 'on_site', 'completed', 'incomplete'] as const;
export type StatusUpdate = (typeof statusUpdates)[number];

/**
 * What may follow what. A crew may arrive without having pressed "en route" (they were next
 * door, or forgot); a visit is finished only from on site; finished and cancelled visits are
 * over. Anything else is refused, naming `status`.
 */
export const nextStatuses: Record<VisitStatus, readonly StatusUpdate[]> = {
  scheduled: ['en_route', 'on_site'],
  en_route: ['on_site'],
  on_site: ['completed', 'incomplete'],
  completed: [],
  incomplete: [],
  cancelled: [],
};

/** A reported time may run ahead of the server's clock by this much (workstation clocks drift). */
export const MAX_STATUS_AHEAD_MINUTES = 5;

export const visitSetStatusInput = z
  .strictObject({
    id,
    expectedVersion: z.int().min(1),
    status: z.enum(statusUpdates),
    /** When it happened; now when absent. A dispatcher relaying a phone call may give an earlier time. */
    at: instant.optional(),
    /** En route only: the expected arrival; from the travel model when absent. */
    etaAt: instant.optional(),
    /** Incomplete only, and then required. */
    reason: z.enum(incompleteReasons).optional(),
    note: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.etaAt !== undefined && v.status !== 'en_route')
      ctx.addIssue({ code: 'custom', path: ['etaAt'], message: 'Only when setting off (en route)' });
    if (v.etaAt !== undefined && v.at !== undefined && v.etaAt <= v.at)
      ctx.addIssue({ code: 'custom', path: ['etaAt'], message: 'After the time of setting off' });
    if (v.status === 'incomplete' && v.reason === undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Why the visit is incomplete' });
    if (v.reason !== undefined && v.status !== 'incomplete')
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Only for an incomplete visit' });
  });

export const visitMyDayInput = z.strictObject({
  /** In the technician's zone; today when absent. */
  date: calendarDate.optional(),
  /** Whose day; the caller's own when absent. Technicians may ask only for their own. */
  technicianId: id.optional(),
});

/** A visit with everything the crew needs on the road. */
export interface DayVisit extends VisitDto {
  description: string;
  contact: { name: string; phone: string | null; email: string | null } | null;
  /** The site's standing access requirements (badge, escort, …), as the desk wrote them. */
  siteAccessRequirements: string | null;
  /**
   * The ETA the en-route button proposes if the crew set off now: travel from the previous visit's
   * site that day, or the technician's last known position or base; null when it cannot be told.
   */
  suggestedEtaAt: string | null;
  /** Minutes of travel behind suggestedEtaAt; null when no coordinates were known. */
  travelMinutes: number | null;
}

export interface TechnicianDayDto {
  /** Null when the caller's login is linked to no technician record (and none was asked for). */
  technician: { id: string; name: string; timeZone: string } | null;
  date: string;
  /** In planned start order. */
  visits: DayVisit[];
}
