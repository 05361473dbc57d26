import { DateTime } from 'luxon';
import {
  defaultSlaPolicy,
  type BusinessCalendar,
  type ResolvedSlaPolicy,
  type SlaDueRequest,
  type SlaDueResponse,
  type SlaPolicy,
} from '../../../../shared/domain/sla';
import type { Priority } from '../../../../shared/domain/ticket';
import { BusinessDays, type CalendarDay } from './business-calendar';

/** The policy with every missing target filled from defaultSlaPolicy. */
export function resolvePolicy(policy?: SlaPolicy): ResolvedSlaPolicy {
  return {
    criticalMinutes: policy?.criticalMinutes ?? defaultSlaPolicy.criticalMinutes,
    sameDayCutoff: policy?.sameDayCutoff ?? defaultSlaPolicy.sameDayCutoff,
    mediumDays: policy?.mediumDays ?? defaultSlaPolicy.mediumDays,
    lowDays: policy?.lowDays ?? defaultSlaPolicy.lowDays,
  };
}

/**
 * When a ticket of this priority, received at this instant, is due under the calendar and policy.
 * Expects a calendar accepted by the businessCalendar schema; throws CalendarNeverOpensError when
 * no business day comes within a year.
 */
export function dueAt(priority: Priority, receivedAt: Date, calendar: BusinessCalendar, policy?: SlaPolicy): Date {
  const targets = resolvePolicy(policy);

  // Critical runs on the wall clock, 24×7: instant arithmetic, so 2 hours are 2 real hours even
  // across a daylight-saving change.
  if (priority === 'critical') return new Date(receivedAt.getTime() + targets.criticalMinutes * 60_000);

  const received = DateTime.fromJSDate(receivedAt, { zone: calendar.timeZone });
  const days = new BusinessDays(calendar);
  const today = days.dayOf(received);
  const openToday = days.isBusinessDay(today) && received.toMillis() < days.closeOf(today).toMillis();

  if (priority === 'high') {
    // "Before the cut-off" and "before close" are both strict: a call at 13:00 sharp is tomorrow's.
    const sameDay = openToday && received.toMillis() < days.at(today, targets.sameDayCutoff).toMillis();
    return days.closeOf(sameDay ? today : days.nextBusinessDay(today)).toJSDate();
  }

  // Medium and Low: day 0 is today when today is a business day not yet closed, even before it
  // opens (a call at 07:00 on a Monday counts Monday as day 0); otherwise the next business day.
  const n = priority === 'medium' ? targets.mediumDays : targets.lowDays;
  let day: CalendarDay = openToday ? today : days.nextBusinessDay(today);
  for (let i = 0; i < n; i += 1) day = days.nextBusinessDay(day);
  return days.closeOf(day).toJSDate();
}

/** The API form of dueAt: a parsed slaDueRequest in, the due instant as ISO 8601 UTC out. */
export function computeDueAt(request: SlaDueRequest): SlaDueResponse {
  const due = dueAt(request.priority, new Date(request.receivedAt), request.calendar, request.policy);
  return { dueAt: due.toISOString() };
}
