// The words a ticket's SLA is shown in, as pure functions of its stored instants and the time now.
// The queue's SLA column, its filter chips and the ticket panel all read them from here, so the
// desk sees one wording wherever a ticket appears.

/** Where a ticket stands: waiting on its clock, or answered in time or late by its first arrival. */
export type SlaDisplayState = 'on_track' | 'at_risk' | 'breached' | 'met' | 'missed' | 'none';

export interface SlaTimes {
  slaDueAt: string | null;
  slaAtRiskAt: string | null;
  firstArrivalAt: string | null;
}

/**
 * The state at `now` from the instants stored with the ticket (at-risk point fixed at logging).
 * An arrival at the due time itself meets it ("due by"); a ticket breaches only after it.
 */
export function slaDisplayState(t: SlaTimes, now: number): SlaDisplayState {
  if (!t.slaDueAt) return 'none';
  const due = Date.parse(t.slaDueAt);
  if (t.firstArrivalAt) return Date.parse(t.firstArrivalAt) <= due ? 'met' : 'missed';
  if (now > due) return 'breached';
  if (t.slaAtRiskAt && now >= Date.parse(t.slaAtRiskAt)) return 'at_risk';
  return 'on_track';
}

/**
 * The state's name. The SLA is a response target (the first technician on site by the due time),
 * so once someone has arrived the words say it was the response that was met or missed: a ticket
 * still New after that visit would otherwise read as if the whole job were done.
 */
export const slaStateLabels: Readonly<Record<SlaDisplayState, string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  breached: 'Breached',
  met: 'Response met',
  missed: 'Response missed',
  none: 'No target',
};

/** "1 h 05 m" / "2 d 3 h" / "45 s": the size of a time span, for countdowns. */
export function formatSpan(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} m`;
  if (m > 0) return `${m} m ${String(s % 60).padStart(2, '0')} s`;
  return `${s % 60} s`;
}

/** The words beside the state: how early or late the first arrival was, or the time left or over. */
export function slaDetail(t: SlaTimes, state: SlaDisplayState, now: number): string {
  if (!t.slaDueAt) return '';
  const due = Date.parse(t.slaDueAt);
  if (state === 'met' || state === 'missed') {
    const by = formatSpan(Date.parse(t.firstArrivalAt ?? '') - due);
    return state === 'met' ? `${by} early` : `${by} late`;
  }
  return now > due ? `${formatSpan(now - due)} over` : `${formatSpan(due - now)} left`;
}

export interface SlaWords {
  state: SlaDisplayState;
  label: string;
  /** Empty when there is no target. */
  detail: string;
  /** Label and detail as one phrase: "Response met 9 h 00 m early". */
  text: string;
}

/** Everything a view shows of a ticket's SLA at `now`. */
export function slaWords(t: SlaTimes, now: number): SlaWords {
  const state = slaDisplayState(t, now);
  const label = slaStateLabels[state];
  const detail = slaDetail(t, state, now);
  return { state, label, detail, text: detail ? `${label} ${detail}` : label };
}
