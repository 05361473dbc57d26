import { DateTime } from 'luxon';
import type {
  DayScheduleDto,
  ScheduleScope,
  ScheduleTechnicianDay,
  ScheduleVisit,
} from '../../../../shared/domain/schedule';
import { latLngOf, type LatLng, type TravelSettings } from '../../../../shared/domain/travel';
import type { BusinessCalendar } from '../../../../shared/domain/sla';
import type { VisitDto } from '../../../../shared/domain/visit';
import type { Tx } from '../../db/transaction';
import {
  availabilityOf,
  partsOfTickets,
  scheduleTicketDetails,
  techniciansInScope,
  type ScheduleTechnician,
} from '../../repositories/schedule.repository';
import { listVisits } from '../../repositories/visit.repository';
import { dayBounds, technicianShifts, type Interval } from '../dispatch/working-time';
import { suggestEtas, type EtaLeg } from '../visit-status/travel-eta';

function quantityText(quantity: number, unit: string): string {
  return unit === 'each' ? `${quantity} ×` : `${quantity} ${unit}`;
}

function localSpans(intervals: readonly Interval[], zone: string): string[] {
  const hhmm = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
  return intervals.map((i) => `${hhmm(i.start)}–${hhmm(i.end)}`);
}

/**
 * The shift a technician works on the day: their own pattern, or the organisation's hours (and
 * then not on its closed days), with extra shifts and time off applied.
 */
async function shiftsOf(
  db: Tx,
  technicians: readonly ScheduleTechnician[],
  bounds: Map<string, Interval>,
  calendar: BusinessCalendar,
  zoneOf: (t: ScheduleTechnician) => string,
): Promise<Map<string, string[]>> {
  const all = [...bounds.values()];
  const from = Math.min(...all.map((b) => b.start));
  const to = Math.max(...all.map((b) => b.end));
  const exceptions = await availabilityOf(
    db,
    technicians.map((t) => t.id),
    new Date(from).toISOString(),
    new Date(to).toISOString(),
  );
  const shifts = new Map<string, string[]>();
  for (const t of technicians) {
    const day = bounds.get(t.id);
    if (!day) continue;
    const worked = technicianShifts(
      { timeZone: zoneOf(t), shiftPattern: t.shiftPattern },
      calendar,
      exceptions.filter((e) => e.technicianId === t.id),
      day.start,
      day.end,
    );
    shifts.set(t.id, localSpans(worked, zoneOf(t)));
  }
  return shifts;
}

/**
 * The printed day for a scope: per technician with visits that day (in their own zone), the
 * visits in order with drive time from the previous stop (from base for the first), from the
 * configured travel model in one matrix request. Technicians without visits are left out.
 */
export async function daySchedule(
  db: Tx,
  request: {
    date: string;
    scope: ScheduleScope;
    scopeLabel: string;
    calendar: BusinessCalendar;
    travel: TravelSettings;
    now: string;
  },
): Promise<DayScheduleDto> {
  const technicians = await techniciansInScope(db, request.scope);
  const zoneOf = (t: ScheduleTechnician) => t.timeZone ?? request.calendar.timeZone;
  const bounds = new Map(technicians.map((t) => [t.id, dayBounds(request.date, zoneOf(t))]));

  // One visit query per zone: the same date is a different day in each zone.
  const byZone = new Map<string, ScheduleTechnician[]>();
  for (const t of technicians) byZone.set(zoneOf(t), [...(byZone.get(zoneOf(t)) ?? []), t]);
  const visitsOf = new Map<string, VisitDto[]>();
  for (const [zone, group] of byZone) {
    const day = dayBounds(request.date, zone);
    const ids = group.map((t) => t.id);
    const visits = await listVisits(db, {
      from: new Date(day.start).toISOString(),
      to: new Date(day.end).toISOString(),
      technicianIds: ids,
      includeCancelled: false,
    });
    for (const id of ids) {
      const own = visits.filter((v) => v.crew.some((c) => c.technicianId === id));
      if (own.length > 0) visitsOf.set(id, own);
    }
  }
  // Sorted here, not by the database: SQLite and PostgreSQL collate names differently.
  const working = technicians
    .filter((t) => visitsOf.has(t.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
  if (working.length === 0) return { date: request.date, scopeLabel: request.scopeLabel, technicians: [] };

  const ticketIds = [...new Set([...visitsOf.values()].flat().map((v) => v.ticketId))];
  const [details, parts, shifts] = await Promise.all([
    scheduleTicketDetails(db, ticketIds),
    partsOfTickets(db, ticketIds),
    shiftsOf(db, working, bounds, request.calendar, zoneOf),
  ]);

  const legs: EtaLeg[] = [];
  for (const t of working) {
    let previous: LatLng | null = latLngOf(t.home.latitude, t.home.longitude);
    for (const visit of visitsOf.get(t.id) ?? []) {
      const site = visit.site ? latLngOf(visit.site.latitude, visit.site.longitude) : null;
      legs.push({ from: previous, to: site, plannedStart: visit.startsAt });
      // An unplaced site says nothing about where the next drive starts.
      previous = site ?? null;
    }
  }
  const drives = await suggestEtas(request.travel, legs, request.now);

  let leg = 0;
  const days: ScheduleTechnicianDay[] = working.map((t) => {
    const visits: ScheduleVisit[] = (visitsOf.get(t.id) ?? []).map((v) => {
      const d = details.get(v.ticketId);
      return {
        visitId: v.id,
        ticketNumber: v.ticketNumber,
        priority: v.priority,
        status: v.status,
        startsAt: v.startsAt,
        endsAt: v.endsAt,
        clientName: v.clientName,
        siteName: v.site?.name ?? null,
        siteAddress: v.site?.address ?? null,
        contact: d?.contactName ? { name: d.contactName, phone: d.contactPhone } : null,
        accessRequirements: d?.accessRequirements ?? null,
        description: d?.description ?? v.ticketSummary,
        workType: d?.workType ?? null,
        parts: parts
          .filter((p) => p.ticketId === v.ticketId)
          .map((p) => `${quantityText(p.quantity, p.unit)} ${p.name} (${p.sku})`),
        crew: v.crew,
        driveMinutes: drives[leg++]?.travelMinutes ?? null,
        checklist: v.checklist,
        location: v.site ? latLngOf(v.site.latitude, v.site.longitude) : null,
      };
    });
    const first = visits[0];
    const firstDepartureAt =
      first && first.driveMinutes !== null
        ? new Date(Date.parse(first.startsAt) - first.driveMinutes * 60_000).toISOString()
        : null;
    return {
      technicianId: t.id,
      name: t.name,
      team: t.team,
      phone: t.phone,
      timeZone: zoneOf(t),
      shift: shifts.get(t.id) ?? [],
      firstDepartureAt,
      base: latLngOf(t.home.latitude, t.home.longitude),
      visits,
    };
  });
  return { date: request.date, scopeLabel: request.scopeLabel, technicians: days };
}
