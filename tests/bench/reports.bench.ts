// The reports on 100,000 closed tickets and 150,000 visits (issue 15 §2), on SQLite and on a
// throwaway PostgreSQL cluster: how long each report takes over a year and over two, a drill-down
// and an export. Prints numbers; asserts nothing. The rows are bulk-inserted (the API would take
// hours to close 100,000 tickets) but hold what the closing methods write: a closing in force with
// its SLA outcome, the ticket's first arrival, visits that arrived and finished, their crew rows,
// and escalations, reviews and feedback on a share of the tickets.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Insertable } from 'kysely';
import { reviewTags } from '../../shared/domain/closure';
import { escalationKinds } from '../../shared/domain/escalation';
import { priorities } from '../../shared/domain/ticket';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import type {
  EscalationsTable,
  FeedbackTable,
  TechniciansTable,
  TicketReviewsTable,
  TicketClosuresTable,
  TicketsTable,
  VisitCrewTable,
  VisitsTable,
} from '../../electron/core/db/schema';
import { inTransaction, type Tx } from '../../electron/core/db/transaction';
import { startRuntime } from '../../electron/core/runtime';
import { formatTicketNumber } from '../../electron/core/services/ticket-number';
import { findPostgresBin } from '../support/postgres-bin';
import { startThrowawayPostgres } from '../support/postgres-global-setup';

