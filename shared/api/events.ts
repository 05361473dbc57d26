import type { EscalationKind } from '../domain/escalation';

/**
 * Events pushed to every open console. They carry ids, not data: a console refetches through the
 * role-checked methods, so an event never leaks what its receiver may not read.
 */
export type DispatchEvent =
  | { type: 'ticket.created'; ticketId: string; number: string; clientId: string }
  | { type: 'ticket.updated'; ticketId: string; number: string; clientId: string }
  | { type: 'directory.changed'; clientId: string }
  /** A site's address, coordinates, access requirements or hours changed: tickets and rankings there too. */
  | { type: 'site.changed'; siteId: string; clientId: string }
  /** A technician's record, skills, shifts or time off changed. */
  | { type: 'technician.changed'; technicianId: string }
  | {
      type: 'escalation.created';
      escalationId: string;
      ticketId: string;
      number: string;
      level: number;
      kind: EscalationKind;
    }
  | { type: 'escalation.updated'; escalationId: string; ticketId: string }
  | { type: 'settings.changed' }
  /**
   * A user was changed by an admin (name, role, disabled, password reset) or changed their own
   * password: the users screen refetches, and so does the console the user is signed in to (a
   * disabled user's console finds itself signed out).
   */
  | { type: 'user.changed'; userId: string }
  /**
   * Never published: a transport tells its own console that the session it used no longer holds
   * (the browser's event stream says so as its last word), so the console signs out at once.
   */
  | { type: 'session.ended' }
  | {
      /**
       * A visit was booked, moved, re-crewed, cancelled or its checklist changed. technicianIds
       * names everyone on the crew before and after the change, so a technician who was taken off
       * a visit hears about it as well as one put on it; each refetches the details with visits.list.
       */
      type: 'visit.changed';
      visitId: string;
      ticketId: string;
      number: string;
      change: VisitChange;
      technicianIds: string[];
    }
  | {
      /**
       * Something was documented on a ticket: a visit's work log, an attachment, a sign-off, or the
       * desk's record of the client confirming the resolution. visitId is null for ticket-wide items.
       */
      type: 'ticket.documented';
      ticketId: string;
      number: string;
      visitId: string | null;
      part: DocumentedPart;
    }
  | { type: 'parts.changed' }
  /** Messages of the outbox were sent, failed or queued again (ticketIds: the tickets they belong to). */
  | { type: 'outbox.changed'; ticketIds: string[] }
  /**
   * The projected arrival of some visits moved (a visit overran, a crew gave an ETA, a day
   * changed): boards and queues refetch their projected lateness.
   */
  | { type: 'visits.projected'; visitIds: string[]; ticketIds: string[] }
  /** Messages were read from a support mailbox that wait for the desk (needs matching) or were ignored. */
  | { type: 'inbox.changed' }
  | OptimizeProgressEvent;

export type DocumentedPart = 'work_log' | 'attachment' | 'sign_off' | 'resolution' | 'call';

/**
 * Progress of a day optimization, delivered only to consoles served by the process running it
 * (never stored): the console that started the run shows it; others ignore a runId they do not know.
 */
export interface OptimizeProgressEvent {
  type: 'dispatch.progress';
  runId: string;
  elapsedMs: number;
  placed: number;
  unplaced: number;
  lateWeight: number;
  travelMinutes: number;
}

/** 'status': the crew set off, arrived, or finished (completed or incomplete). */
export type VisitChange = 'booked' | 'rescheduled' | 'cancelled' | 'checklist' | 'status';

export type DispatchEventType = DispatchEvent['type'];
