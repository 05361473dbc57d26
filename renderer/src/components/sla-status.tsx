import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { useNow } from './use-now';

/** Where a ticket stands: waiting on its clock, or answered in time or late by its first arrival. */
export type SlaDisplayState = 'on_track' | 'at_risk' | 'breached' | 'met' | 'missed' | 'none';

export interface SlaTimes {
  slaDueAt: string | null;
  slaAtRiskAt: string | null;
  firstArrivalAt: string | null;
}

/** The state at `now` from the instants stored with the ticket (at-risk point fixed at logging). */
export function slaDisplayState(t: SlaTimes, now: number): SlaDisplayState {
  if (!t.slaDueAt) return 'none';
  const due = Date.parse(t.slaDueAt);
  if (t.firstArrivalAt) return Date.parse(t.firstArrivalAt) <= due ? 'met' : 'missed';
  if (now > due) return 'breached';
  if (t.slaAtRiskAt && now >= Date.parse(t.slaAtRiskAt)) return 'at_risk';
  return 'on_track';
}

const looks: Record<SlaDisplayState, { label: string; color: string; icon: ReactElement | null }> = {
  on_track: { label: 'On track', color: 'success.main', icon: <ScheduleOutlined fontSize="inherit" /> },
  at_risk: { label: 'At risk', color: 'warning.dark', icon: <WarningAmberOutlined fontSize="inherit" /> },
  breached: { label: 'Breached', color: 'error.main', icon: <ErrorOutlined fontSize="inherit" /> },
  met: { label: 'Met', color: 'success.main', icon: <CheckCircleOutlined fontSize="inherit" /> },
  missed: { label: 'Missed', color: 'error.main', icon: <ErrorOutlined fontSize="inherit" /> },
  none: { label: 'No target', color: 'text.secondary', icon: null },
};

export const slaStateLabels = Object.fromEntries(Object.entries(looks).map(([k, v]) => [k, v.label])) as Record<
  SlaDisplayState,
  string
>;

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

/** State by colour, icon and word (never colour alone), with the live time left or over. */
export function SlaStatus({ times, showCountdown = true }: { times: SlaTimes; showCountdown?: boolean }) {
  const now = useNow();
  const state = slaDisplayState(times, now);
  const look = looks[state];
  let detail = '';
  if (times.slaDueAt && showCountdown) {
    const due = Date.parse(times.slaDueAt);
    if (state === 'met' || state === 'missed') {
      const by = formatSpan(Date.parse(times.firstArrivalAt ?? '') - due);
      detail = state === 'met' ? `${by} early` : `${by} late`;
    } else {
      detail = now > due ? `${formatSpan(now - due)} over` : `${formatSpan(due - now)} left`;
    }
  }
  return (
    <Box
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: look.color, fontSize: 16 }}
      data-sla-state={state}
    >
      {look.icon}
      <Typography variant="body2" component="span" sx={{ fontWeight: 600, color: 'inherit' }}>
        {look.label}
      </Typography>
      {detail && (
        <Typography variant="body2" component="span" sx={{ color: 'text.secondary', ml: 0.5 }}>
          {detail}
        </Typography>
      )}
    </Box>
  );
}
