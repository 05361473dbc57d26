import { z } from 'zod';
import { id, instant, optionalText, shortText } from './fields.schema';
import { contactMethods, MAX_LIST_DAYS, MAX_VISIT_MINUTES, MIN_VISIT_MINUTES } from './visit';

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
