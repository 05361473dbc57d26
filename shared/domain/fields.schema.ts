import { z } from 'zod';
import { roles } from './roles';
import { channels, priorities, ticketStatuses } from './ticket';

// Bounds on every string keep a hostile or broken client from filling the database.
export const id = z.uuid();
export const shortText = (max = 200) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullish()
    .transform((v) => v ?? null);

export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+()0-9 .\-/x]*$/, 'A phone number has digits, spaces and + ( ) - . / x only')
  .transform((v) => (v === '' ? null : v))
  .nullish()
  .transform((v) => v ?? null);

export const email = z
  .union([z.literal(''), z.email().max(254)])
  .transform((v) => (v === '' ? null : v))
  .nullish()
  .transform((v) => v ?? null);

// The years the console deals in. Beyond them a date is a typo or a probe, and the edges hurt:
// PostgreSQL cannot read year 0 nor "+010000-01-01" (the day after 9999-12-31), and both were 500s.
const earliestYear = 1900;
const latestYear = 2999;
export const yearsMessage = `A year from ${earliestYear} to ${latestYear}`;
export const inConsoleYears = (year: number) => year >= earliestYear && year <= latestYear;

/** An instant as ISO 8601 with an explicit offset or Z; local times without a zone are refused. */
export const instant = z.iso
  .datetime({ offset: true })
  .refine((v) => inConsoleYears(new Date(v).getUTCFullYear()), yearsMessage)
  .transform((v) => new Date(v).toISOString());

export const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown IANA time zone');

export const role = z.enum(roles);
export const channel = z.enum(channels);
export const priority = z.enum(priorities);
export const ticketStatus = z.enum(ticketStatuses);

export const username = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9._-]+$/, 'Lower-case letters, digits, dot, dash and underscore only');

export const password = z.string().min(4).max(200);
// The server also refuses common passwords (electron/core/services/password-policy.service.ts).
export const newPassword = z.string().min(12, 'At least 12 characters').max(200);
