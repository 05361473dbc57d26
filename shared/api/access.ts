import type { ReportKind } from '../domain/reports';
import type { Role } from '../domain/roles';

/**
 * The role groups the contract grants methods to. Kept apart from the contract so the renderer
 * can decide what to show without bundling every input schema.
 */
export const access = {
  staff: ['support_desk', 'dispatcher', 'technician', 'service_manager', 'supervisor', 'admin'],
  intake: ['support_desk', 'dispatcher', 'admin'],
  dispatch: ['dispatcher', 'admin'],
  slaReaders: ['dispatcher', 'service_manager', 'admin'],
  escalationReaders: ['dispatcher', 'service_manager', 'supervisor', 'admin'],
  escalators: ['dispatcher', 'service_manager', 'admin'],
  managers: ['service_manager', 'admin'],
  // The technician's day: crews report their own visits; dispatchers record for them.
  visitStatus: ['dispatcher', 'technician', 'admin'],
  technicianDay: ['dispatcher', 'technician', 'supervisor', 'admin'],
  // Printed daily schedules (issue 15): supervisors print them, dispatchers and client service
  // managers read them, admins too; a technician only their own day (checked by the handler).
  scheduleReaders: ['dispatcher', 'technician', 'service_manager', 'supervisor', 'admin'],
  /** Who may document a visit's work; a technician only on visits they are crew of. */
  documenters: ['technician', 'dispatcher', 'admin'],
  // Closure and review (issue 6): who records the client's confirmation or links a follow-up,
  // who may close or reopen, and who reads the review list.
  followUp: ['support_desk', 'dispatcher', 'service_manager', 'admin'],
  closers: ['dispatcher', 'service_manager', 'admin'],
  reviewReaders: ['service_manager', 'supervisor', 'admin'],
  admin: ['admin'],
  // Reports (issue 15): those who watch SLA adherence and plan the work read them; the desk and
  // technicians do not (a technician would read colleagues' figures).
  reportReaders: ['dispatcher', 'service_manager', 'supervisor', 'admin'],
  // Photos and forms: technicians only on their own visits (checked by the handler).
  attachmentWriters: ['support_desk', 'dispatcher', 'technician', 'service_manager', 'admin'],
  // The client's sign-off: technicians only on their own visits; the desk may not.
  signOffWriters: ['dispatcher', 'technician', 'admin'],
  // The client directory: whoever creates clients and sites at intake may also correct them.
  directoryEditors: ['support_desk', 'dispatcher', 'admin'],
  // The outbox (issue 14): those who talk to clients read what was sent and retry what was not;
  // technicians and supervisors do not read clients' mail. Admins set up the transports.
  messageReaders: ['support_desk', 'dispatcher', 'service_manager', 'admin'],
  // The client's feedback after closure: those who talk to clients write down what was said by
  // phone; they and the supervisor read it (a technician reads no scores of their own work).
  feedbackRecorders: ['support_desk', 'dispatcher', 'service_manager', 'admin'],
  feedbackReaders: ['support_desk', 'dispatcher', 'service_manager', 'supervisor', 'admin'],
  // Updates to the client from the ticket panel come from the desk, dispatch and managers, who own
  // the client conversation; a technician on site tells the desk, which writes the update.
  clientUpdaters: ['support_desk', 'dispatcher', 'service_manager', 'admin'],
  // Calls given by phone: technicians too (they call the site contact from the road), on tickets
  // they have a visit on (checked by the handler).
  callLoggers: ['support_desk', 'dispatcher', 'technician', 'service_manager', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export function roleIn(group: readonly Role[], role: Role): boolean {
  return group.includes(role);
}

/**
 * Who may read each report (and its drill-downs and exports). Every report so far is the report
 * readers'; a report for fewer roles (e.g. one of reviews) names them here, and the handlers refuse
 * the rest even though the methods let every report reader in.
 */
export const reportAccess: Record<ReportKind, readonly Role[]> = {
  sla_adherence: access.reportReaders,
  volumes: access.reportReaders,
  first_time_fix: access.reportReaders,
  // Those who read the escalation list read its figures: every report reader.
  escalations: access.escalationReaders,
  // Reviews are the manager's verdicts on closed work, read by those who read the review list: the
  // client service manager, the supervisor (who coaches the crews) and admins. Dispatchers read a
  // ticket's feedback but not reviews, and this report puts both side by side per technician and
  // team; the desk and technicians read no report.
  review: access.reviewReaders,
  // Each technician's hours, read by those who plan the work and manage the crews; technicians
  // would read their colleagues' figures.
  utilization: access.reportReaders,
};
