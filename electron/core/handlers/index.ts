import { attachmentHandlers } from './attachments.handlers';
import { auditHandlers } from './audit.handlers';
import { backupHandlers } from './backup.handlers';
import { reportHandlers } from './reports.handlers';
import { authHandlers } from './auth.handlers';
import { closureHandlers } from './closure.handlers';
import { directoryHandlers } from './directory.handlers';
import { dispatchHandlers } from './dispatch.handlers';
import { escalationHandlers } from './escalations.handlers';
import { feedbackHandlers } from './feedback.handlers';
import { geocoderHandlers } from './geocoder.handlers';
import type { Handlers } from './handler-types';
import { signOffHandlers } from './sign-offs.handlers';
import { streetMapHandlers } from './street-map.handlers';
import { slaHandlers } from './sla.handlers';
import { technicianHandlers } from './technicians.handlers';
import { ticketHandlers } from './tickets.handlers';
import { userHandlers } from './users.handlers';
import { signInHandlers } from './sign-in.handlers';
import { visitHandlers } from './visits.handlers';
import { visitStatusHandlers } from './visit-status.handlers';
import { organisationHandlers } from './organisation.handlers';
import { partHandlers } from './parts.handlers';
import { remoteResolutionHandlers } from './remote-resolution.handlers';
import { scheduleHandlers } from './schedules.handlers';
import { settingsTransferHandlers } from './settings-transfer.handlers';
import { mailHandlers } from './mail.handlers';
import { mailboxHandlers } from './mailboxes.handlers';
import { messageHandlers } from './messages.handlers';
import { outboxHandlers } from './outbox.handlers';
import { ticketUpdateHandlers } from './ticket-updates.handlers';
import { workLogHandlers } from './work-logs.handlers';

/** Every method of the contract has exactly one handler; the type fails to check if one is missing. */
export const handlers: Handlers = {
  ...authHandlers,
  ...userHandlers,
  ...signInHandlers,
  ...directoryHandlers,
  ...ticketHandlers,
  ...slaHandlers,
  ...escalationHandlers,
  ...technicianHandlers,
  ...visitHandlers,
  ...visitStatusHandlers,
  ...dispatchHandlers,
  ...geocoderHandlers,
  ...streetMapHandlers,
  ...organisationHandlers,
  ...partHandlers,
  ...workLogHandlers,
  ...attachmentHandlers,
  ...signOffHandlers,
  ...closureHandlers,
  ...remoteResolutionHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...reportHandlers,
  ...outboxHandlers,
  ...mailHandlers,
  ...mailboxHandlers,
  ...messageHandlers,
  ...feedbackHandlers,
  ...ticketUpdateHandlers,
  ...scheduleHandlers,
  ...settingsTransferHandlers,
};
