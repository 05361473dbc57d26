import { DateTime } from 'luxon';
import { incompleteReasonLabels, type VisitDto, type VisitStatus } from '../../../../shared/domain/visit';

export interface VisitHeadline {
  visitId: string;
  status: VisitStatus;
  text: string;
}

const underWay: readonly VisitStatus[] = ['on_site', 'en_route'];

/**
 * Where a ticket's visits stand, in one line per visit worth saying: every crew on the way or on
 * site (arrived first, then setting off); otherwise the next scheduled visit; otherwise the last
 * one that ended. Nothing when every visit was cancelled. Times are in `zone`, with the date when
 * not on `now`'s day: "On site since 10:42 — Toni Field", "En route, ETA 10:40 — Toni Field",
 * "Scheduled: Nov 28, 09:00 with Toni Field", "Completed 11:30 — Toni Field".
 */
export function visitHeadlines(
  visits: readonly VisitDto[],
  { now, zone }: { now: Date; zone?: string },
): VisitHeadline[] {
  const today = DateTime.fromJSDate(now, zone ? { zone } : {}).toISODate();
  const time = (iso: string) => {
    const t = DateTime.fromISO(iso, zone ? { zone } : {});
    return t.toISODate() === today ? t.toFormat('HH:mm') : t.toFormat('LLL d, HH:mm');
  };
  const crew = (v: VisitDto) => v.crew.map((c) => c.name).join(', ') || v.technicianName;
  const line = (v: VisitDto, text: string): VisitHeadline => ({ visitId: v.id, status: v.status, text });

  const live = visits
    .filter((v) => underWay.includes(v.status))
    .sort((a, b) => underWay.indexOf(a.status) - underWay.indexOf(b.status) || a.startsAt.localeCompare(b.startsAt));
  if (live.length > 0) {
    return live.map((v) => {
      const p = v.progress;
      if (v.status === 'on_site') {
        return line(v, `${p.arrivedAt ? `On site since ${time(p.arrivedAt)}` : 'On site'} — ${crew(v)}`);
      }
      const when = p.etaAt
        ? `En route, ETA ${time(p.etaAt)}`
        : p.enRouteAt
          ? `En route since ${time(p.enRouteAt)}`
          : 'En route';
      return line(v, `${when} — ${crew(v)}`);
    });
  }

  const next = visits.filter((v) => v.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (next) return [line(next, `Scheduled: ${time(next.startsAt)} with ${crew(next)}`)];

  const last = visits
    .filter((v) => v.status === 'completed' || v.status === 'incomplete')
    .sort((a, b) => (a.progress.finishedAt ?? a.endsAt).localeCompare(b.progress.finishedAt ?? b.endsAt))
    .at(-1);
  if (!last) return [];
  const ended = last.progress.finishedAt ?? last.endsAt;
  if (last.status === 'completed') return [line(last, `Completed ${time(ended)} — ${crew(last)}`)];
  const reason = last.progress.incompleteReason;
  return [
    line(last, `Incomplete ${time(ended)}${reason ? ` (${incompleteReasonLabels[reason]})` : ''} — ${crew(last)}`),
  ];
}
