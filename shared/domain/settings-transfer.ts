/**
 * Settings transfer (issue 16 §5): the organisation's set-up as one JSON file, exported from one
 * console and imported on another with a preview of what changes.
 *
 * What the file holds, and what it deliberately does not:
 * - In it: the settings an organisation decides once and wants the same everywhere: the first day
 *   of the week, the default business calendar, the SLA policy and priority matrix, the reopen
 *   window, dispatch ranking and travel estimates, the upload limit, retries and delay notices,
 *   reminders, the geocoder, the SMTP server and the webhook (each without its secret), skills,
 *   work types (their skills by name: ids differ between installations), the parts catalog (by
 *   SKU) and the message templates an admin saved.
 * - Never in it: secrets (the SMTP password, the webhook's signing secret). A settings file is
 *   mailed around and kept in ticket attachments; a secret in it would leak. The receiving
 *   console keeps its own.
 * - Not in it, being this machine's or this installation's: the backup folder, hour and count
 *   (a folder of one machine), the feedback links' public address (the address of this server),
 *   and the records of first set-up, demo data and pending restores.
 * - Not in it, being data rather than set-up: users, clients, sites, contacts and technicians,
 *   and so the calendars of one client or site (they hang on records whose ids and even names
 *   differ between installations; client names are not unique).
 */
export const SETTINGS_FILE_FORMAT = 'dispatch-console-settings';

/** Raised when the file's layout changes incompatibly; a console refuses files of a newer one. */
export const SETTINGS_FILE_VERSION = 1;

/** A settings file of at most 10 million characters: a 50,000-part catalog fits with room to spare. */
export const MAX_SETTINGS_FILE_CHARS = 10_000_000;

/** Said in the file itself, so whoever opens it knows what it lacks. */
export const SETTINGS_FILE_NOTICE =
  'Dispatch Console settings. Secrets are not in this file: the SMTP password and the webhook signing secret stay on the console they were entered on, and must be entered again after an import. Machine-specific settings (backup folder and schedule, the public address of feedback links) and data (users, clients, sites, technicians, their calendars) are not in it either.';

/** The sections in the order the file lists them, the preview shows them and an import applies them. */
export const settingsSections = [
  'organisation',
  'calendar',
  'sla',
  'closure',
  'dispatch',
  'attachments',
  'outbox',
  'reminders',
  'geocoder',
  'mail',
  'webhook',
  'skills',
  'workTypes',
  'templates',
  'parts',
] as const;
export type SettingsSection = (typeof settingsSections)[number];

export const settingsSectionTitles: Record<SettingsSection, string> = {
  organisation: 'Organisation',
  calendar: 'Default calendar',
  sla: 'SLA policy and priority matrix',
  closure: 'Closure',
  dispatch: 'Dispatch ranking and travel',
  attachments: 'Attachments',
  outbox: 'Message retries and delay notices',
  reminders: 'Visit reminders',
  geocoder: 'Geocoder',
  mail: 'E-mail server',
  webhook: 'Webhook',
  skills: 'Skills',
  workTypes: 'Work types',
  templates: 'Message templates',
  parts: 'Parts catalog',
};

/** What the console leaves out of every file, in words for the preview. */
export const notTransferred: readonly string[] = [
  'The SMTP password and the webhook signing secret (secrets never leave the console).',
  'The backup folder and schedule, and the public address of feedback links (they belong to one machine or server).',
  'Users, clients, sites, contacts and technicians, and the calendars of a client or site (data, not set-up).',
];

export interface SettingsFileDto {
  fileName: string;
  mimeType: 'application/json';
  contentBase64: string;
}

/** One field that differs, in words: "Critical response (minutes): 240 → 120". */
export interface SettingChange {
  field: string;
  before: string;
  after: string;
}

export interface SectionPreview {
  section: SettingsSection;
  title: string;
  /** False when the file does not mention the section: everything in it stays as it is. */
  inFile: boolean;
  /** Items the import creates: "Fibre splicing". */
  added: string[];
  /** Items (or, in a section of settings, the section itself) that differ, field by field. */
  changed: { item: string; changes: SettingChange[] }[];
  /** Items the file holds exactly as they are here. */
  unchanged: string[];
  /** Items here the file does not mention: the import leaves them as they are. */
  staying: string[];
  /** What else to know: a password to enter again, a webhook that stays off… */
  notes: string[];
}

export interface SettingsPreviewDto {
  /** Pass as expectedPreview to settingsTransfer.import: it applies exactly this preview or nothing. */
  fingerprint: string;
  exportedAt: string;
  schemaVersion: string;
  formatVersion: number;
  /** How many items the import adds or changes; 0 means it would change nothing. */
  changeCount: number;
  sections: SectionPreview[];
  notTransferred: readonly string[];
}

export interface SettingsImportResultDto {
  changeCount: number;
  sections: SectionPreview[];
}
