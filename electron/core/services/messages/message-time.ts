import { DateTime } from 'luxon';
import { zoneAbbreviation } from '../../../../shared/time/instant-words';

// Times in messages are the site's wall clock with the zone's abbreviation, so a client reads
// "09:00 PST" and a technician in another zone cannot mistake it for their own time.

function inZone(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone }).setLocale('en-GB');
}

/** e.g. "Mon 4 Jan 2027, 09:00 PST". */
export function formatMoment(iso: string, zone: string): string {
  const at = inZone(iso, zone);
  return `${at.toFormat('ccc d LLL yyyy, HH:mm')} ${zoneAbbreviation(iso, zone)}`;
}

/** e.g. "Mon 4 Jan 2027, 09:00–10:00 PST"; the end's date too when it falls on another day. */
export function formatWindow(startIso: string, endIso: string, zone: string): string {
  const start = inZone(startIso, zone);
  const end = inZone(endIso, zone);
  const sameDay = start.hasSame(end, 'day');
  const endText = sameDay ? end.toFormat('HH:mm') : end.toFormat('ccc d LLL yyyy, HH:mm');
  return `${start.toFormat('ccc d LLL yyyy, HH:mm')}–${endText} ${zoneAbbreviation(endIso, zone)}`;
}

/** e.g. "09:40 PST" (with the date when it is not the day of `reference`). */
export function formatTime(iso: string, zone: string, reference: string): string {
  const at = inZone(iso, zone);
  const text = at.hasSame(inZone(reference, zone), 'day') ? at.toFormat('HH:mm') : at.toFormat('ccc d LLL, HH:mm');
  return `${text} ${zoneAbbreviation(iso, zone)}`;
}
