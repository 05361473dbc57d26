import { authHandlers } from './auth.handlers';
import { closureHandlers } from './closure.handlers';
import { directoryHandlers } from './directory.handlers';
import { dispatchHandlers } from './dispatch.handlers';
import { escalationHandlers } from './escalations.handlers';
import type { Handlers } from './handler-types';
import { slaHandlers } from './sla.handlers';
import { technicianHandlers } from './technicians.handlers';
import { ticketHandlers } from './tickets.handlers';
import { userHandlers } from './users.handlers';
import { visitHandlers } from './visits.handlers';

/** Every method of the contract has exactly one handler; the type fails to check if one is missing. */
export const handlers: Handlers = {
  ...authHandlers,
  ...userHandlers,
  ...directoryHandlers,
  ...ticketHandlers,
  ...slaHandlers,
  ...escalationHandlers,
  ...technicianHandlers,
  ...visitHandlers,
  ...dispatchHandlers,
  ...closureHandlers,
};
