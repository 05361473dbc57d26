import { DateTime } from 'luxon';

// One rule for every time the console shows about a ticket: the reader's locale and zone for the
// format; the site's wall clock with its zone's abbreviation beside it when the site keeps another
// time. The core does not know the reader, so what it writes into text names UTC plainly
// (utcWords), and says which instants those are, for the reader's side to put in its own words.

/** "2027-01-04 17:00 UTC": an instant in text the core writes, readable by anyone and by the console. */
export function utcWords(iso: string): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  return at.isValid ? `${at.toFormat('yyyy-MM-dd HH:mm')} UTC` : iso;
}

/** The zone's short name at that instant: PST, CEST, BST…, else an offset such as GMT+5:30. */
export function zoneAbbreviation(iso: string, zone: string): string {
  const at = DateTime.fromISO(iso, { zone });
  // Intl knows a zone's abbreviation only in the locales where it is in common use.
  for (const locale of ['en-US', 'en-GB', 'en-AU', 'en-IN']) {
    const name = at.setLocale(locale).toFormat('ZZZZ');
    if (!name.startsWith('GMT') || name === 'GMT') return name;
  }
  return at.setLocale('en-US').toFormat('ZZZZ');
}

export interface Reader {
  /** The workstation's locale (BCP 47), e.g. "en-US". */
  locale: string;
  /** The workstation's IANA zone. */
  zone: string;
}

const dateAndTime = { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
const timeOnly = { hour: '2-digit', minute: '2-digit' } as const;
const dayAndTime = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } as const;

/**
 * An instant for the reader, e.g. "Dec 14, 2026, 09:00 AM"; when the site keeps another time at
 * that instant, its wall clock follows with the abbreviation: "Dec 14, 2026, 09:00 AM (02:00 PM
 * GMT at the site)", its date too when the site is on another day.
 */
export function instantWords(iso: string, reader: Reader, siteZone?: string | null): string {
  const here = DateTime.fromISO(iso, { zone: reader.zone, locale: reader.locale });
  if (!here.isValid) return iso;
  const mine = here.toLocaleString(dateAndTime);
  if (!siteZone) return mine;
  const there = here.setZone(siteZone);
  // Zones with other names but the same clock (New York and Toronto) read as one.
  if (!there.isValid || there.offset === here.offset) return mine;
  const clock = there.toLocaleString(there.hasSame(here, 'day') ? timeOnly : dayAndTime);
  return `${mine} (${clock} ${zoneAbbreviation(iso, siteZone)} at the site)`;
}

/** The workstation's locale and zone, as the browser (or Electron's renderer) reports them. */
export function workstationReader(): Reader {
  const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
  return { locale, zone: timeZone };
}
