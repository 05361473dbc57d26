import { z } from 'zod';
import { id } from './fields.schema';
import { calendarDate } from './sla.schema';

const scheduleDayFields = {
  date: calendarDate,
  technicianId: id.optional(),
  team: z.string().trim().min(1, 'A team name').max(80, 'At most 80 characters').optional(),
  everyone: z.literal(true, 'Only true').optional(),
};

function oneScope(v: { technicianId?: string; team?: string; everyone?: true }, ctx: z.RefinementCtx) {
  const given = [v.technicianId, v.team, v.everyone].filter((x) => x !== undefined).length;
  if (given !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['technicianId'],
      message: 'Choose exactly one of a technician, a team, or everyone',
    });
  }
}

/**
 * A day and a scope: exactly one of technicianId, team or everyone. The date is read in each
 * technician's own zone.
 */
export const scheduleDayInput = z.strictObject(scheduleDayFields).superRefine(oneScope);
export type ScheduleDayInput = z.output<typeof scheduleDayInput>;

export const paperSizes = ['A4', 'LETTER'] as const;

export const schedulePdfInput = z
  .strictObject({ ...scheduleDayFields, paper: z.enum(paperSizes).default('A4') })
  .superRefine(oneScope);
