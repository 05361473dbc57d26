import type { SiteDto } from '../../../../shared/domain/directory';
import type { WeekdayKey } from '../../../../shared/domain/sla';
import type { InputIssue } from '../../../../shared/errors';
import { Issues } from '../admin/api-issues';
import { hoursFromPattern, patternFromHours, type Hours } from '../technicians/technician-format';

/** A site as its form holds it: text as typed, so a half-typed coordinate survives a re-render. */
export interface SiteForm {
  name: string;
  address: string;
  latitude: string;
  longitude: string;
  timeZone: string;
  accessRequirements: string;
  /** Off: technicians may come at any time (accessHours null). */
  restrictHours: boolean;
  hours: Hours;
}

/** What a new restriction starts from: ordinary weekday opening hours. */
const officeHours: Hours = hoursFromPattern({
  mon: [['08:00', '18:00']],
  tue: [['08:00', '18:00']],
  wed: [['08:00', '18:00']],
  thu: [['08:00', '18:00']],
  fri: [['08:00', '18:00']],
});

export function siteFormOf(site: SiteDto | null): SiteForm {
  return {
    name: site?.name ?? '',
    address: site?.address ?? '',
    latitude: site?.latitude?.toString() ?? '',
    longitude: site?.longitude?.toString() ?? '',
    timeZone: site?.timeZone ?? '',
    accessRequirements: site?.accessRequirements ?? '',
    restrictHours: Boolean(site?.accessHours),
    hours: site?.accessHours ? hoursFromPattern(site.accessHours) : officeHours,
  };
}

/**
 * A typed coordinate: blank is none; a decimal comma is read as a point. Anything else is sent as
 * typed, so the server names the field and says what it expects.
 */
function coordinate(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : trimmed;
}

/**
 * The fields sites.create and sites.update share. Nothing is checked here: the server validates
 * and its issues point back at these fields by the same paths (accessHours.fri.0.1).
 */
export function siteFieldsOf(form: SiteForm) {
  return {
    name: form.name.trim(),
    address: form.address.trim(),
    // A string here is refused by the server at its field (see coordinate()); the type says number.
    latitude: coordinate(form.latitude) as number | null,
    longitude: coordinate(form.longitude) as number | null,
    accessRequirements: form.accessRequirements.trim() || null,
    // An empty week is sent as such, so the server can say the site would never be open.
    accessHours: form.restrictHours ? (patternFromHours(form.hours) ?? {}) : null,
    timeZone: form.timeZone || null,
  };
}

const siteFieldNames = new Set(['name', 'address', 'latitude', 'longitude', 'timeZone', 'accessRequirements']);

/** Whether the site form shows this issue at one of its fields; the rest go to a summary. */
export function shownOnSiteField(issue: InputIssue): boolean {
  const [head] = issue.path;
  return typeof head === 'string' && (siteFieldNames.has(head) || head === 'accessHours');
}

/** The part of the form an issue is about, as text, to tell whether it was edited since. */
function fieldValue(form: SiteForm, path: InputIssue['path']): string {
  const [head, day] = path;
  if (head === 'accessHours') {
    const hours = typeof day === 'string' && day in form.hours ? form.hours[day as WeekdayKey] : form.hours;
    return JSON.stringify([form.restrictHours, hours]);
  }
  return typeof head === 'string' && head in form ? JSON.stringify(form[head as keyof SiteForm]) : '';
}

/**
 * The server's issues about the form as it was sent, less those whose field was edited since: a
 * corrected value stops showing its error, the others stay until the next save.
 */
export function currentIssues(issues: Issues, form: SiteForm, sent: SiteForm | null): Issues {
  if (!sent) return issues;
  return new Issues(issues.list.filter((i) => fieldValue(form, i.path) === fieldValue(sent, i.path)));
}
