import type { MessageValues } from '../../../../shared/domain/messages';
import { priorityLabels } from '../../../../shared/domain/ticket';
import { workOutcomeLabels } from '../../../../shared/domain/work-log';
import type { Tx } from '../../db/transaction';
import type { TicketMessageContext, VisitMessageContext } from '../../repositories/message.repository';
import { listTicketVisits } from '../../repositories/message.repository';
import { findWorkLogs } from '../../repositories/work-log.repository';
import { defaultCalendar } from '../sla/sla-config.service';
import { formatMoment, formatTime, formatWindow } from './message-time';

/** The zone a ticket's times are told in: its site's, else its client's, else the organisation's. */
export async function messageZone(tx: Tx, ticket: TicketMessageContext): Promise<string> {
  return ticket.site?.zone ?? ticket.clientZone ?? (await defaultCalendar(tx)).timeZone;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function quantityText(quantity: number, unit: string): string {
  return unit === 'each' ? `${quantity} ×` : `${quantity} ${unit}`;
}

/**
 * Every placeholder's value for one message: the ticket, its visit when there is one, and the
 * technician the message is for (a technician's own messages greet them, not the lead).
 */
export async function messageValues(
  tx: Tx,
  input: {
    ticket: TicketMessageContext;
    visit: VisitMessageContext | null;
    recipientTechnicianName?: string | null;
    /** The feedback page's address, in a feedback request. */
    feedbackLink?: string | null;
    /** The expected arrival to tell instead of the crew's own ETA (a delay notice's new estimate). */
    etaAt?: string;
    now: string;
  },
): Promise<MessageValues> {
  const { ticket, visit } = input;
  const zone = await messageZone(tx, ticket);
  const lead = visit?.crew.find((c) => c.role === 'lead') ?? null;
  const visits = await listTicketVisits(tx, ticket.id);
  const logs = await findWorkLogs(
    tx,
    visits.map((v) => v.id),
  );
  const parts = [...logs.values()].flatMap((log) => log.parts);
  const log = visit ? logs.get(visit.id) : undefined;
  const summary = log
    ? [log.actions.trim(), ...log.steps.map((step) => `- ${step}`)].filter((line) => line !== '').join('\n')
    : '';
  const outcome = log?.outcome ?? null;
  const eta = input.etaAt ?? visit?.etaAt ?? null;
  return {
    ticketNumber: ticket.number,
    clientName: ticket.clientName,
    siteName: ticket.site?.name ?? '',
    siteAddress: ticket.site?.address ?? '',
    accessRequirements: ticket.site?.accessRequirements ?? '',
    contactName: ticket.contact?.name ?? '',
    contactPhone: ticket.contact?.phone ?? '',
    technicianFirstName: firstName(input.recipientTechnicianName ?? lead?.name ?? ''),
    technicianName: lead?.name ?? '',
    crew: visit ? visit.crew.map((c) => (c.role === 'lead' ? `${c.name} (lead)` : c.name)).join(', ') : '',
    visitWindow: visit ? formatWindow(visit.startsAt, visit.endsAt, zone) : '',
    eta: eta ? formatTime(eta, zone, input.now) : '',
    priority: priorityLabels[ticket.priority],
    responseTarget: ticket.slaDueAt ? formatMoment(ticket.slaDueAt, zone) : '',
    description: ticket.description,
    workType: ticket.workType ?? '',
    requiredParts: parts.map((p) => `${quantityText(p.quantity, p.unit)} ${p.name} (${p.sku})`).join('\n'),
    workSummary: summary,
    outcome: outcome ? workOutcomeLabels[outcome] : '',
    nextSteps:
      outcome && outcome !== 'resolved'
        ? 'The work is not finished yet. We will contact you to arrange what is still needed.'
        : '',
    cancelReason: visit?.cancelReason ?? '',
    feedbackLink: input.feedbackLink ?? '',
    scheduleDay: '',
    scheduleVisits: '',
  };
}
