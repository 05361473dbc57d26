// What the dispatch engine reads about a stretch of time: who works when and where they are booked,
// and what each ticket needs. The ranking (dispatch.recommend) and the day optimizer
// (dispatch.optimize) both work on these plain values, so they run under plain Node, in a worker
// thread and in benchmarks without a database. Instants are epoch milliseconds.
import type { RequiredSkill, TechnicianSkillDto } from '../../../../shared/domain/technician';
import type { Priority } from '../../../../shared/domain/ticket';
import type { LatLng } from '../../../../shared/domain/travel';
import type { Interval } from './working-time';

/** A visit already on a technician's schedule. */
export interface BookedVisit {
  visitId: string;
  ticketId: string;
  start: number;
  end: number;
  /** Where it happens; null when the site has no coordinates (travel to it is then unknown: 0). */
  location: LatLng | null;
  /** Pinned by a dispatcher: the optimizer keeps it exactly where it is. */
  pinned: boolean;
}

/** One technician over the period looked at. */
export interface TechnicianSchedule {
  technicianId: string;
  name: string;
  team: string | null;
  skills: readonly TechnicianSkillDto[];
  /** Named certifications with their expiry dates (YYYY-MM-DD, valid through that day). */
  certifications: readonly { name: string; expiresOn: string | null }[];
  /** When they work: shift pattern ± exceptions, clipped to the period, normalized. */
  working: readonly Interval[];
  /** Where each working day starts and ends (home base, else last known position); null when unknown. */
  base: LatLng | null;
  /** Their non-cancelled visits in the period, in start order. */
  visits: readonly BookedVisit[];
  /** Visits per day at most; null for no limit. */
  maxVisitsPerDay: number | null;
  /** The zone their days are counted in (for the daily limit and certification expiry). */
  timeZone: string;
}

/** What one ticket needs from a technician. */
export interface TicketNeeds {
  ticketId: string;
  number: string;
  priority: Priority;
  /** The SLA response due time; null when the ticket has none. */
  dueAt: number | null;
  durationMinutes: number;
  requiredSkills: readonly (RequiredSkill & { name: string })[];
  location: LatLng | null;
  /** When the site can be visited within the period (normalized); the whole period when unrestricted. */
  access: readonly Interval[];
}
