import { z } from 'zod';
import { calendarDate } from './sla';
import { defaultTravelSettings, travelSettings } from './travel';

const weight = (fallback: number) => z.number().min(0, 'At least 0').max(1000, 'At most 1000').default(fallback);

/**
 * How dispatch.recommend weighs a technician, in score points (lower is better). Lateness per
 * minute is far above the rest by default, so an on-time technician always beats a late one unless
 * an admin decides otherwise; the other weights then trade driving against skill and workload.
 */
export const recommendationWeights = z.strictObject({
  /** Points for a technician at the bare minimum level, against one at the top level for every skill. */
  skillFit: weight(30),
  /** Points per minute the job would start after the SLA due time. */
  lateness: weight(10),
  /** Points per minute of driving from the previous place (base or previous job). */
  travel: weight(0.5),
  /** Points per minute of driving the insertion adds to the technician's day. */
  extraTravel: weight(1),
  /** Points per minute of work already booked for the technician that day. */
  workload: weight(0.1),
  /** Points per minute the job would start after the earliest moment the site can be visited. */
  earliestStart: weight(0.05),
});
export type RecommendationWeights = z.output<typeof recommendationWeights>;

export const defaultRecommendationWeights: RecommendationWeights = recommendationWeights.parse({});

export const exclusionCodes = [
  'missing_skill',
  'skill_level',
  'certification_expired',
  'not_on_shift',
  'no_free_slot',
  'daily_limit',
] as const;
export type ExclusionCode = (typeof exclusionCodes)[number];

export interface ExclusionReason {
  code: ExclusionCode;
  /** For people: "no Network skill", "Network L1 < L2 required". */
  message: string;
}

/** A technician who cannot take the ticket that day, with every reason that applies. */
export interface ExcludedTechnician {
  technicianId: string;
  name: string;
  reasons: ExclusionReason[];
}

/** A technician who can take the ticket that day, where the job fits best in their day. */
export interface RankedTechnician {
  technicianId: string;
  name: string;
  /** Weighted cost in points (see RecommendationWeights): LOWER IS BETTER; the list is sorted by it. */
  score: number;
  parts: {
    /** 0 = every required skill at exactly the minimum level, 1 = at the top level (5); 1 when none is required. */
    skillFit: number;
    /** When work on site can begin (ISO 8601 UTC). */
    earliestStart: string;
    /** When they reach the site leaving the previous place as soon as it is free; before earliestStart only when the site is not yet open. */
    arrival: string;
    /** Driving from the previous place (base or previous job) to the site. */
    travelMinutes: number;
    /** Driving the insertion adds: previous → job → next minus previous → next (next is the base after the last job). */
    extraTravelMinutes: number;
    /** Due time minus earliest start; negative = late; null when the ticket has no due time. */
    minutesBeforeDue: number | null;
    visitsThatDay: number;
    /** Minutes of visits already booked that day. */
    workloadMinutes: number;
  };
  /** The booked visit the job goes after; null when it becomes the first of the day. */
  insertAfterVisitId: string | null;
  previousPlace: 'base' | 'visit';
  /** In words, for the ticket view: "arrives 10:40, 1h20 before due". Empty beyond the explained top few. */
  reasons: string[];
}

/** dispatch.recommend's answer: every technician, either ranked (best first) or excluded. */
export interface Recommendation {
  ticketId: string;
  /** The day looked at (YYYY-MM-DD in the ranking's time zone). */
  day: string;
  ranked: RankedTechnician[];
  excluded: ExcludedTechnician[];
}

/** The dispatch engine's settings: how ranking weighs technicians, and how travel is estimated. */
export const dispatchSettings = z.strictObject({
  weights: recommendationWeights,
  travel: travelSettings,
});
export type DispatchSettings = z.output<typeof dispatchSettings>;

export const defaultDispatchSettings: DispatchSettings = {
  weights: defaultRecommendationWeights,
  travel: defaultTravelSettings,
};

export const dispatchRecommendInput = z.strictObject({
  ticketId: z.uuid('Not a ticket id'),
  /** The day to fit the job into, in the organisation's time zone. */
  day: calendarDate,
  /** How many of the best get their reasons in words. */
  explainTop: z.int().min(1).max(100).default(10),
});
