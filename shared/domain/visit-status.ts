import type { VisitDto, VisitStatus } from './visit';

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
