import { describe, expect, it } from 'vitest';
import { instantWords, utcWords, zoneAbbreviation } from '../../shared/time/instant-words';

// Intl puts a narrow no-break space before AM/PM; compared as plain spaces.
const plain = (text: string) => text.replace(/\s/g, ' ');
const newYork = { locale: 'en-US', zone: 'America/New_York' };

describe('instantWords: the reader’s locale and zone, the site’s clock beside it when it differs', () => {
  it.each([
    {
      why: 'a site in the reader’s zone adds nothing',
      iso: '2026-12-14T14:00:00.000Z',
      reader: newYork,
      site: 'America/New_York',
      words: 'Dec 14, 2026, 09:00 AM',
    },
    {
      why: 'a zone of another name on the same clock adds nothing',
      iso: '2026-12-14T14:00:00.000Z',
      reader: newYork,
      site: 'America/Toronto',
      words: 'Dec 14, 2026, 09:00 AM',
    },
    {
      why: 'no site zone known: the reader’s time alone',
      iso: '2026-12-14T14:00:00.000Z',
      reader: newYork,
      site: null,
      words: 'Dec 14, 2026, 09:00 AM',
    },
    {
      why: 'a London site in winter: GMT, five hours ahead',
      iso: '2026-12-14T14:00:00.000Z',
      reader: newYork,
      site: 'Europe/London',
      words: 'Dec 14, 2026, 09:00 AM (02:00 PM GMT at the site)',
    },
    {
      // The US changes clocks on 14 March 2027, the UK on 28 March: four hours apart between.
      why: 'between the two countries’ clock changes: EDT reader, GMT site, four hours',
      iso: '2027-03-20T13:00:00.000Z',
      reader: newYork,
      site: 'Europe/London',
      words: 'Mar 20, 2027, 09:00 AM (01:00 PM GMT at the site)',
    },
    {
      why: 'after both changes: BST, five hours again',
      iso: '2027-04-05T13:00:00.000Z',
      reader: newYork,
      site: 'Europe/London',
      words: 'Apr 05, 2027, 09:00 AM (02:00 PM BST at the site)',
    },
    {
      why: 'the site already on the next day: its date is said',
      iso: '2026-12-15T02:30:00.000Z',
      reader: newYork,
      site: 'Europe/Berlin',
      words: 'Dec 14, 2026, 09:30 PM (Dec 15, 03:30 AM CET at the site)',
    },
    {
      why: 'Lagos keeps Paris’s winter clock, so in January nothing is added',
      iso: '2027-01-10T08:00:00.000Z',
      reader: { locale: 'en-GB', zone: 'Africa/Lagos' },
      site: 'Europe/Paris',
      words: '10 Jan 2027, 09:00',
    },
    {
      why: 'and in July Paris is on summer time: CEST, an hour ahead, in the reader’s 24-hour locale',
      iso: '2027-07-10T08:00:00.000Z',
      reader: { locale: 'en-GB', zone: 'Africa/Lagos' },
      site: 'Europe/Paris',
      words: '10 Jul 2027, 09:00 (10:00 CEST at the site)',
    },
  ])('$why', ({ iso, reader, site, words }) => {
    expect(plain(instantWords(iso, reader, site))).toBe(words);
  });

  it('gives back what is not an instant as it came', () => {
    expect(instantWords('soon', newYork, 'Europe/London')).toBe('soon');
  });
});

describe('utcWords and zoneAbbreviation', () => {
  it('writes an instant in UTC for text the core writes', () => {
    expect(utcWords('2026-12-14T09:00:00.000-05:00')).toBe('2026-12-14 14:00 UTC');
  });

  it.each([
    ['2027-01-04T17:00:00.000Z', 'America/Los_Angeles', 'PST'],
    ['2027-07-04T17:00:00.000Z', 'America/Los_Angeles', 'PDT'],
    ['2027-07-04T17:00:00.000Z', 'Europe/London', 'BST'],
    ['2027-07-04T17:00:00.000Z', 'Asia/Kolkata', 'IST'],
    ['2027-07-04T17:00:00.000Z', 'Asia/Kathmandu', 'GMT+5:45'],
  ])('names the zone of %s in %s: %s', (iso, zone, name) => {
    expect(zoneAbbreviation(iso, zone)).toBe(name);
  });
});
