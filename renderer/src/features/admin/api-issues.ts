import type { WeekdayKey } from '../../../../shared/domain/sla';
import type { InputIssue } from '../../../../shared/errors';
import { weekdayLabels } from './calendar-form';

type Path = readonly (string | number)[];

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.every((part, i) => path[i] === part);
}

/** The server's issues, looked up by the path of the field they name. */
export class Issues {
  static readonly none = new Issues([]);

  constructor(readonly list: readonly InputIssue[]) {}

  /** The message for exactly this path. */
  at(...path: Path): string | undefined {
    return this.list.find((i) => i.path.length === path.length && startsWith(i.path, path))?.message;
  }

  /** Every issue at or below this path. */
  under(...prefix: Path): InputIssue[] {
    return this.list.filter((i) => startsWith(i.path, prefix));
  }

  /** helperText and error props for a TextField. */
  field(...path: Path): { error: boolean; helperText?: string } {
    const message = this.at(...path);
    return message ? { error: true, helperText: message } : { error: false };
  }
}

const policyLabels: Record<string, string> = {
  criticalMinutes: 'Critical target',
  sameDayCutoff: 'Same-day cut-off',
  mediumDays: 'Medium target',
  lowDays: 'Low target',
};
const holidayLabels: Record<string, string> = {
  country: 'Holiday country',
  state: 'Holiday state',
  region: 'Holiday region',
};

function isWeekday(part: unknown): part is WeekdayKey {
  return typeof part === 'string' && Object.hasOwn(weekdayLabels, part);
}

/** A reader's name for the field an issue points at, e.g. "Friday, hours 1, closing time". */
export function describePath(path: Path): string {
  const [head, second, third, fourth, fifth] = path;
  if (head === 'name') return 'Name';
  if (head === 'scope') return 'Client or site';
  if (head === 'receivedAt') return 'Received';
  if (head === 'atRiskFraction') return 'At risk at';
  if (head === 'policy') return typeof second === 'string' ? (policyLabels[second] ?? second) : 'Policy';
  if (head === 'matrix') return `Impact ${String(second ?? '')} × urgency ${String(third ?? '')}`;
  if (head === 'calendar') {
    if (second === undefined) return 'Calendar';
    if (second === 'timeZone') return 'Time zone';
    if (second === 'closures') return typeof third === 'number' ? `Closure date ${third + 1}` : 'Closure dates';
    if (second === 'holidays') return typeof third === 'string' ? (holidayLabels[third] ?? third) : 'Public holidays';
    if (second === 'hours') {
      if (!isWeekday(third)) return third === undefined ? 'Business hours' : `Business hours (${String(third)})`;
      const day = weekdayLabels[third];
      if (typeof fourth !== 'number') return day;
      const edge = fifth === 0 ? ', opening time' : fifth === 1 ? ', closing time' : '';
      return `${day}, hours ${fourth + 1}${edge}`;
    }
  }
  return path.join('.') || 'Input';
}

/** One line per issue, for a summary: "Time zone: Unknown IANA time zone". */
export function describeIssues(issues: readonly InputIssue[]): string[] {
  return issues.map((i) => `${describePath(i.path)}: ${i.message}`);
}
