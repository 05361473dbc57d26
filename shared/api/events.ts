/**
 * Events pushed to every open console. They carry ids, not data: a console refetches through the
 * role-checked methods, so an event never leaks what its receiver may not read.
 */
export type DispatchEvent =
  | { type: 'ticket.created'; ticketId: string; number: string; clientId: string }
  | { type: 'ticket.updated'; ticketId: string; number: string; clientId: string }
  | { type: 'directory.changed'; clientId: string }
  | {
      type: 'escalation.created';
      escalationId: string;
      ticketId: string;
      number: string;
      level: number;
      kind: 'at_risk' | 'breached' | 'manual';
    }
  | { type: 'escalation.updated'; escalationId: string; ticketId: string }
  | { type: 'settings.changed' };

export type DispatchEventType = DispatchEvent['type'];
