// What booking, moving and re-crewing a visit have in common: the crew must exist and be active,
// nobody on it may be booked twice, and the shift, time-off and travel rules hold unless a
// dispatcher overrides them with a reason.
import { DateTime } from 'luxon';
import type { TechnicianDto } from '../../../../shared/domain/technician';
import { ApiFailure, type InputIssue } from '../../../../shared/errors';
import type { TicketStatus } from '../../../../shared/domain/ticket';
import type { WriteTx } from '../../context';
import type { Tx } from '../../db/transaction';
import { setTicketStatus } from '../../repositories/ticket.repository';
import { listAvailability, listTechnicians } from '../../repositories/technician.repository';
import { crewVisitsBetween, findClashes, type Clash } from '../../repositories/visit.repository';
import { defaultCalendar } from '../sla/sla-config.service';
import { loadDispatchSettings } from './dispatch-settings.service';
import { offlineTravel } from '../travel/offline-travel';
import { bookingBreaches, bookingDay, type Booking, type CrewMemberSchedule } from './booking-rules';
import { closedDays } from './working-time';

const DAY = 86_400_000;

/** Where a crew member is named in the input, so an error can point at the field. */
function crewPath(index: number): (string | number)[] {
  return index === 0 ? ['technicianId'] : ['helperIds', index - 1];
}

/** The lead and the helpers, in that order; unknown or inactive ones are refused by their field. */
export async function requireCrew(
  tx: Tx,
  technicianId: string,
  helperIds: readonly string[],
): Promise<TechnicianDto[]> {
  const all = await listTechnicians(tx);
  const byId = new Map(all.map((t) => [t.id, t]));
  const issues: InputIssue[] = [];
  const crew: TechnicianDto[] = [];
  [technicianId, ...helperIds].forEach((id, index) => {
    const technician = byId.get(id);
    if (!technician) issues.push({ path: crewPath(index), message: 'No such technician' });
    else if (!technician.active) issues.push({ path: crewPath(index), message: `${technician.name} is inactive` });
    else crew.push(technician);
  });
  if (issues.length > 0) {
    throw new ApiFailure('invalid_input', issues.map((i) => i.message).join('; ') + '.', issues);
  }
  return crew;
}

/** The conflict error for clashes: each clashing visit named by id and ticket number. */
async function clashFailure(db: Tx, crewIds: readonly string[], clashes: Clash[]): Promise<ApiFailure> {
  const fallbackZone = (await defaultCalendar(db)).timeZone;
  const sentences = clashes.map((c) => {
    const zone = c.technicianZone ?? fallbackZone;
    const from = DateTime.fromISO(c.startsAt, { zone }).toFormat('ccc d LLL HH:mm');
    const to = DateTime.fromISO(c.endsAt, { zone }).toFormat('HH:mm');
    return `${c.technicianName} is already booked ${from}–${to} on ${c.ticketNumber} (visit ${c.visitId})`;
  });
  const issues = clashes.map((c) => ({
    path: crewPath(crewIds.indexOf(c.technicianId)),
    message: `Booked on visit ${c.visitId} (${c.ticketNumber})`,
  }));
  return new ApiFailure('conflict', `${sentences.join('; ')}.`, issues);
}

/** Refuses with `conflict` when anyone in the crew has another live visit overlapping [start, end). */
export async function refuseClashes(
  db: Tx,
  crewIds: readonly string[],
  booking: { startsAt: string; endsAt: string; exceptVisitId: string | null },
): Promise<void> {
  const clashes = await findClashes(db, { technicianIds: crewIds, ...booking });
  if (clashes.length > 0) throw await clashFailure(db, crewIds, clashes);
}

/**
 * The answer after the database refused an overlapping crew row (two bookings raced and this one
 * lost): the clash as it stands now that the winner has committed.
 */
