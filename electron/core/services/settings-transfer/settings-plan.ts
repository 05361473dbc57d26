import { createHash } from 'node:crypto';
import { messageKindLabels } from '../../../../shared/domain/messages';
import { skuKey } from '../../../../shared/domain/parts';
import {
  settingsSections,
  settingsSectionTitles,
  type SectionPreview,
  type SettingsSection,
} from '../../../../shared/domain/settings-transfer';
import type { SettingsFileSections } from '../../../../shared/domain/settings-transfer.schema';
import type { Setup } from './settings-snapshot.service';
import { changesBetween } from './settings-words';

// What an import would do, worked out once from the console's set-up and the file, and used
// both to tell the admin (the preview) and to apply (the import): they cannot disagree.

/** What the console holds apart from its set-up and the import must keep: its secrets. */
export interface Secrets {
  mailPasswordSet: boolean;
  webhookSecretSet: boolean;
}

type ListSection = 'skills' | 'workTypes' | 'templates' | 'parts';
type ObjectSection = Exclude<SettingsSection, ListSection>;

const listSections: Record<ListSection, true> = { skills: true, workTypes: true, templates: true, parts: true };
const isList = (section: SettingsSection): section is ListSection => section in listSections;

/** How a list's items are matched between consoles (ids differ), and named for people. */
const listKeys: {
  [S in ListSection]: { key: (item: Setup[S][number]) => string; name: (item: Setup[S][number]) => string };
} = {
  skills: { key: (s) => s.name.toLowerCase(), name: (s) => s.name },
  workTypes: { key: (w) => w.name.toLowerCase(), name: (w) => w.name },
  templates: { key: (t) => t.kind, name: (t) => messageKindLabels[t.kind] },
  parts: { key: (p) => skuKey(p.sku), name: (p) => `${p.sku} ${p.name}` },
};

/** A section's value as the import will store it: the webhook stays off where it could not sign. */
function plannedObject(section: ObjectSection, sections: SettingsFileSections, secrets: Secrets): unknown {
  const value = sections[section];
  if (section === 'webhook' && sections.webhook) {
    return { ...sections.webhook, enabled: sections.webhook.enabled && secrets.webhookSecretSet };
  }
  return value;
}

function notesOf(section: SettingsSection, sections: SettingsFileSections, secrets: Secrets): string[] {
  if (section === 'mail' && sections.mail?.user) {
    return [
      secrets.mailPasswordSet
        ? 'The password is not in the file: the one saved on this console stays.'
        : 'The password is not in the file and none is saved here: enter it under Admin › E-mail before messages can go.',
    ];
  }
  if (section === 'webhook' && sections.webhook) {
    if (sections.webhook.enabled && !secrets.webhookSecretSet) {
      return [
        'The signing secret is not in the file and none is saved here: the webhook stays off until one is entered under Admin › E-mail.',
      ];
    }
    return ['The signing secret is not in the file: the one saved on this console stays.'];
  }
  return [];
}

function objectPreview(
  section: ObjectSection,
  current: Setup,
  sections: SettingsFileSections,
  secrets: Secrets,
): SectionPreview {
  const title = settingsSectionTitles[section];
  const base = { section, title, inFile: true, added: [], changed: [], unchanged: [], staying: [] };
  const after = plannedObject(section, sections, secrets);
  const before = current[section];
  const notes = notesOf(section, sections, secrets);
  if (before === undefined) return { ...base, added: [title], notes };
  const changes = changesBetween(section, before, after);
  return changes.length > 0
    ? { ...base, changed: [{ item: title, changes }], notes }
    : { ...base, unchanged: [title], notes };
}

function listPreview<S extends ListSection>(
  section: S,
  currentItems: Setup[S],
  fileItems: NonNullable<SettingsFileSections[S]>,
): SectionPreview {
  // Each section's functions take that section's items; the map cannot say so per key to TypeScript.
  const { key, name } = listKeys[section] as unknown as {
    key: (item: unknown) => string;
    name: (item: unknown) => string;
  };
  const here = new Map<string, unknown>(currentItems.map((item) => [key(item), item]));
  const preview: SectionPreview = {
    section,
    title: settingsSectionTitles[section],
    inFile: true,
    added: [],
    changed: [],
    unchanged: [],
    staying: [],
    notes: [],
  };
  const mentioned = new Set<string>();
  for (const item of fileItems) {
    const k = key(item);
    mentioned.add(k);
    const before = here.get(k);
    if (before === undefined) {
      preview.added.push(name(item));
      continue;
    }
    const changes = changesBetween(section, before, item);
    if (changes.length > 0) preview.changed.push({ item: name(before), changes });
    else preview.unchanged.push(name(item));
  }
  for (const [k, item] of here) if (!mentioned.has(k)) preview.staying.push(name(item));
  return preview;
}

/** Per section, in the file's order: what the import adds, changes, leaves, and keeps. */
export function planSections(current: Setup, sections: SettingsFileSections, secrets: Secrets): SectionPreview[] {
  return settingsSections.map((section) => {
    const fileValue = sections[section];
    if (fileValue === undefined) {
      return {
        section,
        title: settingsSectionTitles[section],
        inFile: false,
        added: [],
        changed: [],
        unchanged: [],
        staying: [
          current[section] === undefined ? 'Not set up here, and not in the file' : 'Not in the file: stays as it is',
        ],
        notes: [],
      };
    }
    if (isList(section)) {
      return listPreview(section, current[section], fileValue as NonNullable<SettingsFileSections[typeof section]>);
    }
    return objectPreview(section, current, sections, secrets);
  });
}

export function changeCountOf(previews: readonly SectionPreview[]): number {
  return previews.reduce((n, p) => n + p.added.length + p.changed.length, 0);
}

/** JSON with keys in order: the same data always gives the same text, whatever built it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The preview's fingerprint: the console's set-up (and whether its secrets are set) and the file.
 * An import recomputes it in its transaction; any difference means the admin read another preview.
 */
export function fingerprintOf(current: Setup, secrets: Secrets, sections: SettingsFileSections): string {
  return createHash('sha256').update(canonical({ current, secrets, sections })).digest('hex');
}
