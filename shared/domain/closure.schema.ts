import { z } from 'zod';
import { remoteChannels, resolutionMethods, reviewTags } from './closure';
import { id, instant, optionalText, shortText } from './fields.schema';

export const closureSettings = z.strictObject({
  reopenWindowDays: z.int('Whole days').min(1, 'At least 1 day').max(365, 'At most 365 days'),
});

const ticketId = id;

export const confirmResolutionInput = z.strictObject({
  ticketId,
  confirmedBy: shortText(120),
  method: z.enum(resolutionMethods),
  confirmedAt: instant.optional(),
  note: optionalText(1000),
});

/**
 * A resolution without a visit. `respondedAt` is asked for, not assumed: it is the SLA response
 * moment (the first contact that started the remote work). `resolvedAt` and `confirmedAt` default to now.
 */
export const recordRemoteResolutionInput = z.strictObject({
  ticketId,
  expectedVersion: z.int().min(1),
  channel: z.enum(remoteChannels),
  respondedAt: instant,
  resolvedAt: instant.optional(),
  resolution: shortText(2000),
  steps: z.array(shortText(500)).min(1, 'At least one step').max(50, 'At most 50 steps'),
  confirmedBy: shortText(120),
  confirmedAt: instant.optional(),
});

export const closeTicketInput = z.strictObject({
  ticketId,
  expectedVersion: z.int().min(1),
  resolutionSummary: optionalText(2000),
});

export const reopenTicketInput = z.strictObject({ ticketId, reason: shortText(1000) });

export const linkTicketInput = z
  .strictObject({ ticketId, earlierTicketId: id })
  .refine((v) => v.ticketId !== v.earlierTicketId, {
    path: ['earlierTicketId'],
    error: 'A ticket cannot be linked to itself',
  });

/**
 * Looks back `days` from now: 30 by default, past the default 14-day reopen window, since a
 * follow-up link matters most once a ticket can no longer be reopened.
 */
export const recentlyClosedInput = z.strictObject({
  clientId: id,
  days: z.int('Whole days').min(1, 'At least 1 day').max(365, 'At most 365 days').default(30),
});

export const reviewRecordInput = z.strictObject({
  ticketId,
  note: shortText(4000),
  tags: z
    .array(z.enum(reviewTags))
    .max(reviewTags.length)
    .refine((tags) => new Set(tags).size === tags.length, 'Each tag once'),
  sopFollowed: z.boolean(),
});
