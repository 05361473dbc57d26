import { weekdayNames } from '../../../../shared/domain/organisation';
import type { SettingChange } from '../../../../shared/domain/settings-transfer';
import { weekdayKeys, type WeekdayKey } from '../../../../shared/domain/sla';

// The preview tells an admin what an import changes in words they know from the settings
// screens: a label per field, and values as the screens show them.

const labels: Record<string, string> = {
  'organisation.firstDayOfWeek': 'First day of the week',
  'calendar.name': 'Name',
  'calendar.calendar.timeZone': 'Time zone',
  'calendar.calendar.holidays.country': 'Public holidays of country',
  'calendar.calendar.holidays.state': 'Public holidays of state',
  'calendar.calendar.holidays.region': 'Public holidays of region',
  'calendar.calendar.closures': 'Closure dates',
  'sla.policy.criticalMinutes': 'Critical: response within (minutes)',
  'sla.policy.sameDayCutoff': 'High: same day if received before',
  'sla.policy.mediumDays': 'Medium: within (business days)',
  'sla.policy.lowDays': 'Low: within (business days)',
  'sla.atRiskFraction': 'At risk once this much of the window has passed',
  'closure.reopenWindowDays': 'A closed ticket may be reopened for (days)',
  'dispatch.weights.skillFit': 'Ranking weight of skill fit',
  'dispatch.weights.lateness': 'Ranking weight of lateness',
  'dispatch.weights.travel': 'Ranking weight of travel',
  'dispatch.weights.extraTravel': 'Ranking weight of extra travel',
  'dispatch.weights.workload': 'Ranking weight of workload',
  'dispatch.weights.earliestStart': 'Ranking weight of the earliest start',
  'dispatch.travel.detourFactor': 'Travel: detour factor',
  'dispatch.travel.averageSpeedKmh': 'Travel: average speed (km/h)',
  'dispatch.travel.parkingMinutes': 'Travel: parking and walking in (minutes)',
  'dispatch.travel.osrm.enabled': 'Road routing (OSRM)',
  'dispatch.travel.osrm.url': 'Road routing server',
  'dispatch.travel.osrm.profile': 'Road routing profile',
  'dispatch.travel.osrm.timeoutMs': 'Road routing timeout (ms)',
  'attachments.maxUploadMegabytes': 'Largest upload (MB)',
  'outbox.firstRetryMinutes': 'First retry after (minutes)',
  'outbox.maxRetryMinutes': 'Longest wait between retries (minutes)',
  'outbox.maxAttempts': 'Attempts at most',
  'outbox.delayGraceMinutes': 'Delay notice once the crew is late by (minutes)',
  'reminders.leadHours': 'Reminder before a visit (hours)',
  'geocoder.enabled': 'Geocoder',
  'geocoder.service': 'Geocoder service',
  'geocoder.url': 'Geocoder address',
  'geocoder.timeoutMs': 'Geocoder timeout (ms)',
  'mail.host': 'SMTP server',
  'mail.port': 'Port',
  'mail.tls': 'Security',
  'mail.user': 'User',
  'mail.fromAddress': 'From address',
  'mail.fromName': 'From name',
  'webhook.url': 'Webhook address',
  'webhook.kinds': 'Message kinds posted',
  'webhook.enabled': 'Webhook',
  'skills.name': 'Name',
  'skills.description': 'Description',
  'workTypes.name': 'Name',
  'workTypes.category': 'Category',
  'workTypes.durationMinutes': 'Usual duration (minutes)',
  'workTypes.requiredSkills': 'Skills needed',
  'workTypes.signOffRequired': "Client's sign-off required",
  'templates.subject': 'Subject',
  'templates.body': 'Body',
  'parts.sku': 'SKU',
  'parts.name': 'Name',
  'parts.unit': 'Unit',
  'parts.active': 'Active',
};

function humanise(segment: string): string {
  const words = segment.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field's label: "Critical: response within (minutes)", "Monday hours", "Impact high, urgency low". */
export function labelOf(path: string): string {
  const known = labels[path];
  if (known) return known;
  const parts = path.split('.');
  const day = parts[3] as WeekdayKey | undefined;
  if (parts[2] === 'hours' && day && weekdayKeys.includes(day)) return `${weekdayNames[day]} hours`;
  const [section, first, impact, urgency] = parts;
  if (section === 'sla' && first === 'matrix' && impact && urgency) {
    return `Priority of impact ${impact}, urgency ${urgency}`;
  }
  return parts.slice(1).map(humanise).join(' › ');
}

const LONGEST_VALUE = 160;

function clip(text: string): string {
  return text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE - 1)}…` : text;
}

/** A scalar as written; anything else as its JSON. */
function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return `${value}`;
  return JSON.stringify(value);
}

function listWords(list: unknown[], path: string): string {
  if (list.length === 0) return path.includes('.hours.') ? 'closed' : 'none';
  return list
    .map((item) => {
      if (Array.isArray(item)) return item.map(plain).join('–');
      if (item && typeof item === 'object' && 'skill' in item && 'minLevel' in item) {
        return `${plain(item.skill)} (level ${plain(item.minLevel)} or above)`;
      }
      return plain(item);
    })
    .join(', ');
}

/** A value as the settings screens show it: "on", "75%", "Monday", "08:00–12:00, 13:00–17:00". */
export function valueWords(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return path.includes('.hours.') ? 'closed' : 'not set';
  if (typeof value === 'boolean') return path.endsWith('enabled') ? (value ? 'on' : 'off') : value ? 'yes' : 'no';
  if (path === 'sla.atRiskFraction' && typeof value === 'number') return `${Math.round(value * 1000) / 10}%`;
  if (path === 'organisation.firstDayOfWeek' && typeof value === 'string' && value in weekdayNames) {
    return weekdayNames[value as WeekdayKey];
  }
  return clip(Array.isArray(value) ? listWords(value, path) : plain(value));
}

/** Leaves of a section's value by dotted path; lists are leaves (they read as one value). */
function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, `${path}.${key}`, into);
  } else {
    into.set(path, value);
  }
  return into;
}

/**
 * The fields of `after` that differ from `before`, in words. `path` is the section (and for a
 * list's items, the section only: every item's fields share its labels).
 */
export function changesBetween(path: string, before: unknown, after: unknown): SettingChange[] {
  const was = leaves(before, path, new Map());
  const will = leaves(after, path, new Map());
  const keys = [...new Set([...was.keys(), ...will.keys()])];
  return keys
    .filter((key) => JSON.stringify(was.get(key) ?? null) !== JSON.stringify(will.get(key) ?? null))
    .map((key) => ({
      field: labelOf(key),
      before: valueWords(key, was.get(key)),
      after: valueWords(key, will.get(key)),
    }));
}
