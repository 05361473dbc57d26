// What each report beyond SLA adherence shows: its tables, each with the base query it folds
// (figure-report.repository.ts), its figures and what they mean. A figure id is also the name
// of its base column (m_<id>) unless it names another (a median and a p90 of one duration).
import type { FigureMeasure, ReportGrouping } from '../../../../shared/domain/reports';
import { reportGroupingLabels, utilizationGroupings } from '../../../../shared/domain/reports';
import { reviewTagLabels, reviewTags } from '../../../../shared/domain/closure';
import { escalationKindLabels, escalationKinds } from '../../../../shared/domain/escalation';
import { LOW_FEEDBACK_SCORE } from '../../../../shared/domain/feedback';
import { channelLabels, channels, priorities, priorityLabels } from '../../../../shared/domain/ticket';
import { incompleteReasonLabels, incompleteReasons } from '../../../../shared/domain/visit';
import {
  ageBands,
  escalationLevelIds,
  escalationsBase,
  feedbackBase,
  feedbackScores,
  fixBase,
  incompleteVisitsBase,
  openAtBase,
  receivedBase,
  reopenedBase,
  reviewsBase,
  type FigureBase,
  type FigureFold,
} from '../../repositories/figure-report.repository';
import type { ReportScope } from '../../repositories/report.repository';
import type { Tx } from '../../db/transaction';
import { utilizationBase } from '../../repositories/utilization-report.repository';
import { loadDispatchSettings } from '../dispatch/dispatch-settings.service';
import { defaultCalendar } from '../sla/sla-config.service';
import { shiftMinutesByGroup, zoneOffsetsOf } from './utilization-shifts';
import { ApiFailure } from '../../../../shared/errors';
import type { FigureReportKind } from './figure-report.service';

export interface MeasureSpec extends FigureMeasure {
  /** How the database folds it (count: sum of a 0/1 flag; the default). */
  fold?: FigureFold;
  /** The base column it folds, when not its own id. */
  column?: string;
  /** A percentage: numerator id, then the ids whose sum is the denominator. */
  of?: readonly string[];
}

export interface TableSpec {
  id: string;
  title: string;
  note: string;
  /** Rows of the table's own (age bands, reasons) rather than the report's grouping, in this order. */
  ownGroups?: readonly { key: string; label: string }[];
  groupLabel: (scope: ReportScope) => string;
  measures: MeasureSpec[];
  /** The base query; a report that needs the core's work first (utilization's shifts) reads the database here. */
  base: (scope: ReportScope, now: string, db: Tx) => FigureBase | Promise<FigureBase>;
}

const byGrouping = (scope: { groupBy: ReportGrouping }) => reportGroupingLabels[scope.groupBy];
const count = (id: string, label: string): MeasureSpec => ({ id, label, kind: 'count', drill: true });
const percent = (id: string, label: string, of: readonly string[]): MeasureSpec => ({
  id,
  label,
  kind: 'percent',
  drill: true,
  of,
});
const priorityCounts = priorities.map((p) => count(`priority_${p}`, priorityLabels[p]));

const ageBandLabels: Record<(typeof ageBands)[number][0], string> = {
  under_1d: 'Under 1 day',
  '1_3d': '1–3 days',
  '3_7d': '3–7 days',
  '7_30d': '7–30 days',
  over_30d: 'Over 30 days',
};

const volumes: TableSpec[] = [
  {
    id: 'received',
    title: 'Tickets received',
    note: 'Tickets by when they were received, by channel and by priority.',
    groupLabel: byGrouping,
    measures: [
      count('received', 'Received'),
      ...channels.map((c) => count(`channel_${c}`, channelLabels[c])),
      ...priorityCounts,
    ],
    base: (scope) => (db) => receivedBase(db, scope),
  },
  {
    id: 'backlog',
    title: 'Open at the end of the period',
    note: 'Tickets open at the end of the period (or now, if sooner) by how long they had been open; a cancelled ticket is left out.',
    ownGroups: ageBands.map(([key]) => ({ key, label: ageBandLabels[key] })),
    groupLabel: () => 'Age',
    measures: [count('open', 'Open'), ...priorityCounts],
    base: (scope, now) => (db) => openAtBase(db, scope, scope.end < now ? scope.end : now),
  },
  {
    id: 'reopened',
    title: 'Reopened',
    note: 'Closings undone in the period, by when the ticket was reopened.',
    groupLabel: byGrouping,
    measures: [count('reopened', 'Reopenings')],
    base: (scope) => (db) => reopenedBase(db, scope),
  },
];

