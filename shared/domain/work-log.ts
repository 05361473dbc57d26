import type { VisitStatus } from './visit';

export const workOutcomes = ['resolved', 'partially_resolved', 'not_resolved'] as const;
export type WorkOutcome = (typeof workOutcomes)[number];

export const workOutcomeLabels: Record<WorkOutcome, string> = {
  resolved: 'Resolved',
  partially_resolved: 'Partially resolved',
  not_resolved: 'Not resolved',
};

export const MAX_STEPS = 100;
export const MAX_PART_LINES = 100;
export const MAX_SERIALS_PER_LINE = 100;
export const MAX_ACTIONS_LENGTH = 10_000;
export const MAX_STEP_LENGTH = 500;
export const MAX_QUANTITY = 10_000;

/** One line of parts used on a visit, with the catalog's SKU, name and unit as they are now. */
export interface WorkLogPartDto {
  partId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  serialsInstalled: string[];
  serialsRemoved: string[];
}

/** What was done on one visit. Version 0 means nothing has been recorded yet. */
export interface WorkLogDto {
  visitId: string;
  ticketId: string;
  ticketNumber: string;
  /** The visit it documents, enough to label it in a list. */
  visit: { startsAt: string; status: VisitStatus; technicianName: string };
  actions: string;
  steps: string[];
  parts: WorkLogPartDto[];
  /** The technician stated that no parts were used (rather than forgetting to list them). */
  noParts: boolean;
  /** As entered; null when nobody entered it. */
  timeOnSiteMinutes: number | null;
  /** From the visit's arrival to its end (or to now while on site); null before arrival. */
  suggestedTimeOnSiteMinutes: number | null;
  outcome: WorkOutcome | null;
  version: number;
  updatedAt: string | null;
  /** Display name of who saved it last. */
  updatedBy: string | null;
  /** Whether the caller may save it: the visit's crew, dispatchers and admins, unless the visit was cancelled or the ticket closed. */
  canEdit: boolean;
}
