import type { ClientMessageKind, MessageKind } from '../../../shared/domain/messages';
import type { Priority, TicketStatus } from '../../../shared/domain/ticket';
import type { VisitStatus } from '../../../shared/domain/visit';
import type { Tx } from '../db/transaction';

// Templates admins saved, clients' message preferences, and what a message says about a ticket
// and its visit, read inside the transaction of the change that sends it.

export interface StoredTemplate {
  kind: MessageKind;
  subject: string;
  body: string;
  updatedAt: string;
  updatedBy: string;
}

export async function listSavedTemplates(db: Tx): Promise<StoredTemplate[]> {
  const rows = await db
    .selectFrom('message_templates as m')
    .innerJoin('users as u', 'u.id', 'm.updated_by')
    .select(['m.kind', 'm.subject', 'm.body', 'm.updated_at', 'u.display_name'])
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    updatedAt: r.updated_at,
    updatedBy: r.display_name,
  }));
}

export async function findSavedTemplate(db: Tx, kind: MessageKind): Promise<StoredTemplate | undefined> {
  return (await listSavedTemplates(db)).find((t) => t.kind === kind);
}

export async function saveTemplate(
  db: Tx,
  template: { kind: MessageKind; subject: string; body: string; at: string; by: string },
): Promise<void> {
  const values = { subject: template.subject, body: template.body, updated_at: template.at, updated_by: template.by };
  await db
    .insertInto('message_templates')
    .values({ kind: template.kind, ...values })
    .onConflict((oc) => oc.column('kind').doUpdateSet(values))
    .execute();
}

/** Forgets a saved template, so the shipped default applies again. */
export async function deleteSavedTemplate(db: Tx, kind: MessageKind): Promise<void> {
  await db.deleteFrom('message_templates').where('kind', '=', kind).execute();
}

/** The kinds a client chose not to receive. */
export async function clientOptOuts(db: Tx, clientId: string): Promise<ClientMessageKind[]> {
  const rows = await db
    .selectFrom('client_message_opt_outs')
    .select('kind')
    .where('client_id', '=', clientId)
    .execute();
  return rows.map((r) => r.kind);
}

export async function setClientReceives(
  db: Tx,
  clientId: string,
  kind: ClientMessageKind,
  receives: boolean,
): Promise<void> {
  if (receives) {
    await db.deleteFrom('client_message_opt_outs').where('client_id', '=', clientId).where('kind', '=', kind).execute();
  } else {
    await db
      .insertInto('client_message_opt_outs')
      .values({ client_id: clientId, kind })
      .onConflict((oc) => oc.columns(['client_id', 'kind']).doNothing())
      .execute();
  }
}

export async function setContactMessagesOptOut(db: Tx, contactId: string, optOut: boolean): Promise<void> {
  await db
    .updateTable('contacts')
    .set({ messages_opt_out: optOut ? 1 : 0 })
    .where('id', '=', contactId)
    .execute();
}

/** A ticket as its messages describe it, with who at the client receives them. */
export interface TicketMessageContext {
  id: string;
  number: string;
  status: TicketStatus;
  priority: Priority;
  description: string;
  slaDueAt: string | null;
  clientId: string;
  clientName: string;
  clientZone: string | null;
  contact: { name: string; phone: string | null; email: string | null; active: boolean; optedOut: boolean } | null;
  site: { id: string; name: string; address: string; accessRequirements: string | null; zone: string | null } | null;
  workType: string | null;
}

export async function findTicketMessageContext(db: Tx, ticketId: string): Promise<TicketMessageContext | undefined> {
  const r = await db
    .selectFrom('tickets as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .leftJoin('contacts as k', 'k.id', 't.contact_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('work_types as w', 'w.id', 't.work_type_id')
    .select([
      't.id',
      't.number',
      't.status',
      't.priority',
      't.description',
      't.sla_due_at',
      't.client_id',
      'c.name as client_name',
      'c.time_zone as client_zone',
      'k.id as contact_id',
      'k.name as contact_name',
      'k.phone as contact_phone',
      'k.email as contact_email',
      'k.active as contact_active',
      'k.messages_opt_out',
      's.id as site_id',
      's.name as site_name',
      's.address as site_address',
      's.access_requirements',
      's.time_zone as site_zone',
      'w.name as work_type',
    ])
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    priority: r.priority,
    description: r.description,
    slaDueAt: r.sla_due_at,
    clientId: r.client_id,
    clientName: r.client_name,
    clientZone: r.client_zone,
    contact:
      r.contact_id === null
        ? null
        : {
            name: r.contact_name ?? '',
            phone: r.contact_phone,
            email: r.contact_email,
            active: Number(r.contact_active) === 1,
            optedOut: Number(r.messages_opt_out) === 1,
          },
    site:
      r.site_id === null
        ? null
        : {
            id: r.site_id,
            name: r.site_name ?? '',
            address: r.site_address ?? '',
            accessRequirements: r.access_requirements,
            zone: r.site_zone,
          },
    workType: r.work_type,
  };
}

export interface CrewMemberContact {
  technicianId: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: 'lead' | 'helper';
}

/** A visit as its messages describe it; its crew lead first. */
export interface VisitMessageContext {
  id: string;
  ticketId: string;
  status: VisitStatus;
  version: number;
  startsAt: string;
  endsAt: string;
  etaAt: string | null;
  cancelReason: string | null;
  crew: CrewMemberContact[];
}

export async function findVisitMessageContext(db: Tx, visitId: string): Promise<VisitMessageContext | undefined> {
  const v = await db
    .selectFrom('visits')
    .select(['id', 'ticket_id', 'status', 'version', 'starts_at', 'ends_at', 'eta_at', 'cancel_reason'])
    .where('id', '=', visitId)
    .executeTakeFirst();
  if (!v) return undefined;
  const crew = await db
    .selectFrom('visit_crew as c')
    .innerJoin('technicians as t', 't.id', 'c.technician_id')
    .select(['c.technician_id', 'c.role', 't.name', 't.email', 't.phone'])
    .where('c.visit_id', '=', visitId)
    .orderBy('t.name')
    .execute();
  return {
    id: v.id,
    ticketId: v.ticket_id,
    status: v.status,
    version: Number(v.version),
    startsAt: v.starts_at,
    endsAt: v.ends_at,
    etaAt: v.eta_at,
    cancelReason: v.cancel_reason,
    crew: crew
      .map((c) => ({ technicianId: c.technician_id, name: c.name, email: c.email, phone: c.phone, role: c.role }))
      .sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1)),
  };
}

/** The technicians' names and e-mail addresses, for those taken off a visit. */
export async function findTechnicianContacts(
  db: Tx,
  technicianIds: readonly string[],
): Promise<{ technicianId: string; name: string; email: string | null; phone: string | null }[]> {
  if (technicianIds.length === 0) return [];
  const rows = await db
    .selectFrom('technicians')
    .select(['id', 'name', 'email', 'phone'])
    .where('id', 'in', [...technicianIds])
    .execute();
  return rows.map((r) => ({ technicianId: r.id, name: r.name, email: r.email, phone: r.phone }));
}

/** A ticket's visits, in start order: the preview's default and the parts recorded so far. */
export async function listTicketVisits(
  db: Tx,
  ticketId: string,
): Promise<{ id: string; status: VisitStatus; startsAt: string }[]> {
  const rows = await db
    .selectFrom('visits')
    .select(['id', 'status', 'starts_at'])
    .where('ticket_id', '=', ticketId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, status: r.status, startsAt: r.starts_at }));
}
