import { randomUUID } from 'node:crypto';
import { skuKey } from '../../../../shared/domain/parts';
import type { SectionPreview } from '../../../../shared/domain/settings-transfer';
import type { SettingsFileSections } from '../../../../shared/domain/settings-transfer.schema';
import type { WriteTx } from '../../context';
import { saveTemplate } from '../../repositories/message.repository';
import { insertParts, partsBySkuKey, updatePart } from '../../repositories/part.repository';
import { putJsonSetting, upsertCalendar } from '../../repositories/sla-config.repository';
import {
  insertSkill,
  listSkills,
  listWorkTypes,
  saveWorkType,
  updateSkill,
} from '../../repositories/technician.repository';
import { ATTACHMENT_SETTINGS_KEY } from '../attachments/upload-limits';
import { CLOSURE_SETTINGS_KEY } from '../closure-settings.service';
import { DISPATCH_SETTINGS_KEY } from '../dispatch/dispatch-settings.service';
import { GEOCODER_SETTINGS_KEY } from '../geocoder/geocoder-settings.service';
import { REMINDER_SETTINGS_KEY } from '../messages/reminder-settings.service';
import { ORGANISATION_SETTINGS_KEY } from '../organisation-settings.service';
import {
  loadMailSettings,
  loadWebhookSettings,
  OUTBOX_SETTINGS_KEY,
  storeMailSettings,
  storeWebhookSettings,
} from '../outbox/outbox-config.service';
import { SLA_SETTINGS_KEY } from '../sla/sla-config.service';
import type { Setup } from './settings-snapshot.service';

const settingKeys = {
  organisation: ORGANISATION_SETTINGS_KEY,
  sla: SLA_SETTINGS_KEY,
  closure: CLOSURE_SETTINGS_KEY,
  dispatch: DISPATCH_SETTINGS_KEY,
  attachments: ATTACHMENT_SETTINGS_KEY,
  outbox: OUTBOX_SETTINGS_KEY,
  reminders: REMINDER_SETTINGS_KEY,
  geocoder: GEOCODER_SETTINGS_KEY,
} as const;

const touched = (preview: SectionPreview | undefined) =>
  Boolean(preview && (preview.added.length > 0 || preview.changed.length > 0));

/**
 * Writes what the plan says changes, section by section in the file's order, inside the caller's
 * transaction: a failure anywhere (a constraint in the last section) leaves nothing written.
 * Each section that changes leaves one audit row with what it held before and holds after.
 */
export async function applySections(
  write: WriteTx,
  current: Setup,
  sections: SettingsFileSections,
  plan: readonly SectionPreview[],
  by: { at: string; userId: string },
): Promise<void> {
  const { tx, audit } = write;
  const planOf = (section: string) => plan.find((p) => p.section === section);
  const audited = (section: string, before: unknown, after: unknown) =>
    audit({ entity: 'settings_transfer', entityId: section, before, after });

  for (const section of Object.keys(settingKeys) as (keyof typeof settingKeys)[]) {
    const value = sections[section];
    if (value === undefined || !touched(planOf(section))) continue;
    await putJsonSetting(tx, settingKeys[section], value);
    await audited(section, current[section], value);
  }

  if (sections.calendar && touched(planOf('calendar'))) {
    await upsertCalendar(tx, {
      scope: 'default',
      name: sections.calendar.name,
      definition: sections.calendar.calendar,
      updatedAt: by.at,
      updatedBy: by.userId,
    });
    await audited('calendar', current.calendar, sections.calendar);
  }

  // The secrets stay this console's: a file never carries them, so whatever is saved here is kept.
  if (sections.mail && touched(planOf('mail'))) {
    const stored = await loadMailSettings(tx);
    await storeMailSettings(tx, { ...sections.mail, password: stored?.password ?? null });
    await audited('mail', current.mail ?? null, sections.mail);
  }
  if (sections.webhook && touched(planOf('webhook'))) {
    const secret = (await loadWebhookSettings(tx))?.secret ?? null;
    const webhook = { ...sections.webhook, enabled: sections.webhook.enabled && secret !== null };
    await storeWebhookSettings(tx, { ...webhook, secret });
    await audited('webhook', current.webhook ?? null, webhook);
  }

  if (sections.skills && touched(planOf('skills'))) {
    const here = new Map((await listSkills(tx)).map((s) => [s.name.toLowerCase(), s]));
    const written = [];
    for (const skill of sections.skills) {
      const existing = here.get(skill.name.toLowerCase());
      if (!existing) await insertSkill(tx, { id: randomUUID(), ...skill });
      else if (existing.name !== skill.name || existing.description !== skill.description) {
        await updateSkill(tx, { id: existing.id, ...skill });
      } else continue;
      written.push(skill);
    }
    await audited('skills', null, written);
  }

  if (sections.workTypes && touched(planOf('workTypes'))) {
    // After the skills: a work type may need a skill the same file brings.
    const skillIds = new Map((await listSkills(tx)).map((s) => [s.name.toLowerCase(), s.id]));
    const here = new Map((await listWorkTypes(tx)).map((w) => [w.name.toLowerCase(), w]));
    const written = [];
    for (const workType of sections.workTypes) {
      const existing = here.get(workType.name.toLowerCase());
      const requiredSkills = workType.requiredSkills.map((r) => {
        const skillId = skillIds.get(r.skill.toLowerCase());
        // The preview refused a file naming an unknown skill; reaching this is a bug.
        if (!skillId) throw new Error(`work type ${workType.name} needs unknown skill ${r.skill}`);
        return { skillId, minLevel: r.minLevel };
      });
      const record = {
        id: existing?.id ?? randomUUID(),
        name: workType.name,
        category: workType.category,
        durationMinutes: workType.durationMinutes,
        requiredSkills,
        signOffRequired: workType.signOffRequired,
      };
      if (existing && JSON.stringify({ ...existing }) === JSON.stringify(record)) continue;
      await saveWorkType(tx, record);
      written.push(workType);
    }
    await audited('workTypes', null, written);
  }

  if (sections.templates && touched(planOf('templates'))) {
    const before = new Map(current.templates.map((t) => [t.kind, t]));
    const written = [];
    for (const template of sections.templates) {
      const was = before.get(template.kind);
      if (was && was.subject === template.subject && was.body === template.body) continue;
      await saveTemplate(tx, { ...template, at: by.at, by: by.userId });
      written.push(template);
    }
    await audited('templates', null, written);
  }

  // Last, and in bulk: the catalog may hold tens of thousands of parts.
  if (sections.parts && touched(planOf('parts'))) {
    const here = await partsBySkuKey(tx);
    const added = [];
    const changed = [];
    for (const part of sections.parts) {
      const existing = here.get(skuKey(part.sku));
      if (!existing) added.push({ id: randomUUID(), ...part });
      else if (
        existing.sku !== part.sku ||
        existing.name !== part.name ||
        existing.unit !== part.unit ||
        existing.active !== part.active
      ) {
        changed.push({ id: existing.id, ...part });
      }
    }
    for (const part of changed) await updatePart(tx, part, by.at);
    await insertParts(tx, added, by.at);
    await audited('parts', null, { added: added.length, changed: changed.map((p) => p.sku) });
  }
}
