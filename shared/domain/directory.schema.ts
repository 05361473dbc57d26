import { z } from 'zod';
import { email, id, optionalText, phone, shortText, timeZone } from './fields.schema';
import { weekdayKeys } from './sla';
import { weeklyHours } from './sla.schema';

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────────

const revision = z.string().min(1, 'Required').max(64, 'At most 64 characters');

const nullableZone = timeZone.nullish().transform((v) => v ?? null);

export const clientListInput = z.strictObject({
  /** Part of the name, e-mail or phone number; empty lists every client. */
  query: z.string().trim().max(100, 'At most 100 characters').default(''),
  limit: z.int('A whole number').min(1, 'At least 1').max(200, 'At most 200').default(50),
  offset: z.int('A whole number').min(0, 'At least 0').max(1_000_000, 'At most 1000000').default(0),
});

export const clientFields = {
  name: shortText(160),
  phone,
  email,
  timeZone: nullableZone,
};

/** Replaces a client's fields as a whole; expectedRevision is the revision the caller read. */
export const clientUpdateInput = z.strictObject({ id, expectedRevision: revision, ...clientFields });

export const contactFields = {
  name: shortText(120),
  phone,
  email,
  /** What the person does for the client, e.g. "Office manager"; optional. */
  role: optionalText(80),
};

/** Replaces a contact's fields as a whole (it stays with its client); expectedRevision as read. */
export const contactUpdateInput = z.strictObject({ id, expectedRevision: revision, ...contactFields });

/**
 * Retires a contact (active false) or brings them back. Apart from contacts.update so that saving
 * an edit can never undo a retirement made meanwhile, and retiring needs no copy of the fields.
 */
export const contactSetActiveInput = z.strictObject({
  id,
  expectedRevision: revision,
  active: z.boolean({ error: 'true or false' }),
});

/** Intake offers only active contacts; the directory asks for the retired ones too. */
export const includeInactive = z.boolean({ error: 'true or false' }).default(false);

export const contactListInput = z.strictObject({ clientId: id, includeInactive });

// A site closed every day could never be visited: ranking would exclude every technician and the
// planner would never place its tickets. "No restriction" is null, not an empty week.
const siteAccessHours = weeklyHours
  .refine((hours) => weekdayKeys.some((day) => (hours[day]?.length ?? 0) > 0), {
    error: 'The site is never open: give hours on at least one day, or no restriction',
  })
  .nullish()
  .transform((v) => v ?? null);

export const siteFields = {
  name: shortText(120),
  address: shortText(300),
  latitude: z
    .number({ error: 'A number of degrees, e.g. 47.6062' })
    .min(-90, 'From -90 to 90')
    .max(90, 'From -90 to 90')
    .nullish()
    .transform((v) => v ?? null),
  longitude: z
    .number({ error: 'A number of degrees, e.g. -122.3321' })
    .min(-180, 'From -180 to 180')
    .max(180, 'From -180 to 180')
    .nullish()
    .transform((v) => v ?? null),
  accessRequirements: optionalText(1000),
  /** When technicians may work there, in the site's zone (else the client's, else the default). */
  accessHours: siteAccessHours,
  timeZone: nullableZone,
};

/** Replaces a site's fields as a whole (it stays with its client); expectedRevision as read. */
export const siteUpdateInput = z.strictObject({ id, expectedRevision: revision, ...siteFields });
