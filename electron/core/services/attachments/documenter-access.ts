import { documentationRefusal, type DocumentationPlace } from '../../../../shared/domain/documentation';
import type { UserDto } from '../../../../shared/domain/directory';
import { ApiFailure } from '../../../../shared/errors';
import type { Tx } from '../../db/transaction';

/** Whether one of the user's technician records is (or was) on the crew of a visit matching the filter. */
export async function onCrew(
  db: Tx,
  userId: string,
  where: { visitId: string } | { ticketId: string },
): Promise<boolean> {
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
 * Refuses a caller who may not add to this visit's or ticket's documentation (see
 * `documentationRefusal`): `forbidden` for a technician off the crew, `invalid_input` naming the
 * input field of the cancelled visit or the closed ticket. Every other role the contract lets
 * through may document any visit.
 */
export async function requireDocumentable(
  db: Tx,
  caller: UserDto,
  place: DocumentationPlace & { ticketId: string; visitId: string | null },
  fields: { visit: string; ticket: string },
): Promise<void> {
  const crew =
    caller.role === 'technician' &&
    (await onCrew(db, caller.id, place.visitId !== null ? { visitId: place.visitId } : { ticketId: place.ticketId }));
  const refusal = documentationRefusal({ role: caller.role, onCrew: crew }, place);
  if (!refusal) return;
  if (refusal.code === 'forbidden') throw new ApiFailure('forbidden', refusal.message);
  throw new ApiFailure('invalid_input', refusal.message, [
    { path: [fields[refusal.subject]], message: refusal.message },
  ]);
}
