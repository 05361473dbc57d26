import { beforeAll, describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../shared/api/events';
import type { Role } from '../../shared/domain/roles';
import type { TicketDto } from '../../shared/domain/ticket';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentedTicket, loggedTicket } from '../support/closure-scenario';
import { countRows, manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('linking a new request to a closed ticket of the same client, over HTTP (issue 19)', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const events: DispatchEvent[] = [];
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const now = () => clock.now();

  beforeAll(async () => {
    f = await startApiFixture(env, { clock });
    f.server.recordEvents(events);
  });

  /** Time passes; sessions idle longer than a working day end, so everyone logs in again. */
  async function advance(ms: number) {
    clock.advance(ms);
    f.cookies = await f.server.loginDemoUsers();
  }

  async function newClient(name: string): Promise<string> {
    return valueOf(await f.server.call('clients.create', { name: `${name} ${clock.now().getTime()}` }, as('admin'))).id;
  }

  /** A ticket of the client, documented and closed by a dispatcher at the clock's time. */
  async function closedTicket(clientId: string, description = 'Conveyor stops every few minutes') {
    const { ticket } = await documentedTicket(f, clock, { clientId, description });
    return valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: ticket.id, expectedVersion: ticket.version, resolutionSummary: 'Belt replaced' },
        as('dispatcher'),
      ),
    );
  }

  const link = (ticketId: string, earlierTicketId: string, role: Role = 'support_desk') =>
    f.server.call('tickets.link', { ticketId, earlierTicketId }, as(role));

  const get = async (id: string) => valueOf(await f.server.call('tickets.get', { id }, as('dispatcher')));

  async function refusedWithNothingWritten(call: () => Promise<{ body: unknown }>) {
    const before = await countRows(f.server.runtime.database);
    const reply = await call();
    expect(await countRows(f.server.runtime.database), 'rows after the refusal').toEqual(before);
    return reply.body as { ok: boolean; error?: { code: string; message: string; issues?: { path: unknown[] }[] } };
  }

  describe('tickets.link', () => {
    it('links a new request to a ticket closed past its reopen window; both show the link, the old one stays closed', async () => {
      const clientId = await newClient('Wingtip');
      const closed = await closedTicket(clientId);
      await advance(20 * DAY);
      const later = await loggedTicket(f, { now: now(), clientId, receivedMinutesAgo: 5 });
      events.length = 0;

      const linked = valueOf(await link(later.id, closed.id));
      expect(linked.links).toEqual([
        {
          ticketId: closed.id,
          number: closed.number,
          status: 'closed',
          direction: 'earlier',
          createdAt: now().toISOString(),
          closedAt: closed.closedAt,
        },
      ]);
      expect(closed.closedAt).not.toBeNull();

      const earlier = await get(closed.id);
      expect(earlier.status).toBe('closed');
      expect(earlier.closedAt).toBe(closed.closedAt);
      expect(earlier.links).toEqual([
        {
          ticketId: later.id,
          number: later.number,
          status: 'new',
          direction: 'later',
          createdAt: now().toISOString(),
          closedAt: null,
        },
      ]);
      const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: closed.id }, as('technician')));
      expect(timeline.at(-1)?.title).toBe(`Follow-up ticket ${later.number} linked`);
      expect(events.flatMap((e) => (e.type === 'ticket.updated' ? [e.ticketId] : []))).toEqual([later.id, closed.id]);
    });

    it.each(['support_desk', 'dispatcher', 'service_manager', 'admin'] as const)(
      'lets the %s link a new request to a closed ticket',
      async (role) => {
        const clientId = await newClient('Proseware');
        const closed = await closedTicket(clientId);
        const later = await loggedTicket(f, { now: now(), clientId, receivedMinutesAgo: 1 });
        expect(valueOf(await link(later.id, closed.id, role)).links.map((l) => l.number)).toEqual([closed.number]);
      },
    );

    it.each(['technician', 'supervisor'] as const)(
      'refuses the %s a link to a closed ticket and writes nothing',
      async (role) => {
        const clientId = await newClient('Litware');
        const closed = await closedTicket(clientId);
        const later = await loggedTicket(f, { now: now(), clientId, receivedMinutesAgo: 1 });
        const body = await refusedWithNothingWritten(() => link(later.id, closed.id, role));
        expect(body.error?.code).toBe('forbidden');
      },
    );

    it("refuses another client's closed ticket at earlierTicketId and writes nothing", async () => {
      const theirs = await closedTicket(await newClient('Contoso'));
      const ours = await loggedTicket(f, { now: now(), clientId: await newClient('Fourth Coffee') });
      const body = await refusedWithNothingWritten(() => link(ours.id, theirs.id, 'dispatcher'));
      expect(body.error).toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['earlierTicketId'], message: 'A ticket of another client' }],
      });
      expect((await get(ours.id)).links).toEqual([]);
      expect((await get(theirs.id)).links).toEqual([]);
    });

    it('refuses a closed ticket linked to itself at earlierTicketId and writes nothing', async () => {
      const closed = await closedTicket(await newClient('Adatum'));
      const body = await refusedWithNothingWritten(() => link(closed.id, closed.id));
      expect(body.error).toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['earlierTicketId'], message: 'A ticket cannot be linked to itself' }],
      });
    });

    it('refuses a second link to the same closed ticket, either way round, at earlierTicketId, and writes nothing', async () => {
      const clientId = await newClient('Alpine');
      const closed = await closedTicket(clientId);
      const later = await loggedTicket(f, { now: now(), clientId, receivedMinutesAgo: 1 });
      valueOf(await link(later.id, closed.id));
      const again = await refusedWithNothingWritten(() => link(later.id, closed.id));
      expect(again.error).toMatchObject({
        code: 'conflict',
        issues: [{ path: ['earlierTicketId'], message: 'Already linked' }],
      });
      expect(again.error?.message).toBe(`${later.number} and ${closed.number} are already linked.`);
      // The other way round the closed ticket is the later one's successor: refused, as received first.
      const reversed = await refusedWithNothingWritten(() => link(closed.id, later.id));
      expect(reversed.error?.code).toBe('invalid_input');
      expect((await get(later.id)).links).toHaveLength(1);
    });
  });

  describe('tickets.recentlyClosed', () => {
    it("lists the client's tickets closed in the last 30 days, newest first, each with its reopen window", async () => {
      const clientId = await newClient('Northwind');
      const oldest = await closedTicket(clientId, 'Printer offline');
      await advance(20 * DAY);
      const middle = await closedTicket(clientId, 'Scanner jams');
      await advance(18 * DAY);
      // Closed, then reopened: it is open again, so not offered as closed.
      const reopened = await closedTicket(clientId, 'Badge reader dead');
      valueOf(await f.server.call('tickets.reopen', { ticketId: reopened.id, reason: 'Came back' }, as('dispatcher')));
      const newest = await closedTicket(clientId, 'Door sensor stuck');
      await loggedTicket(f, { now: now(), clientId, description: 'Still open' });
      await closedTicket(await newClient('Elsewhere'));
      await advance(DAY);

      const list = valueOf(await f.server.call('tickets.recentlyClosed', { clientId }, as('support_desk')));
      const reopenableUntil = (t: TicketDto) => new Date(Date.parse(t.closedAt ?? '') + 14 * DAY).toISOString();
      expect(list).toEqual([
        {
          ticketId: newest.id,
          number: newest.number,
          summary: 'Door sensor stuck',
          receivedAt: newest.receivedAt,
          closedAt: newest.closedAt,
          reopenableUntil: reopenableUntil(newest),
          withinReopenWindow: true,
        },
        {
          ticketId: middle.id,
          number: middle.number,
          summary: 'Scanner jams',
          receivedAt: middle.receivedAt,
          closedAt: middle.closedAt,
          reopenableUntil: reopenableUntil(middle),
          withinReopenWindow: false,
        },
      ]);

      const longer = valueOf(await f.server.call('tickets.recentlyClosed', { clientId, days: 60 }, as('dispatcher')));
      expect(longer.map((t) => t.number)).toEqual([newest.number, middle.number, oldest.number]);
    });

    it('counts a ticket within its reopen window up to the very end of it, as tickets.reopen does', async () => {
      const clientId = await newClient('Tailwind');
      const closed = await closedTicket(clientId);
      const until = Date.parse(closed.closedAt ?? '') + 14 * DAY;
      clock.set(new Date(until).toISOString());
      f.cookies = await f.server.loginDemoUsers();
      const atTheEnd = valueOf(await f.server.call('tickets.recentlyClosed', { clientId }, as('dispatcher')));
      expect(atTheEnd.map((t) => t.withinReopenWindow)).toEqual([true]);
      clock.advance(1);
      const after = valueOf(await f.server.call('tickets.recentlyClosed', { clientId }, as('dispatcher')));
      expect(after.map((t) => t.withinReopenWindow)).toEqual([false]);
      await advance(MINUTE);
    });

    it('follows the reopen window the admin sets', async () => {
      const clientId = await newClient('Relecloud');
      const closed = await closedTicket(clientId);
      await advance(20 * DAY);
      valueOf(await f.server.call('closure.saveSettings', { reopenWindowDays: 30 }, as('admin')));
      try {
        const [row] = valueOf(await f.server.call('tickets.recentlyClosed', { clientId }, as('dispatcher')));
        expect(row).toMatchObject({
          ticketId: closed.id,
          withinReopenWindow: true,
          reopenableUntil: new Date(Date.parse(closed.closedAt ?? '') + 30 * DAY).toISOString(),
        });
      } finally {
        valueOf(await f.server.call('closure.saveSettings', { reopenWindowDays: 14 }, as('admin')));
      }
    });

    it.each(['technician', 'supervisor'] as const)('refuses the list to the %s', async (role) => {
      const body = (await f.server.call('tickets.recentlyClosed', { clientId: f.clientId }, as(role))).body as {
        error?: { code: string };
      };
      expect(body.error?.code).toBe('forbidden');
    });

    it('refuses a look-back of no days at `days` and writes nothing', async () => {
      const body = await refusedWithNothingWritten(() =>
        f.server.call('tickets.recentlyClosed', { clientId: f.clientId, days: 0 }, as('dispatcher')),
      );
      expect(body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['days'] }] });
    });
  });
});
