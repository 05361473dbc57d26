import type { BusinessCalendar } from '../../../../shared/domain/sla';
import {
  defaultSlaSettings,
  type CalendarDto,
  type CalendarScope,
  type SlaSettings,
} from '../../../../shared/domain/sla-settings';
import { slaSettings } from '../../../../shared/domain/sla-settings.schema';
import type { DatabaseHandle } from '../../db/connect';
import type { Tx } from '../../db/transaction';
import {
  findCalendars,
  getJsonSetting,
  insertCalendarIfMissing,
  listCalendars,
  type StoredCalendar,
} from '../../repositories/sla-config.repository';
import type { Clock } from '../clock';

export const SLA_SETTINGS_KEY = 'sla.settings';

export function scopeKey(scope: CalendarScope): string {
  if (scope.kind === 'default') return 'default';
  return scope.kind === 'client' ? `client:${scope.clientId}` : `site:${scope.siteId}`;
}

function scopeOf(key: string): CalendarScope {
  if (key.startsWith('client:')) return { kind: 'client', clientId: key.slice('client:'.length) };
  if (key.startsWith('site:')) return { kind: 'site', siteId: key.slice('site:'.length) };
  return { kind: 'default' };
}

/** Mon–Fri 08:00–17:00 in this machine's zone: what a fresh install starts from until an admin edits it. */
export function starterCalendar(): BusinessCalendar {
  const day: [string, string][] = [['08:00', '17:00']];
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
  };
}

/** Creates the organization's default calendar on first start; the first workstation's wins. */
export async function ensureDefaultCalendar(handle: DatabaseHandle, clock: Clock): Promise<void> {
  await insertCalendarIfMissing(handle.db, {
    scope: 'default',
    name: 'Organization default',
    definition: starterCalendar(),
    updatedAt: clock.now().toISOString(),
  });
}

const DEFAULT_SCOPE_NAME = 'Everyone without a calendar of their own';

function toDto(stored: StoredCalendar & { scopeName?: string | null }): CalendarDto | null {
  // Stored calendars passed the same schema when saved; a row that no longer parses (edited by
  // hand in the database) is ignored rather than trusted.
  if (!stored.calendar) return null;
  const scope = scopeOf(stored.scope);
  return {
    scope,
    scopeName: scope.kind === 'default' ? DEFAULT_SCOPE_NAME : (stored.scopeName ?? stored.scope),
    name: stored.name,
    calendar: stored.calendar,
    updatedAt: stored.updatedAt,
  };
}

/** The default first, then client and site calendars by whose they are. */
export async function allCalendars(db: Tx): Promise<CalendarDto[]> {
  const kindOrder = { default: 0, client: 1, site: 2 };
  return (await listCalendars(db))
    .map(toDto)
    .filter((c): c is CalendarDto => c !== null)
    .sort((a, b) => kindOrder[a.scope.kind] - kindOrder[b.scope.kind] || a.scopeName.localeCompare(b.scopeName));
}

/** The calendar that governs a ticket: its site's, else its client's, else the default. */
export async function calendarFor(
  db: Tx,
  target: { siteId: string | null; clientId: string },
): Promise<{ scopeKey: string; calendar: BusinessCalendar }> {
  const keys = [...(target.siteId ? [`site:${target.siteId}`] : []), `client:${target.clientId}`, 'default'];
  const found = await findCalendars(db, keys);
  for (const key of keys) {
    const stored = found.find((c) => c.scope === key);
    const dto = stored && toDto(stored);
    if (dto) return { scopeKey: key, calendar: dto.calendar };
  }
  return { scopeKey: 'default', calendar: starterCalendar() };
}

export async function loadSlaSettings(db: Tx): Promise<SlaSettings> {
  // Settings that no longer parse are logged by the read; the defaults stand in for them.
  return (await getJsonSetting(db, SLA_SETTINGS_KEY, slaSettings)) ?? defaultSlaSettings;
}

/** The organization's default calendar: the hours and zone of anyone without their own. */
export async function defaultCalendar(db: Tx): Promise<BusinessCalendar> {
  const [stored] = await findCalendars(db, ['default']);
  return (stored && toDto(stored)?.calendar) ?? starterCalendar();
}
