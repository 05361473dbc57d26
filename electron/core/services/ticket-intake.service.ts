import { randomUUID } from 'node:crypto';
import type { Impact, PriorityCriteria, Urgency } from '../../../shared/domain/sla';
import type { Channel, Priority } from '../../../shared/domain/ticket';
import { ApiFailure } from '../../../shared/errors';
import type { Tx } from '../db/transaction';
import { insertTicket, nextTicketSequence } from '../repositories/ticket.repository';
import { dueAt } from './sla/due-time';
import { assessPriority } from './sla/priority';
import type { SlaSettings } from '../../../shared/domain/sla-settings';
import { calendarFor, loadSlaSettings } from './sla/sla-config.service';
import { resolveNeeds, type NeedsInput } from './ticket-needs.service';
import { formatTicketNumber } from './ticket-number';

export interface NewTicket {
  channel: Channel;
  externalRef: string | null;
  receivedAt: string;
  clientId: string;
  contactId: string | null;
  siteId: string | null;
  category: string | null;
  asset: string | null;
  description: string;
  /** The intake answers; when given they decide the priority through the matrix. */
  criteria: PriorityCriteria | null;
  /** Only when there are no criteria (an integration that already knows the priority). */
  priority: Priority | null;
  needs: NeedsInput;
  /**
   * Read from a message: nobody has answered the priority questions yet. It gets no SLA clock
   * (a guessed priority would start a wrong one) until the desk assesses it.
   */
  awaitingAssessment?: boolean;
}

/** The priority an unassessed ticket carries until the desk answers the questions; it starts no clock. */
export const UNASSESSED_PLACEHOLDER_PRIORITY: Priority = 'medium';

/** The SLA clock of a ticket under the given settings: when it is due and when it turns at risk. */
export async function slaClock(
  tx: Tx,
  ticket: { priority: Priority; receivedAt: string; clientId: string; siteId: string | null },
  settings: SlaSettings,
): Promise<{ dueAt: string; atRiskAt: string }> {
  const { calendar } = await calendarFor(tx, ticket);
  const received = new Date(ticket.receivedAt);
  const due = dueAt(ticket.priority, received, calendar, settings.policy);
  const atRisk = new Date(received.getTime() + settings.atRiskFraction * (due.getTime() - received.getTime()));
  return { dueAt: due.toISOString(), atRiskAt: atRisk.toISOString() };
}

/**
 * Writes a new ticket: its number, its priority from the intake criteria (or as given), and its
 * due time from the governing calendar and policy as they are now (later edits do not move it).
 */
export async function insertNewTicket(
  tx: Tx,
  input: NewTicket,
  meta: { now: string; loggedBy: string },
): Promise<{ id: string; number: string }> {
  const settings = await loadSlaSettings(tx);
  let priority: Priority;
  let impact: Impact | null = null;
  let urgency: Urgency | null = null;
  if (input.criteria) {
    ({ priority, impact, urgency } = assessPriority(input.criteria, settings.matrix));
  } else if (input.priority) {
    priority = input.priority;
  } else if (input.awaitingAssessment) {
    priority = UNASSESSED_PLACEHOLDER_PRIORITY;
  } else {
    throw new ApiFailure('invalid_input', 'Answer the priority questions or give a priority.', [
      { path: ['criteria'], message: 'Answer the priority questions' },
    ]);
  }
  const clock = input.awaitingAssessment
    ? { dueAt: null, atRiskAt: null }
    : await slaClock(
        tx,
        {
          priority,
          receivedAt: input.receivedAt,
          clientId: input.clientId,
          siteId: input.siteId,
        },
        settings,
      );
  const needs = await resolveNeeds(tx, input.needs);
  const year = new Date(meta.now).getUTCFullYear();
  const number = formatTicketNumber(year, await nextTicketSequence(tx, year));
  const id = randomUUID();
  await insertTicket(tx, {
    id,
    number,
    channel: input.channel,
    external_ref: input.externalRef,
    received_at: input.receivedAt,
    logged_at: meta.now,
    logged_by: meta.loggedBy,
    client_id: input.clientId,
    contact_id: input.contactId,
    site_id: input.siteId,
    category: input.category,
    asset: input.asset,
    description: input.description,
    impact,
    urgency,
    priority,
    status: 'new',
    sla_due_at: clock.dueAt,
    updated_at: meta.now,
    criteria: input.criteria ? JSON.stringify(input.criteria) : null,
    priority_override_reason: null,
    priority_overridden_by: null,
    priority_overridden_at: null,
    sla_at_risk_at: clock.atRiskAt,
    first_contact_at: null,
    first_arrival_at: null,
    response_kind: null,
    awaiting_assessment: input.awaitingAssessment ? 1 : 0,
    ...needs,
  });
  return { id, number };
}
