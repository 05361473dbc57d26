import { z } from 'zod';
import { attachmentSettings } from './attachment.schema';
import { closureSettings } from './closure.schema';
import { dispatchSettings } from './dispatch.schema';
import { instant, optionalText, shortText } from './fields.schema';
import { geocoderSettings } from './geocoder.schema';
import { reminderSettings, templateSaveInput } from './messages.schema';
import { organisationSettings } from './organisation.schema';
import { mailSettingsSaveInput, outboxSettings, webhookSettingsSaveInput } from './outbox.schema';
import { skuKey } from './parts';
import { partName, partUnit, sku } from './parts.schema';
import { slaSettings } from './sla-settings.schema';
import { businessCalendar } from './sla.schema';
import { MAX_SETTINGS_FILE_CHARS, SETTINGS_FILE_FORMAT } from './settings-transfer';

const level = z.int('A whole level').min(1, 'Levels run from 1 to 5').max(5, 'Levels run from 1 to 5');

/** Each name (or SKU, or kind) once in a list; the duplicate is named by its position. */
function unique<T>(keyOf: (item: T) => string, field: string, what: string) {
  return (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [index, field], message: `${what} is in the file twice` });
      seen.add(key);
    });
  };
}

const lower = (text: string) => text.toLowerCase();

export const transferSkill = z.strictObject({ name: shortText(80), description: optionalText(500) });

export const transferWorkType = z.strictObject({
  name: shortText(120),
  category: optionalText(80),
  durationMinutes: z.int().min(5, 'At least 5 minutes').max(1440, 'At most a day (1440 minutes)'),
  /** Skills by name: a skill's id differs on every installation, its name does not. */
  requiredSkills: z
    .array(z.strictObject({ skill: shortText(80), minLevel: level }))
    .max(20)
    .superRefine(unique((s) => lower(s.skill), 'skill', 'This skill')),
  signOffRequired: z.boolean(),
});

export const transferPart = z.strictObject({ sku, name: partName, unit: partUnit, active: z.boolean() });

/** The file's sections; each may be left out, and what a file leaves out stays as it is. */
export const settingsFileSections = z.strictObject({
  organisation: organisationSettings.optional(),
  calendar: z.strictObject({ name: shortText(80), calendar: businessCalendar }).optional(),
  sla: slaSettings.optional(),
  closure: closureSettings.optional(),
  dispatch: dispatchSettings.optional(),
  attachments: attachmentSettings.optional(),
  outbox: outboxSettings.optional(),
  reminders: reminderSettings.optional(),
  geocoder: geocoderSettings.optional(),
  // Without the password and the secret: a file that carries either is refused as unknown.
  mail: mailSettingsSaveInput.omit({ password: true }).optional(),
  webhook: webhookSettingsSaveInput.omit({ secret: true }).optional(),
  skills: z
    .array(transferSkill)
    .max(1000)
    .superRefine(unique((s) => lower(s.name), 'name', 'This skill'))
    .optional(),
  workTypes: z
    .array(transferWorkType)
    .max(1000)
    .superRefine(unique((w) => lower(w.name), 'name', 'This work type'))
    .optional(),
  templates: z
    .array(templateSaveInput)
    .max(100)
    .superRefine(unique((t) => t.kind, 'kind', 'This kind'))
    .optional(),
  parts: z
    .array(transferPart)
    .max(50_000)
    .superRefine(unique((p) => skuKey(p.sku), 'sku', 'This SKU'))
    .optional(),
});
export type SettingsFileSections = z.output<typeof settingsFileSections>;

/** Just enough to tell a settings file and its format version, read before the rest. */
export const settingsFileHeader = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT, 'Not a Dispatch Console settings file'),
  formatVersion: z.int('A whole number').min(1, 'At least 1'),
});

export const settingsFile = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  formatVersion: z.int(),
  schemaVersion: z.string().min(1).max(100),
  exportedAt: instant,
  notice: z.string().max(2000).optional(),
  sections: settingsFileSections,
});
export type SettingsFile = z.output<typeof settingsFile>;

/** The file as the admin picked it, as text: it is checked here, not trusted because it parsed. */
const fileText = z
  .string()
  .min(1, 'Required')
  .max(MAX_SETTINGS_FILE_CHARS, `At most ${MAX_SETTINGS_FILE_CHARS.toLocaleString('en')} characters`);

export const settingsPreviewInput = z.strictObject({ file: fileText });

export const settingsImportInput = z.strictObject({
  file: fileText,
  /** The fingerprint of the preview the admin read: anything else is refused as stale. */
  expectedPreview: z.string().regex(/^[0-9a-f]{64}$/, 'The fingerprint of a preview'),
});
