import type { SlaPolicy } from './sla.schema';
import type { Priority } from './ticket';

// The SLA engine's plain types, limits and defaults; their schemas are in sla.schema.ts, which
// reads the limits from here.
export type {
  BusinessCalendar,
  HolidaySource,
  PriorityCriteria,
  SlaDueRequest,
  SlaPolicy,
  WeeklyHours,
} from './sla.schema';

// ── Times of day ────────────────────────────────────────────────────────────────────────────────

/** Minutes since the start of the day of a valid "HH:MM" ("24:00" → 1440). */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

// ── Business hours ──────────────────────────────────────────────────────────────────────────────

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

export const maxIntervalsPerDay = 4;

// ── Calendars ───────────────────────────────────────────────────────────────────────────────────

export const maxClosures = 1000;

// ── Policies ────────────────────────────────────────────────────────────────────────────────────

export type ResolvedSlaPolicy = Required<SlaPolicy>;

/** The SOP's targets: Critical 2 hours, High same day (cut-off 13:00), Medium 2 and Low 5 business days. */
export const defaultSlaPolicy: Readonly<ResolvedSlaPolicy> = Object.freeze({
  criticalMinutes: 120,
  sameDayCutoff: '13:00',
  mediumDays: 2,
  lowDays: 5,
});

// ── The due-time request ────────────────────────────────────────────────────────────────────────

export interface SlaDueResponse {
  /** ISO 8601 in UTC. */
  dueAt: string;
}

export const slaStates = ['on_track', 'at_risk', 'breached'] as const;
export type SlaState = (typeof slaStates)[number];

// ── Intake criteria → priority ──────────────────────────────────────────────────────────────────

export const usersImpactedLevels = ['one', 'several', 'many'] as const;
export type UsersImpacted = (typeof usersImpactedLevels)[number];

export const levels = ['high', 'medium', 'low'] as const;
export type Impact = (typeof levels)[number];
export type Urgency = (typeof levels)[number];

/** Impact × urgency → priority; editable per installation (schema: priorityMatrix). */
export type PriorityMatrix = Record<Impact, Record<Urgency, Priority>>;

/**
 * Reproduces the SOP's priority table (see electron/core/services/sla/priority.ts for how the
 * criteria become impact and urgency). Cells the default derivation never reaches (high impact
 * with less than high urgency) follow the usual one-step-down pattern, for custom derivations.
 */
export const defaultPriorityMatrix: Readonly<PriorityMatrix> = Object.freeze({
  high: Object.freeze({ high: 'critical', medium: 'high', low: 'medium' }),
  medium: Object.freeze({ high: 'high', medium: 'medium', low: 'low' }),
  low: Object.freeze({ high: 'high', medium: 'medium', low: 'low' }),
});
