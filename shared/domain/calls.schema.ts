import { z } from 'zod';
import { id, instant, phone, shortText } from './fields.schema';

export const callLogInput = z.strictObject({
  ticketId: id,
  calledName: shortText(120),
  phone,
  /** When the call took place; not in the future (checked against the server's clock). */
  calledAt: instant,
  summary: shortText(4000),
});

export const callsForTicketInput = z.strictObject({ ticketId: id });