const TICKETS = Number(process.env.BENCH_REPORT_TICKETS ?? 100_000);
const TECHNICIANS = 60;
const TEAMS = ['North', 'South', 'East', 'West', 'Central', 'Metro'];
/** Two years of closings, 2025-01-01 to 2026-12-31 (about 137 a day). */
const FIRST_DAY = Date.parse('2025-01-01T13:00:00Z');
const SPAN_MS = 730 * 86_400_000;
const BATCH = 500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function seedClosedTickets(
  tx: Tx,
  userId: string,
  clients: { id: string; siteIds: string[] }[],
): Promise<void> {
  const technicians = Array.from({ length: TECHNICIANS }, (_, i): Insertable<TechniciansTable> => ({
    id: randomUUID(),
    user_id: null,
    name: `Bench Technician ${String(i + 1).padStart(2, '0')}`,
    phone: null,
    email: null,
    home_address: null,
    home_latitude: null,
    home_longitude: null,
    last_latitude: null,
    last_longitude: null,
    last_position_at: null,
    active: 1,
    created_at: iso(FIRST_DAY),
    team: TEAMS[i % TEAMS.length] ?? null,
    max_visits_per_day: null,
    time_zone: null,
    shift_pattern: null,
  }));
  await tx.insertInto('technicians').values(technicians).execute();
  const techIds = technicians.map((t) => t.id);
  // Each technician's visits follow one another an hour apart: never two at once.
  const nextSlot = new Map<string, number>();
  const slot = (technicianId: string, notBefore: number) => {
    const at = Math.max(nextSlot.get(technicianId) ?? 0, notBefore);
    nextSlot.set(technicianId, at + 3_600_000);
    return at;
  };
  for (let i = 0; i < TICKETS; i += BATCH) {
    const tickets: Insertable<TicketsTable>[] = [];
    const visits: Insertable<VisitsTable>[] = [];
    const closures: Insertable<TicketClosuresTable>[] = [];
    const crew: Insertable<VisitCrewTable>[] = [];
    const escalations: Insertable<EscalationsTable>[] = [];
    const reviews: Insertable<TicketReviewsTable>[] = [];
    const feedback: Insertable<FeedbackTable>[] = [];
    for (let n = i; n < Math.min(i + BATCH, TICKETS); n += 1) {
      const client = clients[n % clients.length];
      if (!client) throw new Error('no clients');
      const received = FIRST_DAY + Math.floor((n * SPAN_MS) / TICKETS);
      const priority = priorities[n % 4] ?? 'low';
      const slaHours = [2, 4, 8, 24][n % 4] ?? 24;
      const due = received + slaHours * 3_600_000;
      // One ticket in five is answered late; one in two takes a second visit.
      const lead = techIds[(n * 7) % TECHNICIANS] ?? '';
      const arrival = slot(lead, received + (n % 5 === 0 ? slaHours + 1 : slaHours / 2) * 3_600_000);
      const twoVisits = n % 2 === 0;
      const second = twoVisits ? slot(techIds[(n * 11) % TECHNICIANS] ?? lead, arrival + 86_400_000) : null;
      const closed = (second ?? arrival) + 2 * 3_600_000;
      const ticketId = randomUUID();
      tickets.push({
        id: ticketId,
        number: formatTicketNumber(2025, n + 1),
        channel: (['phone', 'email', 'portal'] as const)[n % 3] ?? 'phone',
        external_ref: null,
        received_at: iso(received),
        logged_at: iso(received),
        logged_by: userId,
        client_id: client.id,
        contact_id: null,
        site_id: client.siteIds[n % client.siteIds.length] ?? null,
        category: null,
        asset: null,
        description: `Bench ticket ${n}`,
        impact: null,
        urgency: null,
        priority,
        status: 'closed',
        sla_due_at: iso(due),
        updated_at: iso(closed),
        first_arrival_at: iso(arrival),
        response_kind: 'on_site',
        closed_at: iso(closed),
      });
      const visit = (technicianId: string, at: number, status: 'completed' | 'incomplete') => ({
        id: randomUUID(),
        ticket_id: ticketId,
        technician_id: technicianId,
        starts_at: iso(at),
        ends_at: iso(at + 3_600_000),
        resolve_from: null,
        resolve_by: null,
        status,
        pinned: 0,
        contact_confirmed: 1,
        contact_name: null,
        contact_method: null,
        location_confirmed: 1,
        access_badge: 0,
        access_escort: 0,
        access_parking: 0,
        access_hours: 0,
        access_notes: null,
        override_reason: null,
        override_rules: null,
        cancel_reason: null,
        version: 1,
        created_at: iso(received),
        created_by: userId,
        updated_at: iso(at + 3_600_000),
        updated_by: userId,
        en_route_at: iso(at - 1_800_000),
        eta_at: iso(at),
        arrived_at: iso(at),
        finished_at: iso(at + 3_600_000),
        incomplete_reason: status === 'incomplete' ? ('needs_parts' as const) : null,
        status_note: null,
      });
      visits.push(visit(lead, arrival, twoVisits ? 'incomplete' : 'completed'));
      if (second !== null) visits.push(visit(techIds[(n * 11) % TECHNICIANS] ?? lead, second, 'completed'));
      // Each visit's lead holds its time, as visits.create records it (the utilization report reads it).
      for (const v of visits.slice(visits.length - (second === null ? 1 : 2))) {
        crew.push({
          visit_id: v.id,
          technician_id: v.technician_id,
          role: 'lead',
          starts_at: v.starts_at,
          ends_at: v.ends_at,
          active: 0,
        });
      }
      const closureId = randomUUID();
      // One ticket in five escalated (most acknowledged), one in two reviewed, one in three scored.
      if (n % 5 === 0) {
        escalations.push({
          id: randomUUID(),
          ticket_id: ticketId,
          level: n % 10 === 0 ? 2 : 1,
          kind: escalationKinds[n % escalationKinds.length] ?? 'manual',
          reason: 'Bench escalation',
          auto_key: null,
          created_at: iso(received + 3_600_000),
          created_by: userId,
          acknowledged_at: n % 15 === 0 ? null : iso(received + 3_600_000 + (n % 90) * 60_000),
          acknowledged_by: n % 15 === 0 ? null : userId,
          acknowledgement_note: null,
        });
      }
      if (n % 2 === 0) {
        reviews.push({
          id: randomUUID(),
          ticket_id: ticketId,
          closure_id: closureId,
          note: 'Bench review',
          tags: JSON.stringify(n % 4 === 0 ? [reviewTags[n % reviewTags.length]] : []),
          sop_followed: n % 8 === 0 ? 0 : 1,
          reviewed_at: iso(closed + 86_400_000),
          reviewed_by: userId,
        });
      }
      if (n % 3 === 0) {
        feedback.push({
          id: randomUUID(),
          ticket_id: ticketId,
          request_id: null,
          score: 1 + (n % 5),
          comment: null,
          source: 'phone',
          recorded_by: userId,
          recorded_at: iso(closed + 2 * 86_400_000),
          problem_back: 0,
          new_ticket_id: null,
        });
      }
      closures.push({
        id: closureId,
        ticket_id: ticketId,
        closed_at: iso(closed),
        closed_by: userId,
        resolution_summary: 'Fixed',
        sla_outcome: arrival <= due ? 'met' : 'missed',
        sla_minutes: Math.round((arrival - due) / 60_000),
        reopened_at: null,
        reopened_by: null,
        reopen_reason: null,
        first_time_fix: twoVisits ? 0 : 1,
      });
    }
    await tx.insertInto('tickets').values(tickets).execute();
    await tx.insertInto('visits').values(visits).execute();
    await tx.insertInto('ticket_closures').values(closures).execute();
    await tx.insertInto('visit_crew').values(crew).execute();
    if (escalations.length > 0) await tx.insertInto('escalations').values(escalations).execute();
    if (reviews.length > 0) await tx.insertInto('ticket_reviews').values(reviews).execute();
    if (feedback.length > 0) await tx.insertInto('feedback').values(feedback).execute();
  }
}

