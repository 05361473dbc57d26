import { DateTime } from 'luxon';

// An <input type="datetime-local"> holds a wall-clock time without a zone; the API takes instants.
// Both directions use the workstation's zone, which is the zone the person typing is in.
const inputFormat = "yyyy-LL-dd'T'HH:mm";

/** The input's value for an instant ('' for none). */
export function toLocalInput(iso: string | null): string {
  return iso ? DateTime.fromISO(iso).toFormat(inputFormat) : '';
}

/** The input's value for this minute. */
export function nowLocalInput(): string {
  return DateTime.now().toFormat(inputFormat);
}

/** The instant an input's value names, in UTC; null when it is empty or not a time. */
export function instantOfLocalInput(value: string): string | null {
  return value ? DateTime.fromISO(value).toUTC().toISO() : null;
}
