import type { DispatchSettings } from './dispatch.schema';
import { defaultTravelSettings } from './travel';

export type { DispatchSettings } from './dispatch.schema';

/** How dispatch.recommend weighs a technician, in score points (lower is better); schema: recommendationWeights. */
export interface RecommendationWeights {
  /** Points for a technician at the bare minimum level, against one at the top level for every skill. */
  skillFit: number;
  /** Points per minute the job would start after the SLA due time. */
  lateness: number;
  /** Points per minute of driving from the previous place (base or previous job). */
  travel: number;
  /** Points per minute of driving the insertion adds to the technician's day. */
  extraTravel: number;
  /** Points per minute of work already booked for the technician that day. */
  workload: number;
  /** Points per minute the job would start after the earliest moment the site can be visited. */
  earliestStart: number;
}

/** The weights when an admin has set none (recommendationWeights in dispatch.schema.ts says what each means). */
export const defaultRecommendationWeights: RecommendationWeights = {
  skillFit: 30,
  lateness: 10,
  travel: 0.5,
  extraTravel: 1,
  workload: 0.1,
  earliestStart: 0.05,
};

export const defaultDispatchSettings: DispatchSettings = {
  weights: defaultRecommendationWeights,
  travel: defaultTravelSettings,
};

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
