import type { WeekdayKey } from './sla';

/** Settings of the whole organisation that are not about SLAs or dispatch ranking. */
export interface OrganisationSettings {
  /** The day a week starts on, wherever the console shows a week (the board's week view). */
  firstDayOfWeek: WeekdayKey;
}

/** Monday, as ISO 8601 and most of the organisation's calendars have it, until an admin says otherwise. */
export const defaultOrganisationSettings: Readonly<OrganisationSettings> = Object.freeze({ firstDayOfWeek: 'mon' });

const sundayFirst: readonly WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The day as JavaScript (and FullCalendar's `firstDay`) numbers it: Sunday 0 to Saturday 6. */
export function weekdayIndex(day: WeekdayKey): number {
  return sundayFirst.indexOf(day);
}

export const weekdayNames: Readonly<Record<WeekdayKey, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
