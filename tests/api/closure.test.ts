import { beforeAll, describe, expect, it } from 'vitest';
import { utcWords } from '../../shared/time/instant-words';
import type { DispatchEvent } from '../../shared/api/events';
import type { ClosureRequirementKey } from '../../shared/domain/closure';
import type { Role } from '../../shared/domain/roles';
import { nextFreeMonday, startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentVisit, documentedTicket, loggedTicket, type Documentation } from '../support/closure-scenario';
import { pngBase64 } from '../support/images';
import { countRows, manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('closing a ticket over HTTP (SOP section 6 and step 8)', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  let signOffWorkType: string;
  const events: DispatchEvent[] = [];
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const now = () => clock.now();
  const db = () => f.server.runtime.database.db;

  beforeAll(async () => {
    f = await startApiFixture(env, { clock });
    f.server.recordEvents(events);
    signOffWorkType = valueOf(
      await f.server.call(
        'workTypes.save',
        { name: 'Safety inspection', durationMinutes: 60, requiredSkills: [], signOffRequired: true },
        as('admin'),
      ),
    ).id;
  });

  /** Time passes; sessions idle longer than a working day end, so everyone logs in again. */
  async function advance(ms: number) {
    clock.advance(ms);
    f.cookies = await f.server.loginDemoUsers();
  }

  /**
   * A ticket logged now whose crew arrives at `arrival(due)`: the clock moves on to the arrival
   * when it lies ahead, and the crew reports it as it happens.
   */
  async function documentedArrivingAt(arrival: (due: number) => number) {
    const ticket = await loggedTicket(f, { now: now() });
    const due = Date.parse(ticket.slaDueAt ?? '');
    expect(Number.isNaN(due)).toBe(false);
    const at = arrival(due);
    if (at > now().getTime()) await advance(at - now().getTime());
    return documentVisit(f, clock, ticket, { arrivedAt: new Date(at).toISOString() });
  }

  const close = (ticketId: string, expectedVersion: number, role: Role = 'dispatcher') =>
    f.server.call('tickets.close', { ticketId, expectedVersion, resolutionSummary: 'Belt replaced' }, as(role));

  async function refusedWithNothingWritten(call: () => Promise<{ body: unknown }>) {
    const before = await countRows(f.server.runtime.database);
    const reply = await call();
    expect(await countRows(f.server.runtime.database), 'rows after the refusal').toEqual(before);
    return reply.body as { ok: boolean; error?: { code: string; message: string; issues?: { path: unknown[] }[] } };
  }

  it('lists each requirement of a booked, undocumented ticket, met or what is missing', async () => {
    const ticket = await loggedTicket(f, { now: now() });
    valueOf(
      await f.server.call(
        'visits.create',
        { ticketId: ticket.id, technicianId: f.technicianId, startsAt: nextFreeMonday(), durationMinutes: 60 },
        as('dispatcher'),
      ),
    );
    const check = valueOf(await f.server.call('tickets.closureCheck', { ticketId: ticket.id }, as('technician')));
    expect(check.ready).toBe(false);
    expect(check.requirements.map((r) => [r.key, r.met])).toEqual([
      ['identity', true],
      ['description', true],
      ['steps', false],
      ['parts', false],
      ['sign_off', true],
      ['resolution', false],
      ['visits_settled', false],
    ]);
    const detail = Object.fromEntries(check.requirements.map((r) => [r.key, r.detail]));
    expect(detail.identity).toContain(ticket.number);
    expect(detail.steps).toMatch(/No technician has been on site yet/);
    expect(detail.visits_settled).toMatch(/with Terry Field is scheduled: record its outcome or cancel it/);
    expect(detail.resolution).toMatch(/Record client confirmation/);
  });

  it('refuses to close an undocumented ticket, listing every missing requirement, and writes nothing', async () => {
    const ticket = await loggedTicket(f, { now: now() });
    const body = await refusedWithNothingWritten(() => close(ticket.id, ticket.version));
    expect(body.error?.code).toBe('invalid_input');
    expect(body.error?.issues?.map((i) => i.path)).toEqual([
      ['requirements', 'steps'],
      ['requirements', 'parts'],
      ['requirements', 'resolution'],
    ]);
    expect(body.error?.message).toMatch(/cannot be closed yet. Missing: Steps taken/);
    expect(valueOf(await f.server.call('tickets.get', { id: ticket.id }, as('admin'))).status).toBe('new');
  });

  const oneMissing: [ClosureRequirementKey, Documentation, { signOffRequired?: boolean }][] = [
    ['steps', { actions: '', steps: [], noParts: true, partSku: null }, {}],
    // Blank actions are no actions (the API trims them), even with a part listed.
    ['steps', { actions: '   ', steps: [], partSku: 'BELT-40' }, {}],
    ['parts', { partSku: null, noParts: false }, {}],
    ['sign_off', { signOff: null }, { signOffRequired: true }],
    ['resolution', { deskConfirmation: false }, {}],
    ['resolution', { signOff: 'signed', confirmedOnSignOff: false, deskConfirmation: false }, {}],
    ['visits_settled', { finished: false }, {}],
  ];

  it.each(oneMissing)('refuses to close when only %s is missing (%j) and names just that', async (key, doc, opts) => {
    const { ticket } = await documentedTicket(
      f,
      clock,
      opts.signOffRequired ? { workTypeId: signOffWorkType } : {},
      doc,
    );
    const body = await refusedWithNothingWritten(() => close(ticket.id, ticket.version));
    expect(body.error?.code).toBe('invalid_input');
    // A visit still on site counts for its documented steps and parts; only its being open is missing.
    expect(body.error?.issues?.map((i) => i.path)).toEqual([['requirements', key]]);
    const closures = await db().selectFrom('ticket_closures').select('id').where('ticket_id', '=', ticket.id).execute();
    expect(closures).toEqual([]);
  });

  it('accepts a sign-off where the work type requires one, and a confirmation given on the sign-off', async () => {
    const { ticket } = await documentedTicket(
      f,
      clock,
      { workTypeId: signOffWorkType },
      { signOff: 'signed', confirmedOnSignOff: true, deskConfirmation: false },
    );
    const check = valueOf(await f.server.call('tickets.closureCheck', { ticketId: ticket.id }, as('dispatcher')));
    expect(check.ready).toBe(true);
    expect(check.requirements.find((r) => r.key === 'resolution')?.detail).toBe(
      'Confirmed by the client on the sign-off.',
    );
    expect(check.requirements.find((r) => r.key === 'sign_off')?.detail).toBe('Signed by the client.');
  });

  it('says a sign-off the ticket did not require was signed all the same', async () => {
    const { ticket } = await documentedTicket(f, clock, {}, { signOff: 'signed', deskConfirmation: true });
    const check = valueOf(await f.server.call('tickets.closureCheck', { ticketId: ticket.id }, as('dispatcher')));
    expect(check.requirements.find((r) => r.key === 'sign_off')).toMatchObject({
      met: true,
      detail: 'Signed by the client (not required for this ticket).',
    });
  });

  it('counts only the current sign-off: one superseded by a sign-off without confirmation no longer confirms', async () => {
    const { ticket, visitId } = await documentedTicket(f, clock, {}, { signOff: null, deskConfirmation: false });
    const signOff = (resolutionConfirmed: boolean, supersedesId?: string) =>
      f.server.call(
        'signOffs.record',
        {
          visitId,
          kind: 'signed',
          signerName: 'Kim Abercrombie',
          signerRole: 'Plant manager',
          signaturePngBase64: pngBase64(resolutionConfirmed ? 501 : 502),
          resolutionConfirmed,
          ...(supersedesId ? { supersedesId, supersedeReason: 'Signed by the wrong person' } : {}),
        },
        as('dispatcher'),
      );
    const first = valueOf(await signOff(true));
    expect(valueOf(await f.server.call('tickets.closureCheck', { ticketId: ticket.id }, as('admin'))).ready).toBe(true);
    valueOf(await signOff(false, first.id));
    const check = valueOf(await f.server.call('tickets.closureCheck', { ticketId: ticket.id }, as('admin')));
    expect(check.requirements.filter((r) => !r.met).map((r) => r.key)).toEqual(['resolution']);
  });

  it('closes a documented ticket: status, time, closer, version and SLA met by the whole minutes to spare', async () => {
    // Arrived 17 minutes and 40 seconds before the due time: met with 17 whole minutes to spare.
    const { ticket } = await documentedArrivingAt((due) => due - 17 * MINUTE - 40_000);
    events.length = 0;
    const closed = valueOf(await close(ticket.id, ticket.version));
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: now().toISOString(),
      version: ticket.version + 1,
      closure: {
        closedAt: now().toISOString(),
        closedBy: 'Dev Dispatcher',
        resolutionSummary: 'Belt replaced',
        slaOutcome: 'met',
        slaMinutes: 17,
        reopenedAt: null,
        review: null,
      },
    });
    expect(events).toContainEqual({
      type: 'ticket.updated',
      ticketId: ticket.id,
      number: ticket.number,
      clientId: f.clientId,
    });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['method', 'entity'])
      .where('ticket_id', '=', ticket.id)
      .where('method', '=', 'tickets.close')
      .execute();
    expect(audit).toEqual([{ method: 'tickets.close', entity: 'ticket_closure' }]);
  });

  it.each([
    ['arrived 42 minutes and 30 seconds late', 42 * MINUTE + 30_000, 43],
    ['arrived one second late', 1000, 1],
  ])(
    'stores the SLA as missed when the first technician %s, rounded up to whole minutes',
    async (_l, late, minutes) => {
      const { ticket } = await documentedArrivingAt((due) => due + late);
      const closed = valueOf(await close(ticket.id, ticket.version));
      expect(closed.closure).toMatchObject({ slaOutcome: 'missed', slaMinutes: minutes });
    },
  );

  it('answers stale to a close sent with an old version, and writes nothing', async () => {
    const { ticket } = await documentedTicket(f, clock);
    const body = await refusedWithNothingWritten(() => close(ticket.id, ticket.version - 1));
    expect(body.error?.code).toBe('stale');
  });

  it.each(['support_desk', 'technician', 'supervisor'] as const)(
    'refuses a ready ticket to the %s (forbidden) and writes nothing',
    async (role) => {
      const { ticket } = await documentedTicket(f, clock);
      const body = await refusedWithNothingWritten(() => close(ticket.id, ticket.version, role));
      expect(body.error?.code).toBe('forbidden');
    },
  );

  it('refuses to close a ticket twice', async () => {
    const { ticket } = await documentedTicket(f, clock);
    const closed = valueOf(await close(ticket.id, ticket.version, 'service_manager'));
    const body = await refusedWithNothingWritten(() => close(ticket.id, closed.version));
    expect(body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['ticketId'] }] });
  });

  it("records the desk's resolution confirmation with who confirmed and how, audited and announced", async () => {
    const ticket = await loggedTicket(f, { now: now() });
    events.length = 0;
    valueOf(
      await f.server.call(
        'tickets.confirmResolution',
        { ticketId: ticket.id, confirmedBy: 'Kim Abercrombie', method: 'email', note: 'Replied to the summary' },
        as('support_desk'),
      ),
    );
    const rows = await db()
      .selectFrom('resolution_confirmations')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(rows).toMatchObject([
      {
        confirmed_by_name: 'Kim Abercrombie',
        method: 'email',
        note: 'Replied to the summary',
        confirmed_at: now().toISOString(),
      },
    ]);
    expect(events).toContainEqual({
      type: 'ticket.documented',
      ticketId: ticket.id,
      number: ticket.number,
      visitId: null,
      part: 'resolution',
    });
    const audit = await db()
      .selectFrom('audit_log')
      .select('entity')
      .where('method', '=', 'tickets.confirmResolution')
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(audit).toEqual([{ entity: 'resolution_confirmation' }]);
    const check = valueOf(await f.server.call('tickets.closureCheck', { ticketId: ticket.id }, as('admin')));
    expect(check.requirements.find((r) => r.key === 'resolution')).toMatchObject({
      met: true,
      detail: expect.stringMatching(/^Confirmed by Kim Abercrombie \(email\)/) as unknown,
      // The instant the detail names, for the reader's console to put in the reader's zone.
      times: [rows[0]?.confirmed_at],
    });
    const resolution = check.requirements.find((r) => r.key === 'resolution');
    expect(resolution?.detail).toContain(utcWords(rows[0]?.confirmed_at ?? ''));
  });

  describe('reopening', () => {
    it('reopens within the window: keeps the closure, returns the ticket to the queue, and old confirmations stop counting', async () => {
      const { ticket } = await documentedTicket(f, clock);
      const closed = valueOf(await close(ticket.id, ticket.version));
      await advance(3 * DAY);
      const reopened = valueOf(
        await f.server.call(
          'tickets.reopen',
          { ticketId: ticket.id, reason: 'Belt slipped again' },
          as('service_manager'),
        ),
      );
      expect(reopened).toMatchObject({
        status: 'new',
        closedAt: null,
        version: closed.version + 1,
        closure: { reopenedAt: now().toISOString(), reopenedBy: 'Morgan Manager', reopenReason: 'Belt slipped again' },
      });
      const check = valueOf(await f.server.call('tickets.closureCheck', { ticketId: ticket.id }, as('admin')));
      expect(check.requirements.filter((r) => !r.met).map((r) => r.key)).toEqual(['resolution']);
      expect(check.requirements.find((r) => r.key === 'resolution')?.detail).toMatch(/since the ticket was reopened/);
      const queue = valueOf(await f.server.call('tickets.queue', {}, as('dispatcher')));
      expect(queue.map((q) => q.id)).toContain(ticket.id);
      // A confirmation dated before the reopening is refused, a new one counts, and a second closing is its own row.
      const old = await refusedWithNothingWritten(() =>
        f.server.call(
          'tickets.confirmResolution',
          {
            ticketId: ticket.id,
            confirmedBy: 'Kim',
            method: 'phone',
            confirmedAt: new Date(now().getTime() - DAY).toISOString(),
          },
          as('support_desk'),
        ),
      );
      expect(old.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['confirmedAt'] }] });
      await advance(MINUTE);
      valueOf(
        await f.server.call(
          'tickets.confirmResolution',
          { ticketId: ticket.id, confirmedBy: 'Kim', method: 'phone' },
          as('support_desk'),
        ),
      );
      valueOf(await close(ticket.id, reopened.version));
      const closures = await db()
        .selectFrom('ticket_closures')
        .select(['reopened_at'])
        .where('ticket_id', '=', ticket.id)
        .orderBy('closed_at')
        .execute();
      expect(closures.map((c) => c.reopened_at === null)).toEqual([false, true]);
    });

    it('refuses to reopen after the window (14 days by default), with a clear message, and writes nothing', async () => {
      expect(valueOf(await f.server.call('closure.settings', {}, as('dispatcher')))).toEqual({ reopenWindowDays: 14 });
      const { ticket } = await documentedTicket(f, clock);
      valueOf(await close(ticket.id, ticket.version));
      await advance(14 * DAY + MINUTE);
      const body = await refusedWithNothingWritten(() =>
        f.server.call('tickets.reopen', { ticketId: ticket.id, reason: 'Again' }, as('dispatcher')),
      );
      expect(body.error).toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['ticketId'], message: 'Outside the reopen window' }],
      });
      expect(body.error?.message).toMatch(/closed more than 14 days ago.*link it to this ticket instead/);
      // An admin widens the window; the same ticket may then be reopened.
      valueOf(await f.server.call('closure.saveSettings', { reopenWindowDays: 30 }, as('admin')));
      valueOf(await f.server.call('tickets.reopen', { ticketId: ticket.id, reason: 'Again' }, as('dispatcher')));
      valueOf(await f.server.call('closure.saveSettings', { reopenWindowDays: 14 }, as('admin')));
    });

    it.each(['support_desk', 'technician'] as const)('refuses reopening to the %s', async (role) => {
      const { ticket } = await documentedTicket(f, clock);
      valueOf(await close(ticket.id, ticket.version));
      const body = await refusedWithNothingWritten(() =>
        f.server.call('tickets.reopen', { ticketId: ticket.id, reason: 'Again' }, as(role)),
      );
      expect(body.error?.code).toBe('forbidden');
    });
  });

  describe('links', () => {
    it('links a new request to an earlier ticket of the same client and shows the link on both', async () => {
      const earlier = await loggedTicket(f, { now: now(), receivedMinutesAgo: 600 });
      const later = await loggedTicket(f, { now: now(), receivedMinutesAgo: 5 });
      events.length = 0;
      const linked = valueOf(
        await f.server.call('tickets.link', { ticketId: later.id, earlierTicketId: earlier.id }, as('support_desk')),
      );
      expect(linked.links).toEqual([
        {
          ticketId: earlier.id,
          number: earlier.number,
          status: 'new',
          direction: 'earlier',
          createdAt: now().toISOString(),
          closedAt: null,
        },
      ]);
      const other = valueOf(await f.server.call('tickets.get', { id: earlier.id }, as('technician')));
      expect(other.links).toMatchObject([{ ticketId: later.id, direction: 'later' }]);
      expect(events.flatMap((e) => (e.type === 'ticket.updated' ? [e.ticketId] : []))).toEqual([later.id, earlier.id]);

      const again = await refusedWithNothingWritten(() =>
        f.server.call('tickets.link', { ticketId: later.id, earlierTicketId: earlier.id }, as('dispatcher')),
      );
      expect(again.error?.code).toBe('conflict');
    });

    it('refuses a link to a ticket of another client, naming the earlier ticket, and writes nothing', async () => {
      const theirs = await loggedTicket(f, { now: now(), receivedMinutesAgo: 600, clientId: f.otherClientId });
      const ours = await loggedTicket(f, { now: now() });
      const body = await refusedWithNothingWritten(() =>
        f.server.call('tickets.link', { ticketId: ours.id, earlierTicketId: theirs.id }, as('dispatcher')),
      );
      expect(body.error).toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['earlierTicketId'], message: 'A ticket of another client' }],
      });
    });

    it('refuses the technician and the supervisor', async () => {
      const earlier = await loggedTicket(f, { now: now(), receivedMinutesAgo: 600 });
      const later = await loggedTicket(f, { now: now() });
      for (const role of ['technician', 'supervisor'] as const) {
        const body = await refusedWithNothingWritten(() =>
          f.server.call('tickets.link', { ticketId: later.id, earlierTicketId: earlier.id }, as(role)),
        );
        expect(body.error?.code).toBe('forbidden');
      }
    });
  });
});
