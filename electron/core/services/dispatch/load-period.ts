import { latLngOf } from '../../../../shared/domain/travel';
// Reads what the dispatch engine needs about a period from the database: every technician's
// working time, base and live visits, and each ticket's needs, as the plain values of day-model.ts.
import { DateTime } from 'luxon';
import { type WeeklyHours } from '../../../../shared/domain/sla';
import { weeklyHours } from '../../../../shared/domain/sla.schema';
import { requiredSkillsInput } from '../../../../shared/domain/technician.schema';
import { liveVisitStatuses } from '../../../../shared/domain/visit';
import { readJson } from '../../db/json-column';
import type { Tx } from '../../db/transaction';
import { listAvailability, listTechnicians } from '../../repositories/technician.repository';
import { defaultCalendar } from '../sla/sla-config.service';
import type { BookedVisit, TechnicianSchedule, TicketNeeds } from './day-model';
import { closedDays, dayBounds, weeklyIntervals, workingIntervals, type Interval } from './working-time';

const DAY = 86_400_000;
const DEFAULT_VISIT_MINUTES = 60;

export interface DispatchPeriod {
  /** The organisation's zone: the period's dates are read in it. */
  zone: string;
  dates: string[];
  /** From the start of the first date to the end of the last, in the organisation's zone. */
  period: Interval;
  technicians: TechnicianSchedule[];
  /** Each technician's days of the period, in their own zone. */
  days: { technicianId: string; day: Interval }[];
}

/** The dates from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  const last = DateTime.fromISO(to, { zone: 'UTC' });
  // Compared as instants, not as text: the day after 9999-12-31 is "+010000-01-01", which sorts
  // before it as text, so a text comparison never ended the loop.
  for (let day = DateTime.fromISO(from, { zone: 'UTC' }); day <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate();
    if (date === null) break;
    dates.push(date);
  }
  return dates;
}

/**
 * Active technicians (or the given ones) with their working time, base and live visits in the
 * period. Visits the optimizer must not move count as pinned: those a dispatcher pinned, those
 * already under way, those with a crew (moving one member would split it) and those where the
 * technician is a helper.
 */
export async function loadPeriod(
  db: Tx,
  request: { from: string; to: string; technicianIds?: readonly string[] },
): Promise<DispatchPeriod> {
  const calendar = await defaultCalendar(db);
  const zone = calendar.timeZone;
  const dates = datesBetween(request.from, request.to);
  const period = {
    start: dayBounds(request.from, zone).start,
    end: dayBounds(request.to, zone).end,
  };
  const wanted = request.technicianIds ? new Set(request.technicianIds) : null;
  const all = (await listTechnicians(db)).filter((t) => t.active && (!wanted || wanted.has(t.id)));
  // A technician's own days may begin up to a day either side of the organisation's.
  const window = { start: period.start - DAY, end: period.end + DAY };
  const visits = await liveVisitsBetween(
    db,
    window,
    all.map((t) => t.id),
  );

  const technicians: TechnicianSchedule[] = [];
  const days: DispatchPeriod['days'] = [];
  for (const t of all) {
    const techZone = t.timeZone ?? zone;
    const ownDays = dates.map((date) => dayBounds(date, techZone));
    const exceptions = await listAvailability(db, {
      technicianId: t.id,
      from: new Date(window.start).toISOString(),
      to: new Date(window.end).toISOString(),
    });
    const pattern: WeeklyHours = t.shiftPattern ?? calendar.hours;
    const span = { start: ownDays[0]?.start ?? period.start, end: ownDays.at(-1)?.end ?? period.end };
    technicians.push({
      technicianId: t.id,
      name: t.name,
      team: t.team,
      skills: t.skills,
      certifications: t.certifications,
      working: workingIntervals(
        pattern,
        techZone,
        exceptions,
        span.start,
        span.end,
        t.shiftPattern ? [] : closedDays(calendar, techZone, span.start, span.end),
      ),
      base:
        latLngOf(t.home.latitude, t.home.longitude) ??
        (t.lastPosition ? { lat: t.lastPosition.latitude, lng: t.lastPosition.longitude } : null),
      visits: visits.get(t.id) ?? [],
      maxVisitsPerDay: t.maxVisitsPerDay,
      timeZone: techZone,
    });
    for (const day of ownDays) days.push({ technicianId: t.id, day });
  }
  return { zone, dates, period, technicians, days };
}

