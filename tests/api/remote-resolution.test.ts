import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import type { TicketDto } from '../../shared/domain/ticket';
import { nextFreeMonday, startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentVisit, loggedTicket } from '../support/closure-scenario';
import { countRows, manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('a ticket resolved remotely, without a visit (issue 19, item 1)', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  let signOffWorkType: string;
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const now = () => clock.now();
  const minutesAgo = (minutes: number) => new Date(now().getTime() - minutes * MINUTE).toISOString();

  beforeAll(async () => {
    f = await startApiFixture(env, { clock });
    signOffWorkType = valueOf(
      await f.server.call(
        'workTypes.save',
        { name: 'Printer repair', durationMinutes: 45, requiredSkills: [], signOffRequired: true },
        as('admin'),
      ),
    ).id;
  });

  async function advance(ms: number) {
    clock.advance(ms);
    f.cookies = await f.server.loginDemoUsers();
  }

  function remotely(ticket: TicketDto, changes: Record<string, unknown> = {}, role: Role = 'support_desk') {
    return f.server.call(
      'tickets.recordRemoteResolution',
      {
        ticketId: ticket.id,
        expectedVersion: ticket.version,
        channel: 'remote_session',
        respondedAt: minutesAgo(20),
        resolution: 'Cleared the stuck print job and restarted the spooler',
        steps: ['Connected to the front desk PC', 'Restarted the print spooler', 'Printed a test page'],
        confirmedBy: 'Kim Abercrombie',
        ...changes,
      },
      as(role),
    );
  }

  async function refusedWithNothingWritten(call: () => Promise<{ body: unknown }>) {
    const before = await countRows(f.server.runtime.database);
    const reply = await call();
    expect(await countRows(f.server.runtime.database), 'rows after the refusal').toEqual(before);
    return reply.body as { ok: boolean; error?: { code: string; message: string; issues?: { path: unknown[] }[] } };
  }

  const checkOf = async (ticketId: string) =>
    valueOf(await f.server.call('tickets.closureCheck', { ticketId }, as('dispatcher')));

  it('the desk records it; the start of the remote work is the SLA response moment; the gate is met and it closes as a first-time fix', async () => {
    const ticket = await loggedTicket(f, { now: now(), receivedMinutesAgo: 45, workTypeId: signOffWorkType });
    const respondedAt = minutesAgo(30);
    const resolved = valueOf(await remotely(ticket, { respondedAt }));
    expect(resolved).toMatchObject({
      status: 'resolved',
      version: ticket.version + 1,
      firstArrivalAt: respondedAt,
      responseKind: 'remote',
      remoteResolution: {
        channel: 'remote_session',
        respondedAt,
        resolvedAt: now().toISOString(),
        confirmedAt: now().toISOString(),
        confirmedBy: 'Kim Abercrombie',
        steps: ['Connected to the front desk PC', 'Restarted the print spooler', 'Printed a test page'],
        recordedBy: 'Dana Desk',
        current: true,
      },
    });

    // Resolved is not closed: the queue keeps it until a dispatcher closes it.
    const queue = valueOf(await f.server.call('tickets.queue', {}, as('dispatcher')));
    expect(queue.find((q) => q.id === ticket.id)?.status).toBe('resolved');

    const check = await checkOf(ticket.id);
    expect(check.ready).toBe(true);
    const detail = Object.fromEntries(check.requirements.map((r) => [r.key, r.detail]));
    expect(detail.steps).toBe('Resolved remotely (remote session): 3 steps recorded.');
    expect(detail.parts).toBe('None: resolved remotely (remote session), without a visit.');
    expect(detail.sign_off).toBe('Not required (remote resolution).');
    expect(detail.resolution).toMatch(/^Confirmed by Kim Abercrombie at .* UTC, resolved remotely/);

    // The desk may record it but not close it.
    const byDesk = await refusedWithNothingWritten(() =>
      f.server.call('tickets.close', { ticketId: ticket.id, expectedVersion: resolved.version }, as('support_desk')),
    );
    expect(byDesk.error?.code).toBe('forbidden');

    await advance(MINUTE);
    const closed = valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: ticket.id, expectedVersion: resolved.version },
        as('dispatcher'),
      ),
    );
    const due = Date.parse(ticket.slaDueAt ?? '');
    expect(closed.closure).toMatchObject({
      resolvedRemotely: true,
      firstTimeFix: true,
      slaOutcome: 'met',
      slaMinutes: Math.floor((due - Date.parse(respondedAt)) / MINUTE),
    });

    const pending = valueOf(await f.server.call('reviews.pending', {}, as('service_manager')));
    expect(pending.find((p) => p.ticketId === ticket.id)).toMatchObject({ resolvedRemotely: true, firstTimeFix: true });

    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: ticket.id }, as('technician')));
    const remote = timeline.find((e) => e.kind === 'remote_resolution');
    expect(remote).toMatchObject({ title: 'Resolved remotely (remote session)', by: 'Dana Desk' });
    expect(remote?.detail).toContain('Cleared the stuck print job and restarted the spooler · 3 steps');
    expect(remote?.detail).toContain('confirmed by Kim Abercrombie');
    expect(timeline.some((e) => e.kind === 'status' && e.title === 'Status: Resolved')).toBe(true);
    expect(timeline.find((e) => e.kind === 'closed')?.detail).toMatch(
      /SLA met .* · resolved remotely · first-time fix/,
    );
  });

  it('a remote start after the due time misses the SLA by that much', async () => {
    const ticket = await loggedTicket(f, { now: now(), receivedMinutesAgo: 10 });
    const due = Date.parse(ticket.slaDueAt ?? '');
    await advance(due - now().getTime() + 90 * MINUTE);
    const respondedAt = new Date(due + 75 * MINUTE).toISOString();
    const resolved = valueOf(await remotely(ticket, { respondedAt, channel: 'phone' }, 'dispatcher'));
    await advance(MINUTE);
    const closed = valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: ticket.id, expectedVersion: resolved.version },
        as('dispatcher'),
      ),
    );
    expect(closed.closure).toMatchObject({ slaOutcome: 'missed', slaMinutes: 75, resolvedRemotely: true });
  });

  it('after a visit worked on site, the visit still needs its documentation, its arrival stays the response, and it is not a first-time fix', async () => {
    const ticket = await loggedTicket(f, { now: now(), receivedMinutesAgo: 30 });
    const { ticket: visited } = await documentVisit(f, clock, ticket, {
      actions: '',
      steps: [],
      partSku: null,
      deskConfirmation: false,
    });
    expect(visited.responseKind).toBe('on_site');
    await advance(MINUTE);
    const current = valueOf(await f.server.call('tickets.get', { id: ticket.id }, as('dispatcher')));
    const resolved = valueOf(await remotely(current, { respondedAt: minutesAgo(1) }));
    expect(resolved.firstArrivalAt).toBe(visited.firstArrivalAt);
    expect(resolved.responseKind).toBe('on_site');

    const check = await checkOf(ticket.id);
    expect(check.requirements.filter((r) => !r.met).map((r) => r.key)).toEqual(['steps', 'parts']);

    const visit = valueOf(await f.server.call('visits.forTicket', { ticketId: ticket.id }, as('dispatcher')))[0];
    await advance(MINUTE);
    valueOf(
      await f.server.call(
        'workLogs.save',
        {
          visitId: visit?.id ?? '',
          expectedVersion: 0,
          actions: 'Checked the wiring; fault not found on site',
          steps: [],
          parts: [],
          noParts: true,
          outcome: 'not_resolved',
        },
        as('dispatcher'),
      ),
    );
    const ready = await checkOf(ticket.id);
    expect(ready.ready).toBe(true);
    await advance(MINUTE);
    const closed = valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: ticket.id, expectedVersion: resolved.version },
        as('dispatcher'),
      ),
    );
    expect(closed.closure).toMatchObject({ resolvedRemotely: true, firstTimeFix: false });
  });

  it('a visit still booked must be cancelled before closing', async () => {
    const ticket = await loggedTicket(f, { now: now() });
    const visit = valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId: ticket.id,
          technicianId: f.technicianId,
          startsAt: nextFreeMonday(),
          durationMinutes: 60,
          override: { reason: 'Any Monday' },
        },
        as('dispatcher'),
      ),
    );
    const booked = valueOf(await f.server.call('tickets.get', { id: ticket.id }, as('dispatcher')));
    await advance(MINUTE);
    valueOf(await remotely(booked));
    const check = await checkOf(ticket.id);
    expect(check.requirements.filter((r) => !r.met).map((r) => r.key)).toEqual(['visits_settled']);
    await advance(MINUTE);
    valueOf(
      await f.server.call(
        'visits.cancel',
        { id: visit.id, expectedVersion: visit.version, reason: 'Fixed by phone' },
        as('dispatcher'),
      ),
    );
    expect((await checkOf(ticket.id)).ready).toBe(true);
  });

  it('refuses, writing nothing: a crew under way, a ticket not open, a stale version, times out of order', async () => {
    const ticket = await loggedTicket(f, { now: now(), receivedMinutesAgo: 30 });
    const { ticket: onSite } = await documentVisit(f, clock, ticket, { finished: false, deskConfirmation: false });
    const underWay = await refusedWithNothingWritten(() => remotely(onSite));
    expect(underWay.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['ticketId'] }] });
    expect(underWay.error?.message).toMatch(/on site .*record the outcome of that visit/);

    const fresh = await loggedTicket(f, { now: now(), receivedMinutesAgo: 30 });
    const stale = await refusedWithNothingWritten(() => remotely(fresh, { expectedVersion: fresh.version + 1 }));
    expect(stale.error).toMatchObject({ code: 'stale', issues: [{ path: ['expectedVersion'] }] });

    const outOfOrder = await refusedWithNothingWritten(() =>
      remotely(fresh, { respondedAt: minutesAgo(5), resolvedAt: minutesAgo(10), confirmedAt: minutesAgo(12) }),
    );
    expect(outOfOrder.error?.issues?.map((i) => i.path)).toEqual([['respondedAt'], ['confirmedAt']]);

    const early = await refusedWithNothingWritten(() => remotely(fresh, { respondedAt: minutesAgo(31) }));
    expect(early.error?.issues?.map((i) => i.path)).toEqual([['respondedAt']]);

    const resolved = valueOf(await remotely(fresh));
    const again = await refusedWithNothingWritten(() => remotely(resolved));
    expect(again.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['ticketId'] }] });
    expect(again.error?.message).toMatch(/is resolved; only an open ticket/);
  });

  it('after a reopening the old remote resolution no longer counts; a new one closes it, not as a first-time fix', async () => {
    const ticket = await loggedTicket(f, { now: now(), receivedMinutesAgo: 30 });
    const resolved = valueOf(await remotely(ticket));
    await advance(MINUTE);
    valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: ticket.id, expectedVersion: resolved.version },
        as('dispatcher'),
      ),
    );
    await advance(DAY);
    const reopened = valueOf(
      await f.server.call('tickets.reopen', { ticketId: ticket.id, reason: 'Jobs stuck again' }, as('dispatcher')),
    );
    expect(reopened.remoteResolution?.current).toBe(false);
    const check = await checkOf(ticket.id);
    expect(check.requirements.filter((r) => !r.met).map((r) => r.key)).toEqual(['steps', 'parts', 'resolution']);

    const before = await refusedWithNothingWritten(() =>
      remotely(reopened, { respondedAt: minutesAgo(DAY / MINUTE + 10), resolvedAt: minutesAgo(DAY / MINUTE) }),
    );
    expect(before.error?.issues?.map((i) => i.path)).toEqual([['resolvedAt']]);

    await advance(MINUTE);
    const again = valueOf(await remotely(reopened, { respondedAt: minutesAgo(1), channel: 'phone' }));
    // The first response still stands: the SLA is about the first answer to the request.
    expect(again.firstArrivalAt).toBe(resolved.firstArrivalAt);
    expect(again.remoteResolution).toMatchObject({ channel: 'phone', current: true });
    await advance(MINUTE);
    const closed = valueOf(
      await f.server.call('tickets.close', { ticketId: ticket.id, expectedVersion: again.version }, as('dispatcher')),
    );
    expect(closed.closure).toMatchObject({ resolvedRemotely: true, firstTimeFix: false });
  });
});