const firstTimeFix: TableSpec[] = [
  {
    id: 'fix',
    title: 'First-time fix',
    note: 'Tickets closed in the period (closings in force): fixed first time when the first visit on site completed the work (or remote work with no visit), as recorded at closing; visits are those that reached the site.',
    groupLabel: byGrouping,
    measures: [
      count('closed', 'Closed'),
      count('fixed_first', 'Fixed first time'),
      count('not_fixed_first', 'Not fixed first time'),
      count('not_recorded', 'Not recorded'),
      percent('fix_rate', 'First-time fix rate', ['fixed_first', 'fixed_first', 'not_fixed_first']),
      {
        id: 'visits_per_ticket',
        label: 'Visits per ticket',
        kind: 'mean',
        drill: false,
        fold: 'mean',
        column: 'visits',
      },
      count('revisited', 'Two or more visits'),
    ],
    base: (scope) => (db) => fixBase(db, scope),
  },
  {
    id: 'incomplete',
    title: 'Incomplete visits by reason',
    note: 'Visits that ended incomplete in the period, by the reason the crew gave.',
    ownGroups: incompleteReasons.map((r) => ({ key: r, label: incompleteReasonLabels[r] })),
    groupLabel: () => 'Reason',
    measures: [count('visits', 'Visits')],
    base: (scope) => (db) => incompleteVisitsBase(db, scope),
  },
];

/** Median and 90th percentile of one duration's column, which neither opens a ticket list. */
const minutesOf = (column: string, label: string): MeasureSpec[] => [
  { id: `${column}_median`, label: `${label}, median`, kind: 'minutes', drill: false, fold: 'median', column },
  { id: `${column}_p90`, label: `${label}, 90th percentile`, kind: 'minutes', drill: false, fold: 'p90', column },
];

const escalationMeasures = (withKinds: boolean): MeasureSpec[] => [
  count('raised', 'Raised'),
  ...escalationLevelIds.map((level) => count(`level_${level}`, `Level ${level}`)),
  ...(withKinds ? escalationKinds.map((k) => count(`kind_${k}`, escalationKindLabels[k])) : []),
  count('acknowledged', 'Acknowledged'),
  count('unacknowledged', 'Not yet acknowledged'),
  ...minutesOf('ack_minutes', 'Minutes to acknowledge'),
];

const escalations: TableSpec[] = [
  {
    id: 'raised',
    title: 'Escalations raised',
    note: 'Escalations raised in the period, by when they were raised: by level and by kind, how many were acknowledged by now, and the minutes (wall clock) from raising to acknowledging, median and 90th percentile of those acknowledged.',
    groupLabel: byGrouping,
    measures: escalationMeasures(true),
    base: (scope) => (db) => escalationsBase(db, scope),
  },
  {
    id: 'by_kind',
    title: 'Escalations by kind',
    note: 'The same escalations by what raised them: the SLA watcher (at risk, breached), a person (by hand, including a visit ended incomplete as escalated) or a client’s low feedback score.',
    ownGroups: escalationKinds.map((k) => ({ key: k, label: escalationKindLabels[k] })),
    groupLabel: () => 'Kind',
    measures: escalationMeasures(false),
    base: (scope) => (db) => escalationsBase(db, scope, true),
  },
];

