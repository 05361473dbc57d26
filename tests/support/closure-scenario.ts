// Tickets at a known point of their life for the closure, review and timeline tests: logged, booked,
// and (through tests/support/onsite-records.ts) visited and documented as far as a test asks.
import type { TicketDto } from '../../shared/domain/ticket';
import { nextFreeMonday, type ApiFixture } from './api-fixture';
import { markArrived, markFinished, recordPartUsed, recordSignOff, recordWorkLog } from './onsite-records';
import { valueOf } from './test-runtime';

export interface Documentation {
  /** Arrival on site; none when null. */
  arrivedAt?: string | null;
  finished?: boolean;
  actions?: string;
  steps?: string[];
  noParts?: boolean;
  partSku?: string | null;
  signOff?: 'signed' | 'not_required' | null;
  confirmedOnSignOff?: boolean;
  /** The desk records the client's confirmation through the API. */
  deskConfirmation?: boolean;
}

export interface Scenario {
  ticket: TicketDto;
  visitId: string;
}

/** A ticket of the fixture's client, received `receivedMinutesAgo` before the server's clock. */
export async function loggedTicket(
  f: ApiFixture,
  options: { now: Date; receivedMinutesAgo?: number; description?: string; workTypeId?: string; clientId?: string },
): Promise<TicketDto> {
  const admin = { cookie: f.cookies.admin };
  return valueOf(
    await f.server.call(
      'tickets.create',
      {
        channel: 'phone',
        receivedAt: new Date(options.now.getTime() - (options.receivedMinutesAgo ?? 60) * 60_000).toISOString(),
        clientId: options.clientId ?? f.clientId,
        description: options.description ?? 'Conveyor stops every few minutes',
        priority: 'high',
        ...(options.workTypeId ? { workTypeId: options.workTypeId } : {}),
      },
      admin,
    ),
  );
}

/** Logs a ticket, books a visit, and documents it as `doc` says (everything, by default). */
export async function documentedTicket(
  f: ApiFixture,
  options: { now: Date; workTypeId?: string; description?: string },
  doc: Documentation = {},
): Promise<Scenario> {
  const admin = { cookie: f.cookies.admin };
  const db = f.server.runtime.database.db;
  const ticket = await loggedTicket(f, options);
  const visit = valueOf(
    await f.server.call(
      'visits.create',
      { ticketId: ticket.id, technicianId: f.technicianId, startsAt: nextFreeMonday(), durationMinutes: 60 },
      admin,
    ),
  );
  const user = (
    await db.selectFrom('users').select('id').where('username', '=', 'technician').executeTakeFirstOrThrow()
  ).id;
  const arrivedAt =
    doc.arrivedAt === undefined ? new Date(options.now.getTime() - 30 * 60_000).toISOString() : doc.arrivedAt;
  if (arrivedAt) await markArrived(db, { visitId: visit.id, at: arrivedAt });
  if (doc.finished ?? true) await markFinished(db, { visitId: visit.id, at: options.now.toISOString() });
  const actions = doc.actions ?? 'Replaced the drive belt and tested the line for 20 minutes';
  const steps = doc.steps ?? ['Isolated power', 'Replaced belt', 'Tested'];
  if (actions !== '' || steps.length > 0 || doc.noParts)
    await recordWorkLog(db, { visitId: visit.id, userId: user, actions, steps, noParts: doc.noParts ?? false });
  const sku = doc.partSku === undefined ? 'BELT-40' : doc.partSku;
  if (sku) await recordPartUsed(db, { visitId: visit.id, sku, name: 'Drive belt 40 mm' });
  if (doc.signOff)
    await recordSignOff(db, {
      visitId: visit.id,
      userId: user,
      kind: doc.signOff,
      resolutionConfirmed: doc.confirmedOnSignOff ?? false,
    });
  if (doc.deskConfirmation ?? !doc.confirmedOnSignOff)
    valueOf(
      await f.server.call(
        'tickets.confirmResolution',
        { ticketId: ticket.id, confirmedBy: 'Kim Abercrombie', method: 'phone' },
        { cookie: f.cookies.support_desk },
      ),
    );
  return { ticket: valueOf(await f.server.call('tickets.get', { id: ticket.id }, admin)), visitId: visit.id };
}
