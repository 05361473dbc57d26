import { z } from 'zod';
import { defaultRecommendationWeights } from './dispatch';
import { calendarDate } from './sla.schema';
import { travelSettings } from './travel.schema';

const weight = (fallback: number) => z.number().min(0, 'At least 0').max(1000, 'At most 1000').default(fallback);

/**
 * How dispatch.recommend weighs a technician, in score points (lower is better). Lateness per
 * minute is far above the rest by default, so an on-time technician always beats a late one unless
 * an admin decides otherwise; the other weights then trade driving against skill and workload.
 * What each weight counts is told on RecommendationWeights (dispatch.ts).
 */
export const recommendationWeights = z.strictObject({
  skillFit: weight(defaultRecommendationWeights.skillFit),
  lateness: weight(defaultRecommendationWeights.lateness),
  travel: weight(defaultRecommendationWeights.travel),
  extraTravel: weight(defaultRecommendationWeights.extraTravel),
  workload: weight(defaultRecommendationWeights.workload),
  earliestStart: weight(defaultRecommendationWeights.earliestStart),
});

/** The dispatch engine's settings: how ranking weighs technicians, and how travel is estimated. */
export const dispatchSettings = z.strictObject({
  weights: recommendationWeights,
  travel: travelSettings,
});
export type DispatchSettings = z.output<typeof dispatchSettings>;

export const dispatchRecommendInput = z.strictObject({
  ticketId: z.uuid('Not a ticket id'),
  /** The day to fit the job into, in the organisation's time zone. */
  day: calendarDate,
  /** How many of the best get their reasons in words. */
  explainTop: z.int().min(1).max(100).default(10),
});