const review: TableSpec[] = [
  {
    id: 'reviews',
    title: 'Reviews',
    note: 'Reviews of closed tickets made in the period, by when they were made: whether the SOP was followed (its share of the reviews) and how often each improvement tag was given (a review may give several).',
    groupLabel: byGrouping,
    measures: [
      count('reviewed', 'Reviewed'),
      count('sop_followed', 'SOP followed'),
      count('sop_not_followed', 'SOP not followed'),
      percent('sop_share', 'SOP followed share', ['sop_followed', 'sop_followed', 'sop_not_followed']),
      ...reviewTags.map((tag) => count(`tag_${tag}`, reviewTagLabels[tag])),
    ],
    base: (scope) => (db) => reviewsBase(db, scope),
  },
  {
    id: 'feedback',
    title: 'Client feedback',
    note: `Feedback clients gave in the period (on the feedback page or by phone), by when it was given: the number of scores, their average, how many of each score 1–5, and the share of low scores (${LOW_FEEDBACK_SCORE} or less, which raise an escalation).`,
    groupLabel: byGrouping,
    measures: [
      count('feedback', 'Scores'),
      { id: 'average', label: 'Average score', kind: 'mean', drill: false, fold: 'mean', column: 'score' },
      ...feedbackScores.map((n) => count(`score_${n}`, `Score ${n}`)),
      count('low', 'Low scores'),
      percent('low_share', 'Low score share', ['low', 'feedback']),
    ],
    base: (scope) => (db) => feedbackBase(db, scope),
  },
];

const minutesSum = (id: string, label: string): MeasureSpec => ({
  id,
  label,
  kind: 'minutes',
  drill: true,
  fold: 'sum',
});

const utilization: TableSpec[] = [
  {
    id: 'utilization',
    title: 'Technician utilization',
    note: 'Minutes of shift (each technician’s pattern, or the organisation’s hours and not on its closed days, less time off, plus extra shifts) against the minutes of visits starting in the period: booked (the visit’s planned length, for each of its crew), on site (arrival to finish) and driving (the offline travel estimate from the previous stop of the day, or from base for the first; unknown for a site without coordinates). Shares are of the shift minutes. Shifts count active technicians.',
    groupLabel: byGrouping,
    measures: [
      // No ticket is behind a shift.
      { ...minutesSum('shift', 'Shift'), drill: false },
      count('visits', 'Visits'),
      minutesSum('booked', 'Booked'),
      minutesSum('on_site', 'On site'),
      minutesSum('drive', 'Driving'),
      percent('booked_share', 'Booked share', ['booked', 'shift']),
      percent('on_site_share', 'On-site share', ['on_site', 'shift']),
      percent('drive_share', 'Driving share', ['drive', 'shift']),
    ],
    base: async (scope, _now, db) => {
      const calendar = await defaultCalendar(db);
      const { travel } = await loadDispatchSettings(db);
      const { groups, zones } = await shiftMinutesByGroup(db, scope, calendar);
      return (tx) => utilizationBase(tx, scope, { travel, zones: zoneOffsetsOf(zones, scope), shifts: groups });
    },
  },
];

/**
 * Inputs a report refuses beyond the common checks, at their field: utilization is of technicians'
 * time, so a client, a priority or a grouping by a ticket's dimension has no meaning there.
 */
export function checkReportInput(
  kind: FigureReportKind,
  input: { groupBy: ReportGrouping; clientId?: string | undefined; priority?: string | undefined },
): void {
  if (kind !== 'utilization') return;
  const refuse = (field: string, message: string): never => {
    throw new ApiFailure('invalid_input', message, [{ path: [field], message }]);
  };
  if (!utilizationGroupings.includes(input.groupBy))
    refuse('groupBy', 'Utilization is grouped by technician, team, day, week or month');
  if (input.clientId !== undefined) refuse('clientId', 'Utilization is of technicians’ time, not of a client');
  if (input.priority !== undefined) refuse('priority', 'Utilization is of technicians’ time, not of a priority');
}

export const reportDefinitions: Record<FigureReportKind, TableSpec[]> = {
  volumes,
  first_time_fix: firstTimeFix,
  escalations,
  review,
  utilization,
};
