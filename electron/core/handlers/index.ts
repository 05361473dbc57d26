import { authHandlers } from './auth.handlers';
import { directoryHandlers } from './directory.handlers';
import type { Handlers } from './handler-types';
import { ticketHandlers } from './tickets.handlers';
import { userHandlers } from './users.handlers';

/** Every method of the contract has exactly one handler; the type fails to check if one is missing. */
export const handlers: Handlers = {
  ...authHandlers,
  ...userHandlers,
  ...directoryHandlers,
  ...ticketHandlers,
};
