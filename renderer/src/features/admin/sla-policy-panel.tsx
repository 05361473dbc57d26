import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SyntheticEvent } from 'react';
import { priorities, priorityLabels, type Priority } from '../../../../shared/domain/ticket';
import { PriorityChip } from '../../components/priority-chip';
import type { ApiCallError } from '../../transport/client';
import { describeIssues, Issues } from './api-issues';
import { impactLevels, levelLabels, urgencyLevels, type PolicyForm } from './policy-form';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';

const fieldPaths = new Set([
  'policy.criticalMinutes',
  'policy.sameDayCutoff',
  'policy.mediumDays',
  'policy.lowDays',
  'atRiskFraction',
]);

function unit(label: string) {
  return { input: { endAdornment: <InputAdornment position="end">{label}</InputAdornment> } };
}

/** The SLA targets, the at-risk point and the impact × urgency → priority matrix. */
export function SlaPolicyPanel({
  form,
  dirty,
  loading,
  loadError,
  saving,
  saveError,
  onChange,
  onSave,
  onRevert,
}: {
  form: PolicyForm | null;
  dirty: boolean;
  loading: boolean;
  loadError: string | undefined;
  saving: boolean;
  saveError: ApiCallError | null;
  onChange: (form: PolicyForm) => void;
  onSave: () => void;
  onRevert: () => void;
}) {
  const issues = new Issues(saveError?.error.issues ?? []);
  const others = issues.list.filter((i) => !fieldPaths.has(i.path.join('.')) && i.path[0] !== 'matrix');
  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    onSave();
  };

  return (
    <Paper
      variant="outlined"
      component="form"
      noValidate
      aria-label="SLA policy"
      onSubmit={submit}
      onKeyDownCapture={saveOnCtrlEnter(submit)}
      sx={{ p: 2, minWidth: 0 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, minHeight: 28 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          SLA policy
        </Typography>
        {dirty && <Chip size="small" color="warning" variant="outlined" label="Unsaved changes" />}
      </Stack>
      {loading && <Typography variant="body2">Loading…</Typography>}
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {form && (
        <Stack spacing={1.5}>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
            <TextField
              label="Critical: due within"
              type="number"
              value={form.criticalMinutes}
              onChange={(e) => onChange({ ...form, criticalMinutes: e.target.value })}
              slotProps={{ ...unit('min'), htmlInput: { min: 1, max: 10080, step: 1 } }}
              {...issues.field('policy', 'criticalMinutes')}
              helperText={issues.at('policy', 'criticalMinutes') ?? 'Wall clock, 24×7'}
            />
            <Box>
              <TextField
                label="High: same day if received before"
                type="time"
                value={form.sameDayCutoff}
                disabled={form.noCutoff}
                onChange={(e) => onChange({ ...form, sameDayCutoff: e.target.value })}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 60 } }}
                {...issues.field('policy', 'sameDayCutoff')}
                helperText={issues.at('policy', 'sameDayCutoff')}
              />
              <FormControlLabel
                sx={{ ml: 0, mt: -0.25 }}
                control={
                  <Checkbox
                    size="small"
                    sx={{ p: 0.5 }}
                    checked={form.noCutoff}
                    onChange={(e) => onChange({ ...form, noCutoff: e.target.checked })}
                  />
                }
                label={<Typography variant="caption">No cut-off</Typography>}
                title="A High ticket is due the same day whenever it comes in before close"
              />
            </Box>
            <TextField
              label="Medium: due within"
              type="number"
              value={form.mediumDays}
              onChange={(e) => onChange({ ...form, mediumDays: e.target.value })}
              slotProps={{ ...unit('business days'), htmlInput: { min: 0, max: 60, step: 1 } }}
              {...issues.field('policy', 'mediumDays')}
              helperText={issues.at('policy', 'mediumDays') ?? 'Counted after the day received'}
            />
            <TextField
              label="Low: due within"
              type="number"
              value={form.lowDays}
              onChange={(e) => onChange({ ...form, lowDays: e.target.value })}
              slotProps={{ ...unit('business days'), htmlInput: { min: 0, max: 60, step: 1 } }}
              {...issues.field('policy', 'lowDays')}
              helperText={issues.at('policy', 'lowDays') ?? 'Counted after the day received'}
            />
            <TextField
              label="At risk when"
              type="number"
              value={form.atRiskPercent}
              onChange={(e) => onChange({ ...form, atRiskPercent: e.target.value })}
              slotProps={{ ...unit('% passed'), htmlInput: { min: 5, max: 100, step: 5 } }}
              {...issues.field('atRiskFraction')}
              helperText={issues.at('atRiskFraction') ?? 'Of the window: escalated then'}
            />
          </Box>

          <Box>
            <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
              Priority matrix
            </Typography>
            <Table
              size="small"
              aria-label="Priority matrix: impact by urgency"
              sx={{ tableLayout: 'fixed', '& td, & th': { px: 0.75 } }}
            >
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 92, lineHeight: 1.2 }}>
                    <Typography variant="caption" color="text.secondary">
                      Impact ↓ urgency →
                    </Typography>
                  </TableCell>
                  {urgencyLevels.map((u) => (
                    <TableCell key={u}>{levelLabels[u]}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {impactLevels.map((impact) => (
                  <TableRow key={impact}>
                    <TableCell component="th" scope="row">
                      {levelLabels[impact]}
                    </TableCell>
                    {urgencyLevels.map((urgency) => {
                      const message = issues.at('matrix', impact, urgency);
                      return (
                        <TableCell key={urgency}>
                          <TextField
                            select
                            value={form.matrix[impact][urgency]}
                            error={Boolean(message)}
                            helperText={message}
                            onChange={(e) =>
                              onChange({
                                ...form,
                                matrix: {
                                  ...form.matrix,
                                  [impact]: { ...form.matrix[impact], [urgency]: e.target.value as Priority },
                                },
                              })
                            }
                            slotProps={{
                              htmlInput: {
                                'aria-label': `Impact ${levelLabels[impact].toLowerCase()}, urgency ${levelLabels[urgency].toLowerCase()}`,
                              },
                              select: { renderValue: (p) => <PriorityChip priority={p as Priority} /> },
                            }}
                            // Tight padding leaves room for the widest chip ("Medium") in a third of the panel.
                            sx={{ '& .MuiSelect-select': { py: 0.5, pl: 1, pr: '24px !important' } }}
                          >
                            {priorities.map((p) => (
                              <MenuItem key={p} value={p}>
                                {priorityLabels[p]}
                              </MenuItem>
                            ))}
                          </TextField>
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>

          <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
            Changes apply to tickets logged from now on; open tickets keep their due times.
          </Alert>
          {saveError && (
            <Alert severity="error">
              Not saved.
              {others.length > 0 ? ` ${describeIssues(others).join('; ')}.` : ''}
              {!saveError.error.issues && ` ${saveError.message}`}
              {others.length < issues.list.length && ' Check the highlighted fields.'}
            </Alert>
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="caption" color="text.secondary" sx={{ mr: 'auto !important' }}>
              Ctrl+Enter saves
            </Typography>
            <Button onClick={onRevert} disabled={!dirty}>
              Revert
            </Button>
            <Button type="submit" variant="contained" disabled={saving || !dirty}>
              Save policy
            </Button>
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}
