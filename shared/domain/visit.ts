import { z } from 'zod';
import { id, instant, optionalText, shortText } from './schemas';
import type { Priority } from './ticket';

export const visitStatuses = ['scheduled', 'en_route', 'on_site', 'completed', 'incomplete', 'cancelled'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** Statuses in which a visit holds its crew's time: only these take part in the no-overlap rule. */
export const liveVisitStatuses: readonly VisitStatus[] = ['scheduled', 'en_route', 'on_site'];

export const visitStatusLabels: Record<VisitStatus, string> = {
  scheduled: 'Scheduled',
  en_route: 'En route',
  on_site: 'On site',
  completed: 'Completed',
  incomplete: 'Incomplete',
  cancelled: 'Cancelled',
};

/** Why a visit ended without resolving the problem. */
export const incompleteReasons = ['needs_parts', 'needs_another_visit', 'escalated'] as const;
export type IncompleteReason = (typeof incompleteReasons)[number];

export const incompleteReasonLabels: Record<IncompleteReason, string> = {
  needs_parts: 'Needs parts',
  needs_another_visit: 'Needs another visit',
  escalated: 'Escalated',
};

/** Where a visit stands on the day: when the crew set off, arrived and finished, as reported. */
export interface VisitProgress {
  enRouteAt: string | null;
  etaAt: string | null;
  arrivedAt: string | null;
  finishedAt: string | null;
  incompleteReason: IncompleteReason | null;
  /** The note given with the latest status change. */
  note: string | null;
}

/** One status change as recorded: who wrote it down, and whether for the crew (on behalf). */
export interface VisitStatusChangeDto {
  id: string;
  fromStatus: VisitStatus;
  toStatus: VisitStatus;
  /** When it happened, as reported; recordedAt is when the console wrote it down. */
  at: string;
  etaAt: string | null;
  reason: IncompleteReason | null;
  note: string | null;
  onBehalf: boolean;
  recordedAt: string;
  recordedBy: { id: string; name: string };
}

export const contactMethods = ['phone', 'email', 'sms', 'portal', 'in_person'] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** What the coordinator confirmed with the client before the visit. */
export interface VisitChecklist {
  contact: { confirmed: boolean; name: string | null; method: ContactMethod | null };
  locationConfirmed: boolean;
  /** Each access requirement the site has, confirmed with the client (true) or not yet (false). */
  access: { badge: boolean; escort: boolean; parking: boolean; openingHours: boolean; notes: string | null };
}

export interface VisitCrewMember {
  technicianId: string;
  name: string;
  role: 'lead' | 'helper';
}

export interface VisitDto {
  id: string;
  ticketId: string;
  ticketNumber: string;
  /** The start of the ticket's description, for a board card or a notification. */
  ticketSummary: string;
  priority: Priority;
  clientName: string;
  site: { id: string; name: string; address: string; latitude: number | null; longitude: number | null } | null;
  /** The lead technician. */
  technicianId: string;
  technicianName: string;
  helperIds: string[];
  /** Lead first, then helpers by name. */
  crew: VisitCrewMember[];
  startsAt: string;
  /** startsAt + durationMinutes. */
  endsAt: string;
  durationMinutes: number;
  /** When the problem is expected to be resolved: a window, either end open. */
  resolveFrom: string | null;
  resolveBy: string | null;
  status: VisitStatus;
  /** Pinned by a dispatcher: the optimizer keeps it where it is. */
  pinned: boolean;
  checklist: VisitChecklist;
  /** Set when a dispatcher booked it against a shift, time-off or travel rule: why, and which rules. */
  override: { reason: string; rules: string[] } | null;
  cancelReason: string | null;
  progress: VisitProgress;
  /** Status changes, oldest first. */
  statusHistory: VisitStatusChangeDto[];
  /** Grows with every change; edits send the version they read and answer `stale` when it moved on. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

// A visit lasts at least five minutes and at most a long working day; longer jobs are several visits.
export const MIN_VISIT_MINUTES = 5;
export const MAX_VISIT_MINUTES = 12 * 60;
// The board asks for at most a month at a time.
export const MAX_LIST_DAYS = 31;

const durationMinutes = z
  .int('Whole minutes')
  .min(MIN_VISIT_MINUTES, `At least ${MIN_VISIT_MINUTES} minutes`)
  .max(MAX_VISIT_MINUTES, `At most ${MAX_VISIT_MINUTES / 60} hours; book longer work as several visits`);

const helperIds = z.array(id).max(10, 'At most 10 helpers');

/** A dispatcher's confirmation that a shift, time-off or travel rule may be broken, and why. */
export const visitOverride = z.strictObject({ reason: shortText(500) });

const nullableInstant = instant.nullish().transform((v) => v ?? null);

/** Names each helper that is the lead or appears twice, by its index. */
function checkCrew(
  crew: { technicianId?: string | undefined; helperIds?: string[] | undefined },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  crew.helperIds?.forEach((helper, index) => {
    if (helper === crew.technicianId)
      ctx.addIssue({ code: 'custom', path: ['helperIds', index], message: 'The lead cannot also be a helper' });
    else if (seen.has(helper)) ctx.addIssue({ code: 'custom', path: ['helperIds', index], message: 'Listed twice' });
    seen.add(helper);
  });
}

function checkResolution(
  w: { startsAt?: string | undefined; resolveFrom?: string | null | undefined; resolveBy?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (w.resolveFrom && w.resolveBy && w.resolveBy <= w.resolveFrom)
    ctx.addIssue({ code: 'custom', path: ['resolveBy'], message: 'After resolveFrom' });
  if (w.startsAt && w.resolveBy && w.resolveBy <= w.startsAt)
    ctx.addIssue({ code: 'custom', path: ['resolveBy'], message: 'After the visit starts' });
}

export const visitCreateInput = z
  .strictObject({
    ticketId: id,
    technicianId: id,
    helperIds: helperIds.default([]),
    startsAt: instant,
    durationMinutes,
    resolveFrom: nullableInstant,
    resolveBy: nullableInstant,
    pinned: z.boolean().default(false),
    override: visitOverride.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    checkCrew(v, ctx);
    checkResolution(v, ctx);
  });

/** A reschedule or reassignment: absent fields keep their value. */
export const visitUpdateInput = z
  .strictObject({
    id,
    expectedVersion: z.int().min(1),
    technicianId: id.optional(),
    helperIds: helperIds.optional(),
    startsAt: instant.optional(),
    durationMinutes: durationMinutes.optional(),
    resolveFrom: instant.nullish(),
    resolveBy: instant.nullish(),
    pinned: z.boolean().optional(),
    override: visitOverride.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    checkCrew(v, ctx);
    checkResolution(v, ctx);
  });

export const visitCancelInput = z.strictObject({ id, expectedVersion: z.int().min(1), reason: shortText(500) });

/** The checklist as a whole: what the coordinator has confirmed so far. */
export const visitChecklistInput = z
  .strictObject({
    id,
    expectedVersion: z.int().min(1),
    contact: z.strictObject({
      confirmed: z.boolean(),
      name: optionalText(120),
      method: z
        .enum(contactMethods)
        .nullish()
        .transform((v) => v ?? null),
    }),
    locationConfirmed: z.boolean(),
    access: z.strictObject({
      badge: z.boolean(),
      escort: z.boolean(),
      parking: z.boolean(),
      openingHours: z.boolean(),
      notes: optionalText(1000),
    }),
  })
  .superRefine((v, ctx) => {
    // "Contact confirmed" means someone in particular said yes, somehow.
    if (v.contact.confirmed && !v.contact.name)
      ctx.addIssue({ code: 'custom', path: ['contact', 'name'], message: 'Who confirmed' });
    if (v.contact.confirmed && !v.contact.method)
      ctx.addIssue({ code: 'custom', path: ['contact', 'method'], message: 'How they confirmed' });
  });

export const visitListInput = z
  .strictObject({
    from: instant,
    to: instant,
    technicianIds: z.array(id).min(1).max(500).optional(),
    includeCancelled: z.boolean().default(false),
  })
  .refine((w) => w.to > w.from, { path: ['to'], error: 'After from' })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= MAX_LIST_DAYS * 86_400_000, {
    path: ['to'],
    error: `At most ${MAX_LIST_DAYS} days after from`,
  });
