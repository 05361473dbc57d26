import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { slaWords, type SlaDisplayState, type SlaTimes } from '../../../shared/domain/sla-words';
import { useNow } from './use-now';

const looks: Record<SlaDisplayState, { color: string; icon: ReactElement | null }> = {
  on_track: { color: 'success.main', icon: <ScheduleOutlined fontSize="inherit" /> },
  at_risk: { color: 'warning.dark', icon: <WarningAmberOutlined fontSize="inherit" /> },
  breached: { color: 'error.main', icon: <ErrorOutlined fontSize="inherit" /> },
  met: { color: 'success.main', icon: <CheckCircleOutlined fontSize="inherit" /> },
  missed: { color: 'error.main', icon: <ErrorOutlined fontSize="inherit" /> },
  none: { color: 'text.secondary', icon: null },
};

/** State by colour, icon and word (never colour alone), with the live time left or over. */
export function SlaStatus({ times, showCountdown = true }: { times: SlaTimes; showCountdown?: boolean }) {
  const now = useNow();
  const words = slaWords(times, now);
  const { state } = words;
  const look = looks[state];
  const detail = showCountdown ? words.detail : '';
  return (
    <Box
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: look.color, fontSize: 16 }}
      data-sla-state={state}
    >
      {look.icon}
      <Typography variant="body2" component="span" sx={{ fontWeight: 600, color: 'inherit' }}>
        {words.label}
      </Typography>
      {detail && (
        <Typography variant="body2" component="span" sx={{ color: 'text.secondary', ml: 0.5 }}>
          {detail}
        </Typography>
      )}
    </Box>
  );
}
