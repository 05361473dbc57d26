import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { nextFreeMonday, startApiFixture, type ApiFixture } from '../support/api-fixture';
import { utcWords } from '../../shared/time/instant-words';
import { documentedTicket, loggedTicket } from '../support/closure-scenario';
import { manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;

describe('the ticket timeline over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });

  beforeAll(async () => {
    f = await startApiFixture(env, { clock });
  });

  it('lists every event of a ticket from logging to review, oldest first, in words, with who did it', async () => {
    const earlier = await loggedTicket(f, { now: clock.now(), receivedMinutesAgo: 3000 });
    clock.advance(MINUTE);
    const { ticket } = await documentedTicket(f, clock, {}, { deskConfirmation: false });
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'tickets.confirmResolution',
        { ticketId: ticket.id, confirmedBy: 'Kim Abercrombie', method: 'phone' },
        as('support_desk'),
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'tickets.overridePriority',
        { id: ticket.id, priority: 'critical', reason: 'Line down' },
        as('dispatcher'),
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'escalations.create',
        { ticketId: ticket.id, reason: 'Client called twice' },
        as('service_manager'),
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call('tickets.link', { ticketId: ticket.id, earlierTicketId: earlier.id }, as('support_desk')),
    );
    clock.advance(MINUTE);
    const current = valueOf(await f.server.call('tickets.get', { id: ticket.id }, as('admin')));
    valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: ticket.id, expectedVersion: current.version, resolutionSummary: 'Belt replaced' },
        as('dispatcher'),
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'reviews.record',
        { ticketId: ticket.id, note: 'Clean job', tags: [], sopFollowed: true },
        as('service_manager'),
      ),
    );

    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: ticket.id }, as('technician')));
    expect(timeline.map((e) => [e.kind, e.title, e.by])).toEqual([
      ['logged', 'Logged', 'Alex Admin'],
      ['visit_booked', 'Visit booked', 'Alex Admin'],
      ['status', 'Status: Scheduled', 'Alex Admin'],
      ['visit_status', 'Visit on site', 'Dev Dispatcher'],
      ['status', 'Status: In progress', 'Dev Dispatcher'],
      ['visit_status', 'Visit completed', 'Dev Dispatcher'],
      ['work_log', 'Work log recorded', 'Dev Dispatcher'],
      ['resolution_confirmed', 'Resolution confirmed by the client', 'Dana Desk'],
      ['prioritized', 'Priority set to Critical', 'Dev Dispatcher'],
      ['escalated', 'Escalated (level 1)', 'Morgan Manager'],
      ['linked', `Linked to earlier ticket ${earlier.number}`, 'Dana Desk'],
      ['closed', 'Closed', 'Dev Dispatcher'],
      ['reviewed', 'Reviewed: SOP followed', 'Morgan Manager'],
    ]);
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort());
    const detail = Object.fromEntries(timeline.map((e) => [e.kind, e.detail]));
    expect(detail.logged).toBe('phone, High priority');
    expect(detail.prioritized).toBe('Line down');
    expect(detail.escalated).toBe('Client called twice');
    expect(detail.resolution_confirmed).toBe('Kim Abercrombie · Phone');
    expect(detail.closed).toMatch(/^SLA (met|missed).* · Belt replaced$/);
    expect(detail.reviewed).toBe('Clean job');
    // The booking's time in UTC words, and which instant it is, for the reader's console to re-word.
    const booking = timeline.find((e) => e.kind === 'visit_booked');
    expect(booking?.times).toHaveLength(1);
    expect(booking?.detail).toBe(utcWords(booking?.times[0] ?? ''));
    expect(timeline.find((e) => e.kind === 'logged')?.times).toEqual([]);

    const other = valueOf(await f.server.call('tickets.timeline', { ticketId: earlier.id }, as('support_desk')));
    expect(other.map((e) => e.title)).toEqual(['Logged', `Follow-up ticket ${ticket.number} linked`]);
  });

  it("names the SLA watcher and the console's own work, and shows rows it does not know in generic words", async () => {
    const ticket = await loggedTicket(f, { now: clock.now() });
    // A minute before the due time the ticket is well past its at-risk point: the watcher escalates.
    clock.set(new Date(Date.parse(ticket.slaDueAt ?? '') - MINUTE).toISOString());
    f.cookies = await f.server.loginDemoUsers();
    await f.server.runtime.slaWatcher.tick();
    clock.advance(MINUTE);
    // The demo technician's own visit, so the crew reports it themselves.
    const booked = valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId: ticket.id,
          technicianId: f.ownTechnicianId,
          startsAt: nextFreeMonday(),
          durationMinutes: 60,
          override: { reason: 'Outside the shift on purpose' },
        },
        as('admin'),
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: booked.id, expectedVersion: booked.version, status: 'on_site' },
        as('technician'),
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'workLogs.save',
        {
          visitId: booked.id,
          expectedVersion: 0,
          actions: 'Reset the controller',
          steps: [],
          parts: [],
          noParts: true,
          outcome: 'resolved',
        },
        as('technician'),
      ),
    );
    // No method of this version writes such a row (a newer workstation's, say); it is dated before
    // the watcher's and written last, so the timeline has to sort it into place.
    await f.server.runtime.database.db
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        at: new Date(Date.parse(ticket.loggedAt) + 1000).toISOString(),
        user_id: null,
        method: 'someday.newThing',
        entity: 'gadget_setting',
        entity_id: randomUUID(),
        ticket_id: ticket.id,
        before: null,
        after: JSON.stringify({ x: 1 }),
      })
      .execute();
    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: ticket.id }, as('supervisor')));
    expect(timeline.map((e) => [e.kind, e.title, e.detail, e.by])).toEqual([
      ['logged', 'Logged', 'phone, High priority', 'Alex Admin'],
      ['other', 'gadget setting changed', 'someday.newThing', 'System'],
      ['escalated', 'Escalated (level 1)', 'At risk', 'SLA watcher'],
      ['visit_booked', 'Visit booked', expect.any(String), 'Alex Admin'],
      ['status', 'Status: Scheduled', 'was New', 'Alex Admin'],
      ['visit_status', 'Visit on site', null, 'Toni Technician'],
      ['status', 'Status: In progress', 'was Scheduled', 'Toni Technician'],
      ['work_log', 'Work log recorded', 'resolved', 'Toni Technician'],
    ]);
  });

  it('tells an arrival after en route as the SLA response, not as a status that did not change', async () => {
    const ticket = await loggedTicket(f, { now: clock.now() });
    const booked = valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId: ticket.id,
          technicianId: f.ownTechnicianId,
          startsAt: nextFreeMonday(),
          durationMinutes: 60,
          override: { reason: 'Outside the shift on purpose' },
        },
        as('admin'),
      ),
    );
    clock.advance(MINUTE);
    const enRoute = valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: booked.id, expectedVersion: booked.version, status: 'en_route' },
        as('technician'),
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: booked.id, expectedVersion: enRoute.version, status: 'on_site' },
        as('technician'),
      ),
    );
    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: ticket.id }, as('dispatcher')));
    const statuses = timeline.filter((e) => e.kind === 'status').map((e) => [e.title, e.detail]);
    expect(statuses).toEqual([
      ['Status: Scheduled', 'was New'],
      ['Status: In progress', 'was Scheduled'],
      ['SLA response: first arrival on site', null],
    ]);
  });

  it('answers not_found for a ticket that does not exist', async () => {
    const reply = await f.server.call('tickets.timeline', { ticketId: randomUUID() }, as('dispatcher'));
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
