import type { Priority } from './ticket';
import type { LatLng } from './travel';
import type { VisitChecklist, VisitCrewMember, VisitStatus } from './visit';

/** Whose day a schedule covers: one technician, everyone on a team, or every active technician. */
export type ScheduleScope = { technicianId: string } | { team: string } | { everyone: true };

/** One stop of a technician's printed day, with everything the crew needs on paper. */
export interface ScheduleVisit {
  visitId: string;
  ticketNumber: string;
  priority: Priority;
  status: VisitStatus;
  startsAt: string;
  endsAt: string;
  clientName: string;
  siteName: string | null;
  siteAddress: string | null;
  contact: { name: string; phone: string | null } | null;
  accessRequirements: string | null;
  description: string;
  workType: string | null;
  /** Parts recorded on the ticket's work logs so far, as "2 × Fuser unit (FU-1)". */
  parts: string[];
  crew: VisitCrewMember[];
  /**
   * Minutes of driving from the previous stop that day (from the technician's base for the
   * first); null when a place has no coordinates.
   */
  driveMinutes: number | null;
  checklist: VisitChecklist;
  /** Where the site is, for the route sketch; null when it has no coordinates. */
  location: LatLng | null;
}

/** One technician's page(s). */
export interface ScheduleTechnicianDay {
  technicianId: string;
  name: string;
  team: string | null;
  phone: string | null;
  timeZone: string;
  /** The shift worked that day as local "HH:mm–HH:mm" spans; empty on a day off. */
  shift: string[];
  /** When to leave base for the first visit: its start less the drive there; null without a visit or a drive time. */
  firstDepartureAt: string | null;
  /** The technician's base (home), where the day's drive starts; null without coordinates. */
  base: LatLng | null;
  visits: ScheduleVisit[];
}

export interface DayScheduleDto {
  date: string;
  /** What the scope was, in words: "Zoë Łukasiewicz", "Team North", "Everyone". */
  scopeLabel: string;
  /** Only technicians with visits that day, by name. */
  technicians: ScheduleTechnicianDay[];
}

/** The same schedule as a PDF, base64 in the JSON result (the transport carries JSON only). */
export interface DaySchedulePdfDto {
  fileName: string;
  mimeType: 'application/pdf';
  pages: number;
  contentBase64: string;
}

/**
 * The coordination checklist as printed boxes, in the same words on screen and on paper: what the
 * desk confirmed with the client before the visit.
 */
export function checklistItems(checklist: VisitChecklist): { label: string; done: boolean }[] {
  const who = [checklist.contact.name, checklist.contact.method].filter(Boolean).join(', ');
  return [
    { label: who ? `Contact confirmed (${who})` : 'Contact confirmed', done: checklist.contact.confirmed },
    { label: 'Location confirmed', done: checklist.locationConfirmed },
    { label: 'Badge', done: checklist.access.badge },
    { label: 'Escort', done: checklist.access.escort },
    { label: 'Parking', done: checklist.access.parking },
    { label: 'Opening hours', done: checklist.access.openingHours },
  ];
}

/** "25 min", "1 h 05 min", or null when it cannot be told. */
export function driveText(minutes: number | null): string | null {
  if (minutes === null) return null;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}
