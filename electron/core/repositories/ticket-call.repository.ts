import type { TicketCallDto } from '../../../shared/domain/calls';
import type { Tx } from '../db/transaction';

export async function insertTicketCall(
  db: Tx,
  call: Omit<TicketCallDto, 'loggedBy'> & { loggedBy: string },
): Promise<void> {
  await db
    .insertInto('ticket_calls')
    .values({
      id: call.id,
      ticket_id: call.ticketId,
      called_name: call.calledName,
      phone: call.phone,
      called_at: call.calledAt,
      summary: call.summary,
      logged_by: call.loggedBy,
      logged_at: call.loggedAt,
    })
    .execute();
}

/** A ticket's calls, the latest call first. */
export async function listTicketCalls(db: Tx, ticketId: string): Promise<TicketCallDto[]> {
  const rows = await db
    .selectFrom('ticket_calls as c')
    .innerJoin('users as u', 'u.id', 'c.logged_by')
    .select([
      'c.id',
      'c.ticket_id',
      'c.called_name',
      'c.phone',
      'c.called_at',
      'c.summary',
      'c.logged_by',
      'u.display_name',
      'c.logged_at',
    ])
    .where('c.ticket_id', '=', ticketId)
    .orderBy('c.called_at', 'desc')
    .orderBy('c.logged_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    calledName: r.called_name,
    phone: r.phone,
    calledAt: r.called_at,
    summary: r.summary,
    loggedBy: { id: r.logged_by, name: r.display_name },
    loggedAt: r.logged_at,
  }));
}
