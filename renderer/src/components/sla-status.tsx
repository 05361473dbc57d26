import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { slaDetail, slaDisplayState, type SlaDisplayState, type SlaTimes } from './sla-display-state';
import { useNow } from './use-now';

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

/** State by colour, icon and word (never colour alone), with the live time left or over. */
export function SlaStatus({ times, showCountdown = true }: { times: SlaTimes; showCountdown?: boolean }) {
  const now = useNow();
  const state = slaDisplayState(times, now);
  const look = looks[state];
  const detail = showCountdown ? slaDetail(times, state, now) : '';
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
