import { skuKey } from '../../../../shared/domain/parts';
import type { SettingsFileSections } from '../../../../shared/domain/settings-transfer.schema';
import type { Tx } from '../../db/transaction';
import { listSavedTemplates } from '../../repositories/message.repository';
import { partsBySkuKey } from '../../repositories/part.repository';
import { findCalendars } from '../../repositories/sla-config.repository';
import { listSkills, listWorkTypes } from '../../repositories/technician.repository';
import { loadAttachmentSettings } from '../attachments/upload-limits';
import { loadClosureSettings } from '../closure-settings.service';
import { loadDispatchSettings } from '../dispatch/dispatch-settings.service';
import { loadGeocoderSettings } from '../geocoder/geocoder-settings.service';
import { loadReminderSettings } from '../messages/reminder-settings.service';
import { loadOrganisationSettings } from '../organisation-settings.service';
import { loadMailSettings, loadOutboxSettings, loadWebhookSettings } from '../outbox/outbox-config.service';
import { starterCalendar } from '../sla/sla-config.service';
import { loadSlaSettings } from '../sla/sla-config.service';

/** The set-up as this console holds it, every section filled, in the file's shape. */
export type Setup = SettingsFileSections & Required<Omit<SettingsFileSections, 'mail' | 'webhook'>>;

// Sorted here rather than in SQL: SQLite and PostgreSQL collate text differently, and two
// consoles must write the same file for the same set-up.
const byText = <T>(keyOf: (item: T) => string) => {
  return (a: T, b: T) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
};
const byName = byText<{ name: string }>((s) => `${s.name.toLowerCase()}\u0000${s.name}`);

/**
 * Reads the organisation's set-up: the settings in effect (stored or default, so a file states
 * every value rather than "whatever the default is there"), and the lists by name, SKU or kind.
 */
export async function readSetup(tx: Tx): Promise<Setup> {
  const [stored] = await findCalendars(tx, ['default']);
  const skills = await listSkills(tx);
  const skillNames = new Map(skills.map((s) => [s.id, s.name]));
  const mail = await loadMailSettings(tx);
  const webhook = await loadWebhookSettings(tx);
  const parts = [...(await partsBySkuKey(tx)).values()].sort(byText((p) => skuKey(p.sku)));
  return {
    organisation: await loadOrganisationSettings(tx),
    calendar: stored?.calendar
      ? { name: stored.name, calendar: stored.calendar }
      : { name: 'Organization default', calendar: starterCalendar() },
    sla: await loadSlaSettings(tx),
    closure: await loadClosureSettings(tx),
    dispatch: await loadDispatchSettings(tx),
    attachments: await loadAttachmentSettings(tx),
    outbox: await loadOutboxSettings(tx),
    reminders: await loadReminderSettings(tx),
    geocoder: await loadGeocoderSettings(tx),
    ...(mail && {
      mail: {
        host: mail.host,
        port: mail.port,
        tls: mail.tls,
        user: mail.user,
        fromAddress: mail.fromAddress,
        fromName: mail.fromName,
      },
    }),
    ...(webhook && { webhook: { url: webhook.url, kinds: webhook.kinds, enabled: webhook.enabled } }),
    skills: skills.map((s) => ({ name: s.name, description: s.description })).sort(byName),
    workTypes: (await listWorkTypes(tx))
      .map((w) => ({
        name: w.name,
        category: w.category,
        durationMinutes: w.durationMinutes,
        requiredSkills: w.requiredSkills.map((r) => ({
          // A skill id that names no skill cannot happen through the API (skills are never deleted).
          skill: skillNames.get(r.skillId) ?? r.skillId,
          minLevel: r.minLevel,
        })),
        signOffRequired: w.signOffRequired,
      }))
      .sort(byName),
    templates: (await listSavedTemplates(tx))
      .map((t) => ({ kind: t.kind, subject: t.subject, body: t.body }))
      .sort(byText((t) => t.kind)),
    parts: parts.map((p) => ({ sku: p.sku, name: p.name, unit: p.unit, active: p.active })),
  };
}
