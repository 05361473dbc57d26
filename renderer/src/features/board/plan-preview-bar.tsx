import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { PlanSummary } from '../../../../shared/domain/dispatch-plan';
import type { OptimizerState } from './use-optimizer';

const breaches = (s: PlanSummary) => s.breaches.critical + s.breaches.high + s.breaches.medium + s.breaches.low;

function summary(s: PlanSummary): string {
  return `${s.assigned} assigned · ${s.unassigned} unassigned · ${breaches(s)} late · ${Math.round(s.travelMinutes)} min travel`;
}

/** Above the board: the optimizer's progress, then the proposed plan's before/after with Accept and Discard. */
export function PlanPreviewBar({
  state,
  onCancel,
  onAccept,
  onDiscard,
  onDismiss,
}: {
  state: OptimizerState;
  onCancel: () => void;
  onAccept: () => void;
  onDiscard: () => void;
  onDismiss: () => void;
}) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'failed')
    return (
      <Alert severity="error" onClose={onDismiss}>
        The optimizer could not plan: {state.message}
      </Alert>
    );
  if (state.kind === 'running') {
    const p = state.progress;
    return (
      <Paper variant="outlined" sx={{ px: 2, py: 1 }} role="status" aria-label="Optimizer progress">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Optimizing…
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {p
              ? `${p.placed} placed · ${p.unplaced} unplaced · ${Math.round(p.travelMinutes)} min travel · ${(p.elapsedMs / 1000).toFixed(1)} s`
              : 'Starting'}
          </Typography>
          <LinearProgress sx={{ flex: 1 }} aria-label="Optimizing" />
          <Button size="small" onClick={onCancel}>
            Stop and show the best so far
          </Button>
        </Stack>
      </Paper>
    );
  }
  const { plan } = state;
  const changes = plan.visits.filter((v) => v.change !== 'unchanged' && v.change !== 'pinned').length;
  return (
    <Paper
      variant="outlined"
      sx={{ px: 2, py: 1, borderColor: 'secondary.main', bgcolor: 'rgba(107,79,187,0.06)' }}
      role="region"
      aria-label="Proposed plan"
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          Proposed plan · {changes} change{changes === 1 ? '' : 's'} (hatched on the board)
        </Typography>
        <Typography variant="body2">
          <b>Before</b> {summary(plan.before)}
        </Typography>
        <Typography variant="body2">
          <b>After</b> {summary(plan.after)}
        </Typography>
        {plan.unplaced.length > 0 && (
          <Tooltip title={plan.unplaced.map((u) => `${u.number}: ${u.reason}`).join('\n')}>
            <Typography variant="body2" color="warning.main" tabIndex={0}>
              {plan.unplaced.length} not placed
            </Typography>
          </Tooltip>
        )}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto !important' }}>
          <Button size="small" variant="contained" color="secondary" onClick={onAccept}>
            Accept plan
          </Button>
          <Button size="small" onClick={onDiscard}>
            Discard
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
