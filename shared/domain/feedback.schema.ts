import { z } from 'zod';
import { id, optionalText } from './fields.schema';

export const feedbackScore = z.union(
  [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)],
  'A whole score from 1 to 5',
);

/** What the client says, on the page or to the desk. */
export const feedbackFields = {
  score: feedbackScore,
  comment: optionalText(2000),
  problemBack: z.boolean().default(false),
};

export const feedbackRecordInput = z.strictObject({ ticketId: id, ...feedbackFields });

export const feedbackForTicketInput = z.strictObject({ ticketId: id });

/**
 * The address a feedback link starts with: http(s), a host, optionally a port and a path (behind a
 * proxy), nothing else. null goes back to the default.
 */
export const publicBaseUrl = z
  .string()
  .trim()
  .max(300, 'At most 300 characters')
  .refine((value) => {
    const url = URL.parse(value);
    return (
      url !== null &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    );
  }, 'An http:// or https:// address such as https://dispatch.example.com, without user, query or #')
  .transform((value) => value.replace(/\/+$/, ''))
  .nullable();

export const feedbackSettingsSaveInput = z.strictObject({ publicBaseUrl });
