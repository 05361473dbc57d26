import type { ScheduleScope } from '../../../shared/domain/schedule';
import type { AvailabilityDto } from '../../../shared/domain/technician';
import type { WeeklyHours } from '../../../shared/domain/sla.schema';
import { weeklyHours } from '../../../shared/domain/sla.schema';
import { readJson } from '../db/json-column';
import type { Tx } from '../db/transaction';

/** A technician as a printed day needs them: who, where they rest, and their shift. */
export interface ScheduleTechnician {
  id: string;
  name: string;
  team: string | null;
  phone: string | null;
  timeZone: string | null;
  shiftPattern: WeeklyHours | null;
  home: { latitude: number | null; longitude: number | null };
}

/**
 * The technicians a scope names: the one asked for (even if inactive, their past days still
 * print), or the active members of a team, or every active technician; by name.
 */
export async function techniciansInScope(db: Tx, scope: ScheduleScope): Promise<ScheduleTechnician[]> {
  let query = db
    .selectFrom('technicians')
    .select(['id', 'name', 'team', 'phone', 'time_zone', 'shift_pattern', 'home_latitude', 'home_longitude']);
  if ('technicianId' in scope) query = query.where('id', '=', scope.technicianId);
  else {
    query = query.where('active', '=', 1);
    if ('team' in scope) query = query.where('team', '=', scope.team);
  }
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    team: r.team,
    phone: r.phone,
    timeZone: r.time_zone,
    shiftPattern: r.shift_pattern
      ? readJson(weeklyHours, r.shift_pattern, `technicians.shift_pattern of technician ${r.id}`)
      : null,
    home: { latitude: r.home_latitude, longitude: r.home_longitude },
  }));
}

/** Whether any technician, active or not, is on the team: an unknown team is a typo, not an empty day. */
export async function teamExists(db: Tx, team: string): Promise<boolean> {
  const row = await db.selectFrom('technicians').select('id').where('team', '=', team).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** What a printed visit shows beyond the visit itself, per ticket. */
export interface ScheduleTicketDetails {
  description: string;
  contactName: string | null;
  contactPhone: string | null;
  accessRequirements: string | null;
  workType: string | null;
}

export async function scheduleTicketDetails(
  db: Tx,
  ticketIds: readonly string[],
): Promise<Map<string, ScheduleTicketDetails>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tickets as t')
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('work_types as w', 'w.id', 't.work_type_id')
    .select(['t.id', 't.description', 'c.name', 'c.phone', 's.access_requirements', 'w.name as work_type'])
    .where('t.id', 'in', [...ticketIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        description: r.description,
        contactName: r.name,
        contactPhone: r.phone,
        accessRequirements: r.access_requirements,
        workType: r.work_type,
      },
    ]),
  );
}

/** The parts recorded on the tickets' work logs so far, in the order they were written down. */
export async function partsOfTickets(
  db: Tx,
  ticketIds: readonly string[],
): Promise<{ ticketId: string; quantity: number; unit: string; name: string; sku: string }[]> {
  if (ticketIds.length === 0) return [];
  const rows = await db
    .selectFrom('visit_parts as vp')
    .innerJoin('visits as v', 'v.id', 'vp.visit_id')
    .innerJoin('parts as p', 'p.id', 'vp.part_id')
    .select(['v.ticket_id', 'vp.quantity', 'p.unit', 'p.name', 'p.sku'])
    .where('v.ticket_id', 'in', [...ticketIds])
    .orderBy('v.starts_at')
    .orderBy('vp.position')
    .execute();
  // pg returns numeric columns as strings unless told otherwise.
  return rows.map((r) => ({
    ticketId: r.ticket_id,
    quantity: Number(r.quantity),
    unit: r.unit,
    name: r.name,
    sku: r.sku,
  }));
}

/** Time off, sick leave and extra shifts of some technicians that overlap [from, to). */
export async function availabilityOf(
  db: Tx,
  technicianIds: readonly string[],
  from: string,
  to: string,
): Promise<AvailabilityDto[]> {
  if (technicianIds.length === 0) return [];
  const rows = await db
    .selectFrom('technician_availability')
    .selectAll()
    .where('technician_id', 'in', [...technicianIds])
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    technicianId: r.technician_id,
    kind: r.kind,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    note: r.note,
  }));
}