async function liveVisitsBetween(
  db: Tx,
  window: Interval,
  technicianIds: readonly string[],
): Promise<Map<string, BookedVisit[]>> {
  const byTechnician = new Map<string, BookedVisit[]>();
  if (technicianIds.length === 0) return byTechnician;
  const rows = await db
    .selectFrom('visit_crew as c')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .select([
      'c.technician_id',
      'c.role',
      'v.id',
      'v.ticket_id',
      'v.status',
      'v.pinned',
      'c.starts_at',
      'c.ends_at',
      's.latitude',
      's.longitude',
    ])
    .where('c.active', '=', 1)
    .where('v.status', 'in', [...liveVisitStatuses])
    .where('c.technician_id', 'in', [...technicianIds])
    .where('c.starts_at', '<', new Date(window.end).toISOString())
    .where('c.ends_at', '>', new Date(window.start).toISOString())
    .orderBy('c.starts_at')
    .execute();
  const crewSize = new Map<string, number>();
  for (const r of rows) crewSize.set(r.id, (crewSize.get(r.id) ?? 0) + 1);
  for (const r of rows) {
    const list = byTechnician.get(r.technician_id) ?? [];
    list.push({
      visitId: r.id,
      ticketId: r.ticket_id,
      start: Date.parse(r.starts_at),
      end: Date.parse(r.ends_at),
      location: latLngOf(r.latitude, r.longitude),
      pinned: Boolean(r.pinned) || r.status !== 'scheduled' || r.role !== 'lead' || (crewSize.get(r.id) ?? 1) > 1,
    });
    byTechnician.set(r.technician_id, list);
  }
  return byTechnician;
}

/**
 * The needs of the given tickets within a period: duration (stated, else an hour), skills with
 * names, site coordinates and access hours in the site's zone, and the SLA response due time
 * (none once a technician has arrived).
 */
export async function loadTicketNeeds(
  db: Tx,
  ticketIds: readonly string[],
  period: Interval,
  zone: string,
): Promise<TicketNeeds[]> {
  if (ticketIds.length === 0) return [];
  const rows = await db
    .selectFrom('tickets as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .select([
      't.id',
      't.number',
      't.priority',
      't.sla_due_at',
      't.first_arrival_at',
      't.estimated_minutes',
      't.required_skills',
      't.site_id',
      's.latitude',
      's.longitude',
      's.access_hours',
      's.time_zone as site_zone',
      'c.time_zone as client_zone',
    ])
    .where('t.id', 'in', [...ticketIds])
    .orderBy('t.number')
    .execute();
  const skillNames = new Map(
    (await db.selectFrom('skills').select(['id', 'name']).execute()).map((s) => [s.id, s.name]),
  );
  return rows.map((r) => {
    const required = r.required_skills
      ? readJson(requiredSkillsInput, r.required_skills, `tickets.required_skills of ticket ${r.id}`)
      : [];
    const hours = r.access_hours
      ? readJson(weeklyHours, r.access_hours, `sites.access_hours of site ${r.site_id ?? '?'}`)
      : null;
    return {
      ticketId: r.id,
      number: r.number,
      priority: r.priority,
      dueAt: r.sla_due_at && !r.first_arrival_at ? Date.parse(r.sla_due_at) : null,
      durationMinutes: r.estimated_minutes ?? DEFAULT_VISIT_MINUTES,
      requiredSkills: required.map((s) => ({ ...s, name: skillNames.get(s.skillId) ?? s.skillId })),
      location: latLngOf(r.latitude, r.longitude),
      access: weeklyIntervals(hours, r.site_zone ?? r.client_zone ?? zone, period.start - DAY, period.end + DAY),
    };
  });
}
