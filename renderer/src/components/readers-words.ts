import { instantWords, utcWords, workstationReader } from '../../../shared/time/instant-words';

const reader = workstationReader();

/**
 * Text the core wrote, with each instant it named in UTC (utcWords) put in the reader's words, as
 * the console shows every other time: the workstation's, with the site's clock beside it where the
 * site keeps another time.
 */
export function inReadersWords(text: string, times: readonly string[], siteZone: string | null | undefined): string {
  return times.reduce((out, iso) => out.replaceAll(utcWords(iso), instantWords(iso, reader, siteZone)), text);
}
