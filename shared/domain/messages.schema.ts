import { z } from 'zod';
import { id } from './fields.schema';
import { clientMessageKinds, messageKinds } from './messages';

export const messageKind = z.enum(messageKinds);

// Placeholders are checked by the core (it knows the template language); here only the bounds.
export const templateText = z.strictObject({
  subject: z.string().trim().min(1, 'Required').max(200, 'At most 200 characters'),
  body: z.string().trim().min(1, 'Required').max(10_000, 'At most 10000 characters'),
});

export const templateKindInput = z.strictObject({ kind: messageKind });

export const templateSaveInput = z.strictObject({ kind: messageKind, ...templateText.shape });

export const templatePreviewInput = z.strictObject({
  kind: messageKind,
  /** The ticket whose data fills the placeholders. */
  ticketId: id,
  /** One of its visits; by default its next live visit, else its latest one. */
  visitId: id.optional(),
  /** An unsaved draft; without it the template as saved (or the default). */
  draft: templateText.optional(),
});

export const clientMessagePreferencesInput = z.strictObject({ clientId: id });

export const clientMessagePreferencesSaveInput = z.strictObject({
  clientId: id,
  /** The kinds to turn on (true) or off (false); kinds left out keep their setting. */
  receives: z.partialRecord(z.enum(clientMessageKinds), z.boolean({ error: 'true or false' })),
});

export const contactMessagesOptOutInput = z.strictObject({
  id,
  expectedRevision: z.string().min(1, 'Required').max(64, 'At most 64 characters'),
  optOut: z.boolean({ error: 'true or false' }),
});

/** How long before a visit its reminder goes (pulled back out of the site's quiet hours). */
export const reminderSettings = z.strictObject({
  leadHours: z.int('Whole hours').min(1, 'At least 1 hour').max(168, 'At most a week (168 hours)'),
});

export const scheduleMailSettings = z.strictObject({
  enabled: z.boolean(),
  hour: z.int('A whole hour').min(0, 'An hour from 0 to 23').max(23, 'An hour from 0 to 23'),
});

export const clientUpdateDraftInput = z.strictObject({
  ticketId: id,
  /** The template to start from; by default the free-text update's own. */
  kind: messageKind.optional(),
});

export const clientUpdateSendInput = z.strictObject({
  ticketId: id,
  /** The template the text started from, recorded with the update; by default the update's own. */
  kind: messageKind.optional(),
  ...templateText.shape,
  /**
   * Chosen by the caller once per update (e.g. when the dialog opens): sending it again, after a
   * lost answer or a double click, queues nothing more.
   */
  requestId: z.uuid('A UUID').optional(),
});