export async function overlapFailure(
  db: Tx,
  crewIds: readonly string[],
  booking: { startsAt: string; endsAt: string; exceptVisitId: string | null },
): Promise<ApiFailure> {
  const clashes = await findClashes(db, { technicianIds: crewIds, ...booking });
  if (clashes.length > 0) return clashFailure(db, crewIds, clashes);
  return new ApiFailure('conflict', 'Someone booked the same technician at the same time a moment ago; try again.');
}

/**
 * The shift, time-off and travel rules the booking breaks, for every crew member. Travel uses the
 * offline estimate, so a booking never waits on a routing server.
 */
export async function ruleBreaches(
  db: Tx,
  crew: readonly TechnicianDto[],
  booking: Booking & { exceptVisitId: string | null },
): Promise<string[]> {
  const calendar = await defaultCalendar(db);
  const schedules: CrewMemberSchedule[] = [];
  for (const technician of crew) {
    const zone = technician.timeZone ?? calendar.timeZone;
    const day = bookingDay(booking.start, zone);
    const neighbours = await crewVisitsBetween(db, {
      technicianId: technician.id,
      from: new Date(day.start).toISOString(),
      to: new Date(day.end).toISOString(),
      exceptVisitId: booking.exceptVisitId,
    });
    schedules.push({
      name: technician.name,
      zone,
      shiftPattern: technician.shiftPattern ?? calendar.hours,
      closed: technician.shiftPattern ? [] : closedDays(calendar, zone, booking.start - DAY, booking.end + DAY),
      exceptions: await listAvailability(db, {
        technicianId: technician.id,
        from: new Date(booking.start - DAY).toISOString(),
        to: new Date(booking.end + DAY).toISOString(),
      }),
      neighbours: neighbours.map((n) => ({
        ticketNumber: n.ticketNumber,
        start: Date.parse(n.startsAt),
        end: Date.parse(n.endsAt),
        location: n.location,
      })),
    });
  }
  // The admin's travel settings, as ranking and the board's lead-ins use them.
  const { travel } = await loadDispatchSettings(db);
  return bookingBreaches(schedules, booking, offlineTravel(travel));
}

/**
 * What to store about an override: nothing when no rule is broken; the reason and the broken rules
 * when the dispatcher confirmed them; otherwise the booking is refused, naming each rule at
 * `override` so the console can ask for a reason.
 */
export function overrideFor(
  breaches: string[],
  override: { reason: string } | null,
): { reason: string; rules: string[] } | null {
  if (breaches.length === 0) return null;
  if (override) return { reason: override.reason, rules: breaches };
  throw new ApiFailure(
    'invalid_input',
    `${breaches.join('. ')}. Confirm an override with a reason to book it anyway.`,
    breaches.map((message) => ({ path: ['override'], message })),
  );
}

// A booking moves a ticket that nobody has scheduled yet to scheduled; later statuses stay.
const schedulable: readonly TicketStatus[] = ['new', 'assigned'];

/**
 * What follows the insert of a new visit, wherever it was booked (by hand or by accepting a plan):
 * the ticket becomes scheduled if nobody had scheduled it, the audit keeps both changes, and every
 * console hears of the visit and the ticket.
 */
export async function recordBooking(
  { tx, audit, publish }: WriteTx,
  booking: {
    visitId: string;
    ticket: { id: string; number: string; clientId: string; status: TicketStatus };
    technicianIds: string[];
    now: string;
    details: unknown;
  },
): Promise<void> {
  const { ticket } = booking;
  const status = schedulable.includes(ticket.status) ? 'scheduled' : ticket.status;
  await setTicketStatus(tx, ticket.id, status, booking.now);
  await audit({ entity: 'visit', entityId: booking.visitId, ticketId: ticket.id, after: booking.details });
  if (status !== ticket.status) {
    await audit({ entity: 'ticket', entityId: ticket.id, before: { status: ticket.status }, after: { status } });
  }
  await publish({
    type: 'visit.changed',
    visitId: booking.visitId,
    ticketId: ticket.id,
    number: ticket.number,
    change: 'booked',
    technicianIds: booking.technicianIds,
  });
  await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.clientId });
}
