import type { ReportTicketRow } from '../../../../shared/domain/reports';

/** The columns every report's ticket list selects (snake_case, as the database answers them). */
export interface ReportTicketColumns {
  ticket_id: string;
  number: string;
  channel: ReportTicketRow['channel'];
  status: ReportTicketRow['status'];
  priority: ReportTicketRow['priority'];
  client_name: string;
  site_name: string | null;
  technician_name: string | null;
  team: string | null;
  received_at: string;
  sla_due_at: string | null;
  first_arrival_at: string | null;
  closed_at: string | null;
  sla_outcome: ReportTicketRow['slaOutcome'];
  sla_minutes: number | null;
  response_minutes: number | null;
  resolution_minutes: number | null;
}

/** A ticket behind a figure, as the API gives it; the same for every report. */
export function reportTicketRow(row: ReportTicketColumns): ReportTicketRow {
  return {
    ticketId: row.ticket_id,
    number: row.number,
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    clientName: row.client_name,
    siteName: row.site_name,
    technicianName: row.technician_name,
    team: row.team,
    receivedAt: row.received_at,
    slaDueAt: row.sla_due_at,
    firstArrivalAt: row.first_arrival_at,
    closedAt: row.closed_at,
    slaOutcome: row.sla_outcome,
    slaMinutes: row.sla_minutes,
    responseMinutes: row.response_minutes,
    resolutionMinutes: row.resolution_minutes,
  };
}
