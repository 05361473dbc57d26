/**
 * Events pushed to every open console. They carry ids, not data: a console refetches through the
 * role-checked methods, so an event never leaks what its receiver may not read.
 */
export type DispatchEvent =
  | { type: 'ticket.created'; ticketId: string; number: string; clientId: string }
  | { type: 'ticket.updated'; ticketId: string; number: string; clientId: string }
  | { type: 'directory.changed'; clientId: string };

export type DispatchEventType = DispatchEvent['type'];
