import Holidays from 'date-holidays';
import type { HolidaySource } from '../../../../shared/domain/sla';
import { ApiFailure, type InputIssue } from '../../../../shared/errors';

// date-holidays' init() answers true even for codes it does not know (and then lists no holidays),
// so a typo would silently drop every holiday; the codes are checked against its own lists instead.
let holidayDirectory: Holidays | undefined;
function directory(): Holidays {
  holidayDirectory ??= new Holidays();
  return holidayDirectory;
}

function hasCode(list: Record<string, string> | undefined, code: string): boolean {
  return list !== undefined && Object.hasOwn(list, code);
}

/** What is wrong with a holiday source's codes, each issue at its field below `at`; none when all exist. */
export function holidayCodeIssues(source: HolidaySource | undefined, at: (string | number)[]): InputIssue[] {
  if (!source) return [];
  const { country, state, region } = source;
  const holidays = directory();
  if (!hasCode(holidays.getCountries(), country)) {
    return [
      {
        path: [...at, 'country'],
        message: `Unknown holiday country "${country}": use an ISO 3166 code such as US or DE`,
      },
    ];
  }
  if (state === undefined) return [];
  if (!hasCode(holidays.getStates(country), state)) {
    return [{ path: [...at, 'state'], message: `Unknown state "${state}" for ${country}` }];
  }
  if (region !== undefined && !hasCode(holidays.getRegions(country, state), region)) {
    return [{ path: [...at, 'region'], message: `Unknown region "${region}" for ${country}-${state}` }];
  }
  return [];
}

/** Refuses a calendar input whose holiday codes date-holidays does not know, before anything is written. */
export function requireKnownHolidayCodes(source: HolidaySource | undefined, at: (string | number)[]): void {
  const issues = holidayCodeIssues(source, at);
  if (issues.length > 0) throw new ApiFailure('invalid_input', 'The input is not valid.', issues);
}
