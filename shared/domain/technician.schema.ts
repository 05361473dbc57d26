import { z } from 'zod';
import { id, optionalText, phone, email, shortText, timeZone, instant } from './fields.schema';
import { calendarDate, weeklyHours } from './sla.schema';
import { availabilityKinds } from './technician';

const level = z.int('A whole level').min(1, 'Levels run from 1 to 5').max(5, 'Levels run from 1 to 5');

const latitude = z
  .number()
  .min(-90)
  .max(90)
  .nullish()
  .transform((v) => v ?? null);
const longitude = z
  .number()
  .min(-180)
  .max(180)
  .nullish()
  .transform((v) => v ?? null);

export const requiredSkillsInput = z
  .array(z.strictObject({ skillId: id, minLevel: level }))
  .max(20)
  .refine((list) => new Set(list.map((s) => s.skillId)).size === list.length, 'Each skill once');

export const technicianSaveInput = z.strictObject({
  /** Absent to create; present to replace that technician's record. */
  id: id.optional(),
  userId: id.nullish().transform((v) => v ?? null),
  name: shortText(120),
  phone,
  email,
  team: optionalText(80),
  homeAddress: optionalText(300),
  homeLatitude: latitude,
  homeLongitude: longitude,
  timeZone: timeZone.nullish().transform((v) => v ?? null),
  shiftPattern: weeklyHours.nullish().transform((v) => v ?? null),
  maxVisitsPerDay: z
    .int()
    .min(1)
    .max(50)
    .nullish()
    .transform((v) => v ?? null),
  skills: z
    .array(
      z.strictObject({
        skillId: id,
        level,
        certifiedUntil: calendarDate.nullish().transform((v) => v ?? null),
      }),
    )
    .max(50)
    .refine((list) => new Set(list.map((s) => s.skillId)).size === list.length, 'Each skill once'),
  certifications: z
    .array(z.strictObject({ name: shortText(120), expiresOn: calendarDate.nullish().transform((v) => v ?? null) }))
    .max(50)
    .refine((list) => new Set(list.map((c) => c.name)).size === list.length, 'Each certification once'),
  active: z.boolean().default(true),
});

export const availabilityInput = z.strictObject({
  technicianId: id,
  kind: z.enum(availabilityKinds),
  startsAt: instant,
  endsAt: instant,
  note: optionalText(500),
});

export const workTypeSaveInput = z.strictObject({
  id: id.optional(),
  name: shortText(120),
  category: optionalText(80),
  durationMinutes: z.int().min(5, 'At least 5 minutes').max(1440, 'At most a day (1440 minutes)'),
  requiredSkills: requiredSkillsInput,
  signOffRequired: z.boolean().default(false),
});
