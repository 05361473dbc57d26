import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import type { TicketDto } from '../../shared/domain/ticket';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentedTicket } from '../support/closure-scenario';
import { countRows, manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;

describe('reviewing closed tickets over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });

  beforeAll(async () => {
    f = await startApiFixture(env, { clock });
  });

  async function closedTicket(description: string): Promise<TicketDto> {
    const { ticket } = await documentedTicket(f, clock, { description });
    return valueOf(
      await f.server.call('tickets.close', { ticketId: ticket.id, expectedVersion: ticket.version }, as('dispatcher')),
    );
  }

  const review = (ticketId: string, role: Role = 'service_manager') =>
    f.server.call(
      'reviews.record',
      {
        ticketId,
        note: 'Second visit needed for the part',
        tags: ['parts_missing', 'late_arrival'],
        sopFollowed: false,
      },
      as(role),
    );

  it('lists closed tickets awaiting review, oldest closure first, with what a reviewer needs', async () => {
    const first = await closedTicket('First of the day');
    clock.advance(10 * MINUTE);
    const second = await closedTicket('Second of the day');
    clock.advance(10 * MINUTE);
    const pending = valueOf(await f.server.call('reviews.pending', {}, as('supervisor')));
    const ours = pending.filter((p) => [first.id, second.id].includes(p.ticketId));
    expect(ours).toEqual([
      {
        ticketId: first.id,
        number: first.number,
        clientName: 'Tailspin Toys',
        priority: 'high',
        summary: 'First of the day',
        closedAt: first.closedAt,
        closedBy: 'Dev Dispatcher',
        slaOutcome: first.closure?.slaOutcome,
        slaMinutes: first.closure?.slaMinutes,
        // One completed visit on the first closing.
        resolvedRemotely: false,
        firstTimeFix: true,
        // Nothing heard from the client yet.
        feedback: null,
      },
      expect.objectContaining({ ticketId: second.id, summary: 'Second of the day' }) as unknown,
    ]);
    expect(pending.map((p) => p.closedAt)).toEqual([...pending.map((p) => p.closedAt)].sort());
  });

  it('records one review per closure: shown on the ticket, off the pending list, on the completed list', async () => {
    const ticket = await closedTicket('Reviewed once');
    const reviewed = valueOf(await review(ticket.id));
    expect(reviewed.closure?.review).toEqual({
      note: 'Second visit needed for the part',
      tags: ['parts_missing', 'late_arrival'],
      sopFollowed: false,
      reviewedAt: clock.now().toISOString(),
      reviewedBy: 'Morgan Manager',
    });
    const pending = valueOf(await f.server.call('reviews.pending', {}, as('service_manager')));
    expect(pending.map((p) => p.ticketId)).not.toContain(ticket.id);
    const completed = valueOf(await f.server.call('reviews.completed', {}, as('supervisor')));
    expect(completed.find((c) => c.ticketId === ticket.id)?.review.tags).toEqual(['parts_missing', 'late_arrival']);

    const before = await countRows(f.server.runtime.database);
    const again = await review(ticket.id, 'admin');
    expect(again.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await countRows(f.server.runtime.database)).toEqual(before);
  });

  it('asks for a new review after the ticket is reopened and closed again', async () => {
    const ticket = await closedTicket('Came back');
    valueOf(await review(ticket.id));
    const reopened = valueOf(
      await f.server.call('tickets.reopen', { ticketId: ticket.id, reason: 'Fault came back' }, as('dispatcher')),
    );
    expect(valueOf(await f.server.call('reviews.pending', {}, as('admin'))).map((p) => p.ticketId)).not.toContain(
      ticket.id,
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'tickets.confirmResolution',
        { ticketId: ticket.id, confirmedBy: 'Kim Abercrombie', method: 'phone' },
        as('support_desk'),
      ),
    );
    const closedAgain = valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId: ticket.id, expectedVersion: reopened.version },
        as('dispatcher'),
      ),
    );
    expect(closedAgain.closure?.review).toBeNull();
    expect(valueOf(await f.server.call('reviews.pending', {}, as('admin'))).map((p) => p.ticketId)).toContain(
      ticket.id,
    );
    valueOf(await review(ticket.id));
    expect(
      await f.server.runtime.database.db
        .selectFrom('ticket_reviews')
        .select('id')
        .where('ticket_id', '=', ticket.id)
        .execute(),
    ).toHaveLength(2);
  });

  it.each(['support_desk', 'dispatcher', 'technician', 'supervisor'] as const)(
    'refuses a review from the %s and writes nothing',
    async (role) => {
      const ticket = await closedTicket(`Not for the ${role}`);
      const before = await countRows(f.server.runtime.database);
      const reply = await review(ticket.id, role);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    },
  );

  it.each(['support_desk', 'dispatcher', 'technician'] as const)(
    'does not show the review list to the %s',
    async (role) => {
      const reply = await f.server.call('reviews.pending', {}, as(role));
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    },
  );
});
