import type { UserDto } from '../../../../shared/domain/directory';
import { ApiFailure } from '../../../../shared/errors';
import type { Tx } from '../../db/transaction';

/** Whether one of the user's technician records is (or was) on the crew of a visit matching the filter. */
async function onCrew(db: Tx, userId: string, where: { visitId: string } | { ticketId: string }): Promise<boolean> {
  let query = db
    .selectFrom('visit_crew as c')
    .innerJoin('technicians as t', 't.id', 'c.technician_id')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .select('c.visit_id')
    .where('t.user_id', '=', userId);
  query =
    'visitId' in where ? query.where('v.id', '=', where.visitId) : query.where('v.ticket_id', '=', where.ticketId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/**
 * A technician documents only their own work: a visit they are on the crew of, or a ticket on
 * which they have a visit. Every other role the contract lets through may document any visit.
 */
export async function requireDocumenter(
  db: Tx,
  caller: UserDto,
  where: { visitId: string } | { ticketId: string },
): Promise<void> {
  if (caller.role !== 'technician') return;
  if (await onCrew(db, caller.id, where)) return;
  throw new ApiFailure(
    'forbidden',
    'visitId' in where
      ? 'You are not on the crew of this visit; only its crew, a dispatcher or an admin may document it.'
      : 'You have no visit on this ticket; attach to a ticket only where you work on it.',
  );
}
