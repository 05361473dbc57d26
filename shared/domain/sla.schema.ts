import { z } from 'zod';
import { inConsoleYears, instant, priority, timeZone, yearsMessage } from './fields.schema';
import { maxClosures, maxIntervalsPerDay, minutesOfDay, usersImpactedLevels, weekdayKeys } from './sla';

// Shapes of the SLA engine's input: business calendars, SLA policies, the due-time request and the
// intake criteria → priority matrix. Stored calendars and policies use these same schemas, so a
// calendar that was accepted once is always one the engine can compute with.

// ── Times of day ────────────────────────────────────────────────────────────────────────────────

// Two digits each, so "8:00" is refused: stored calendars compare and sort as text, and one
// spelling per time keeps them from disagreeing. "24:00" exists only to close a day at midnight.
const hhmmPattern = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const hhmmMessage = 'Use HH:MM from 00:00 to 23:59 (24:00 only as a closing time)';

/** A wall-clock time "HH:MM"; "24:00" is the midnight that ends the day. */
export const timeOfDay = z.string().regex(hhmmPattern, hhmmMessage);

// ── Business hours ──────────────────────────────────────────────────────────────────────────────

/** One opening interval ["HH:MM", "HH:MM"], open inclusive, close exclusive. */
export const openingInterval = z.tuple([timeOfDay, timeOfDay], {
  error: 'An interval is a pair of times ["HH:MM", "HH:MM"]',
});

/** A day's opening intervals, sorted and not overlapping; an empty list means closed all day. */
export const dayHours = z
  .array(openingInterval)
  .max(maxIntervalsPerDay, `At most ${maxIntervalsPerDay} intervals a day`)
  .superRefine((intervals, ctx) => {
    let previousClose = -1;
    intervals.forEach(([open, close], index) => {
      const from = minutesOfDay(open);
      const to = minutesOfDay(close);
      if (from === 1440) {
        ctx.addIssue({ code: 'custom', path: [index, 0], message: '24:00 can only close an interval' });
      } else if (to <= from) {
        ctx.addIssue({ code: 'custom', path: [index, 1], message: 'The closing time must be after the opening time' });
      }
      // Touching intervals (12:00 close, 12:00 open) are allowed: they do not overlap.
      if (from < previousClose) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 0],
          message: 'Intervals must be in time order and must not overlap',
        });
      }
      previousClose = Math.max(previousClose, to);
    });
  });

export const weeklyHours = z.strictObject({
  mon: dayHours.optional(),
  tue: dayHours.optional(),
  wed: dayHours.optional(),
  thu: dayHours.optional(),
  fri: dayHours.optional(),
  sat: dayHours.optional(),
  sun: dayHours.optional(),
});
export type WeeklyHours = z.output<typeof weeklyHours>;

// ── Public holidays ─────────────────────────────────────────────────────────────────────────────

/**
 * Which public holidays close the calendar: a date-holidays country, optionally state and region.
 * Whether the codes exist is checked in the core (electron/core/services/sla/holiday-codes.ts),
 * which carries the holiday data; shared/ stays free of it, so the renderer never ships it.
 */
export const holidaySource = z
  .strictObject({
    country: z.string().min(2).max(3),
    state: z.string().min(1).max(10).optional(),
    region: z.string().min(1).max(10).optional(),
  })
  .superRefine(({ state, region }, ctx) => {
    if (state === undefined && region !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'A region needs its state' });
    }
  });
export type HolidaySource = z.output<typeof holidaySource>;

// ── Calendars ───────────────────────────────────────────────────────────────────────────────────

/** A calendar date YYYY-MM-DD that exists (2026-02-30 is refused), in the console's years. */
export const calendarDate = z.iso
  .date({ error: 'Use a real date as YYYY-MM-DD' })
  .refine((v) => inConsoleYears(Number(v.slice(0, 4))), yearsMessage);

/** When a client's site is open for business: zone, weekly hours, public holidays, extra closures. */
export const businessCalendar = z.strictObject({
  timeZone,
  hours: weeklyHours.refine(
    (hours) => weekdayKeys.some((day) => (hours[day]?.length ?? 0) > 0),
    'The calendar has no business hours',
  ),
  holidays: holidaySource.optional(),
  closures: z.array(calendarDate).max(maxClosures, `At most ${maxClosures} closure dates`).optional(),
});
export type BusinessCalendar = z.output<typeof businessCalendar>;

// ── Policies ────────────────────────────────────────────────────────────────────────────────────

/** The SLA targets; every field is optional and falls back to defaultSlaPolicy. */
export const slaPolicy = z.strictObject({
  criticalMinutes: z
    .int('Whole minutes')
    .min(1, 'At least 1 minute')
    .max(10080, 'At most 10080 minutes (one week)')
    .optional(),
  // "24:00" is accepted and means no cut-off: a High ticket is same-day whenever received before close.
  sameDayCutoff: timeOfDay.optional(),
  mediumDays: z.int('Whole business days').min(0, 'At least 0 days').max(60, 'At most 60 business days').optional(),
  lowDays: z.int('Whole business days').min(0, 'At least 0 days').max(60, 'At most 60 business days').optional(),
});
export type SlaPolicy = z.output<typeof slaPolicy>;

// ── The due-time request ────────────────────────────────────────────────────────────────────────

export const slaDueRequest = z.strictObject({
  priority,
  receivedAt: instant,
  calendar: businessCalendar,
  policy: slaPolicy.optional(),
});
/** Parsed request: receivedAt is normalised to an ISO 8601 UTC string. */
export type SlaDueRequest = z.output<typeof slaDueRequest>;

// ── Intake criteria → priority ──────────────────────────────────────────────────────────────────

/** What the support desk ticks at intake (SOP 4.2: "service outage, security risk", …). */
export const priorityCriteria = z.strictObject({
  serviceOutage: z.boolean(),
  securityRisk: z.boolean(),
  usersImpacted: z.enum(usersImpactedLevels),
  userUnableToWork: z.boolean(),
  intermittentWithWorkaround: z.boolean(),
  generalQuery: z.boolean(),
});
export type PriorityCriteria = z.output<typeof priorityCriteria>;

const urgencyRow = z.strictObject({ high: priority, medium: priority, low: priority });

/** Impact × urgency → priority; editable per installation. */
export const priorityMatrix = z.strictObject({ high: urgencyRow, medium: urgencyRow, low: urgencyRow });
