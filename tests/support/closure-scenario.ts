// Tickets at a known point of their life for the closure, review and timeline tests: logged, booked,
// and visited and documented as far as a test asks, every step through the API methods the
// consoles call (so the rows, status changes and audit trail are the ones the product writes).
import type { TicketDto } from '../../shared/domain/ticket';
import type { VisitDto } from '../../shared/domain/visit';
import { nextFreeMonday, type ApiFixture } from './api-fixture';
import { pngBase64 } from './images';
import { valueOf, type ManualClock } from './test-runtime';
import { testNow } from './test-clock';

const MINUTE = 60_000;

export interface Documentation {
  /** When the crew arrived on site; at the clock's time when absent. */
  arrivedAt?: string;
  /** Completed after arriving (true by default); false leaves the crew on site. */
  finished?: boolean;
  actions?: string;
  steps?: string[];
  noParts?: boolean;
  /** A catalog part used on the visit (BELT-40 by default); none when null. */
  partSku?: string | null;
  signOff?: 'signed' | 'not_required' | null;
  confirmedOnSignOff?: boolean;
  /** The desk records the client's confirmation (by default unless the sign-off confirmed it). */
  deskConfirmation?: boolean;
  /** Who leads the visit (the fixture's technician by default). */
  technicianId?: string;
}

export interface Scenario {
  ticket: TicketDto;
  visitId: string;
  /** The visit's current sign-off, when one was recorded. */
  signOffId: string | null;
}

let signatures = 0;

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
        receivedAt: new Date(options.now.getTime() - (options.receivedMinutesAgo ?? 60) * MINUTE).toISOString(),
        clientId: options.clientId ?? f.clientId,
        description: options.description ?? 'Conveyor stops every few minutes',
        priority: 'high',
        ...(options.workTypeId ? { workTypeId: options.workTypeId } : {}),
      },
      admin,
    ),
  );
}

/** The catalog part with this SKU, added by the admin when it is not there yet. */
async function ensurePart(f: ApiFixture, sku: string): Promise<void> {
  const admin = { cookie: f.cookies.admin };
  const found = valueOf(await f.server.call('parts.list', { query: sku, includeInactive: true }, admin));
  if (found.some((p) => p.sku.toUpperCase() === sku.toUpperCase())) return;
  valueOf(await f.server.call('parts.save', { sku, name: `Part ${sku}`, unit: 'each' }, admin));
}

/**
 * Books a visit of the fixture's technician for `ticket` and records what `doc` says, as a
 * dispatcher relaying the crew's calls: arrival, completion, work log, sign-off, then the desk's
 * confirmation. A manual clock moves a minute before each write, as writes are apart outside a
 * test; on the real clock they are apart anyway.
 */
export async function documentVisit(
  f: ApiFixture,
  clock: ManualClock | null,
  ticket: TicketDto,
  doc: Documentation = {},
): Promise<Scenario> {
  const admin = { cookie: f.cookies.admin };
  const dispatcher = { cookie: f.cookies.dispatcher };
  const tick = () => clock?.advance(MINUTE);
  const sku = doc.partSku === undefined ? 'BELT-40' : doc.partSku;
  if (sku) await ensurePart(f, sku);

  tick();
  let visit: VisitDto = valueOf(
    await f.server.call(
      'visits.create',
      {
        ticketId: ticket.id,
        technicianId: doc.technicianId ?? f.technicianId,
        startsAt: nextFreeMonday(),
        durationMinutes: 60,
        // Some Mondays are public holidays; when the visit was planned is not what these tests are about.
        override: { reason: 'Booked for any Monday' },
      },
      admin,
    ),
  );
  tick();
  visit = valueOf(
    await f.server.call(
      'visits.setStatus',
      {
        id: visit.id,
        expectedVersion: visit.version,
        status: 'on_site',
        ...(doc.arrivedAt ? { at: doc.arrivedAt } : {}),
      },
      dispatcher,
    ),
  );
  if (doc.finished ?? true) {
    tick();
    valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: visit.id, expectedVersion: visit.version, status: 'completed' },
        dispatcher,
      ),
    );
  }
  const actions = doc.actions ?? 'Replaced the drive belt and tested the line for 20 minutes';
  const steps = doc.steps ?? ['Isolated power', 'Replaced belt', 'Tested'];
  if (actions.trim() !== '' || steps.length > 0 || doc.noParts || sku) {
    tick();
    valueOf(
      await f.server.call(
        'workLogs.save',
        {
          visitId: visit.id,
          expectedVersion: 0,
          actions,
          steps,
          parts: sku ? [{ sku, quantity: 1 }] : [],
          noParts: doc.noParts ?? false,
          outcome: 'resolved',
        },
        dispatcher,
      ),
    );
  }
  let signOffId: string | null = null;
  if (doc.signOff) {
    tick();
    signOffId = valueOf(
      await f.server.call(
        'signOffs.record',
        doc.signOff === 'signed'
          ? {
              visitId: visit.id,
              kind: 'signed',
              signerName: 'Kim Abercrombie',
              signerRole: 'Plant manager',
              signaturePngBase64: pngBase64(++signatures),
              resolutionConfirmed: doc.confirmedOnSignOff ?? false,
            }
          : { visitId: visit.id, kind: 'not_required', reason: 'Client not on site; remote confirmation agreed' },
        dispatcher,
      ),
    ).id;
  }
  if (doc.deskConfirmation ?? !doc.confirmedOnSignOff) {
    tick();
    valueOf(
      await f.server.call(
        'tickets.confirmResolution',
        { ticketId: ticket.id, confirmedBy: 'Kim Abercrombie', method: 'phone' },
        { cookie: f.cookies.support_desk },
      ),
    );
  }
  return {
    ticket: valueOf(await f.server.call('tickets.get', { id: ticket.id }, admin)),
    visitId: visit.id,
    signOffId,
  };
}

/**
 * Logs a ticket (an hour before the clock: the server's manual clock, or the test clock when null),
 * books a visit, and documents it as `doc` says (everything, by default).
 */
export async function documentedTicket(
  f: ApiFixture,
  clock: ManualClock | null,
  options: { workTypeId?: string; description?: string; clientId?: string } = {},
  doc: Documentation = {},
): Promise<Scenario> {
  return documentVisit(f, clock, await loggedTicket(f, { now: clock?.now() ?? testNow(), ...options }), doc);
}