async function benchOne(label: string, database: DatabaseConfig): Promise<void> {
  const runtime = await startRuntime({ database, demo: 'basic', slaWatchIntervalMs: false });
  try {
    const { db } = runtime.database;
    const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const clientRows = await db.selectFrom('clients').select('id').execute();
    const siteRows = await db.selectFrom('sites').select(['id', 'client_id']).execute();
    const clients = clientRows.map((c) => ({
      id: c.id,
      siteIds: siteRows.filter((s) => s.client_id === c.id).map((s) => s.id),
    }));
    let t = performance.now();
    await inTransaction(runtime.database, (tx) => seedClosedTickets(tx, admin.id, clients));
    const visitCount = await db
      .selectFrom('visits')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `reports (${label}): ${TICKETS.toLocaleString('en')} closed tickets and ${Number(visitCount.n).toLocaleString('en')} visits written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    // Fresh bulk-loaded tables have no statistics yet; a real database has them from autovacuum.
    if (database.kind === 'postgres') await sql`analyze`.execute(db);

    const login = await runtime.core.invoke('auth.login', { username: 'manager', password: 'demo' }, {});
    const session = login.session;
    if (!session || session === 'ended') throw new Error('manager login failed');
    const credentials = { sessionToken: session.token };
    const call = async (method: string, input: unknown) => {
      const outcome = await runtime.core.invoke(method, input, credentials);
      if (!outcome.result.ok) throw new Error(`${method}: ${JSON.stringify(outcome.result.error)}`);
      return outcome.result.value;
    };
    const time = async (name: string, run: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        t = performance.now();
        await run();
        samples.push(performance.now() - t);
      }
      console.log(
        `reports (${label}): ${name}: median ${median(samples).toFixed(0)} ms, worst ${Math.max(...samples).toFixed(0)} ms (of 5)`,
      );
    };

    const year = { from: '2026-01-01', to: '2026-12-31' };
    const twoYears = { from: '2025-01-01', to: '2026-12-31' };
    for (const groupBy of ['priority', 'client', 'site', 'technician', 'team', 'week', 'month'] as const) {
      await time(`SLA adherence, two years by ${groupBy}`, () =>
        call('reports.slaAdherence', { ...twoYears, groupBy }),
      );
    }
    await time('SLA adherence, one year by day', () => call('reports.slaAdherence', { ...year, groupBy: 'day' }));
    await time('SLA adherence, two years, one team, by technician', () =>
      call('reports.slaAdherence', { ...twoYears, groupBy: 'technician', team: 'North' }),
    );
    await time('volumes and backlog, two years by month', () =>
      call('reports.volumes', { ...twoYears, groupBy: 'month' }),
    );
    await time('first-time fix, two years by technician', () =>
      call('reports.firstTimeFix', { ...twoYears, groupBy: 'technician' }),
    );
    await time('escalations, two years by month', () => call('reports.escalations', { ...twoYears, groupBy: 'month' }));
    await time('escalations, two years by team', () => call('reports.escalations', { ...twoYears, groupBy: 'team' }));
    await time('review and feedback, two years by month', () =>
      call('reports.review', { ...twoYears, groupBy: 'month' }),
    );
    await time('review and feedback, two years by technician', () =>
      call('reports.review', { ...twoYears, groupBy: 'technician' }),
    );
    await time('utilization, one year by technician', () =>
      call('reports.utilization', { ...year, groupBy: 'technician' }),
    );
    await time('utilization, one year by month', () => call('reports.utilization', { ...year, groupBy: 'month' }));
    await time('drill-down: one priority missed in a year (up to 5,000 tickets)', () =>
      call('reports.tickets', { ...year, groupBy: 'priority', key: 'critical', outcome: 'missed' }),
    );
    await time('export: two years by month as XLSX', () =>
      call('reports.export', { ...twoYears, groupBy: 'month', format: 'xlsx' }),
    );
  } finally {
    await runtime.close();
  }
}

export async function benchReports(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-reports-'));
  try {
    await benchOne('SQLite', { kind: 'sqlite', file: path.join(dir, 'r.sqlite') });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const bin = findPostgresBin();
  if (!bin) {
    console.log('reports (PostgreSQL): skipped, PostgreSQL is not installed (apt-get install -y postgresql)');
    return;
  }
  const cluster = await startThrowawayPostgres(bin);
  try {
    await benchOne('PostgreSQL', { kind: 'postgres', url: cluster.url });
  } finally {
    cluster.stop();
  }
}

// `npx tsx tests/bench/reports.bench.ts` runs this one alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchReports().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
