import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { isCountUnit, type PartDto } from '../../../../shared/domain/parts';
import { workOutcomeLabels, workOutcomes, type WorkLogDto, type WorkOutcome } from '../../../../shared/domain/work-log';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';
import { formatDateTime } from '../../components/format-time';
import { Issues } from '../admin/api-issues';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { WorkLogSummary } from './work-log-summary';

interface PartLine {
  /** Stable key for React while lines are added and removed. */
  key: number;
  sku: string;
  name: string;
  unit: string;
  quantity: string;
  serialsInstalled: string[];
  serialsRemoved: string[];
}

interface Draft {
  baseVersion: number;
  actions: string;
  steps: string[];
  parts: PartLine[];
  noParts: boolean;
  timeOnSite: string;
  outcome: WorkOutcome | '';
}

let nextKey = 1;

function draftOf(log: WorkLogDto): Draft {
  const minutes = log.timeOnSiteMinutes ?? log.suggestedTimeOnSiteMinutes;
  return {
    baseVersion: log.version,
    actions: log.actions,
    steps: log.steps,
    parts: log.parts.map((p) => ({
      key: nextKey++,
      sku: p.sku,
      name: p.name,
      unit: p.unit,
      quantity: String(p.quantity),
      serialsInstalled: p.serialsInstalled,
      serialsRemoved: p.serialsRemoved,
    })),
    noParts: log.noParts,
    timeOnSite: minutes === null ? '' : String(minutes),
    outcome: log.outcome ?? '',
  };
}

/**
 * The work log of one visit: what was done (free text and ordered steps), the parts used with
 * serial numbers, time on site and the outcome. The crew, dispatchers and admins edit it; everyone
 * else reads it.
 */
export function WorkLogPanel({ visitId }: { visitId: string }) {
  const log = useApiQuery('workLogs.get', { visitId });
  if (log.isError) return <Alert severity="error">{log.error.message}</Alert>;
  if (!log.data) return <Typography variant="body2">Loading the work log…</Typography>;
  return (
    <Paper variant="outlined" component="section" aria-label="Work log" sx={{ p: 1.5 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        Work log
      </Typography>
      {log.data.canEdit ? <WorkLogForm log={log.data} /> : <WorkLogSummary log={log.data} />}
    </Paper>
  );
}

function WorkLogForm({ log }: { log: WorkLogDto }) {
  const [draft, setDraft] = useState(() => draftOf(log));
  const [dirty, setDirty] = useState(false);
  const [newStep, setNewStep] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useApiMutation('workLogs.save', ['workLogs.forTicket', 'tickets.get']);
  const queryClient = useQueryClient();
  const catalog = useApiQuery('parts.list', { limit: 5000 });
  const issues = save.error?.error.issues ? new Issues(save.error.error.issues) : Issues.none;
  const stale = save.error?.error.code === 'stale';

  // Someone else's save (or our own) arrives by refetch: take it unless there are unsaved edits.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(log));
  }, [log, dirty]);

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setSaved(false);
  };
  const setLine = (index: number, patch: Partial<PartLine>) =>
    change({ parts: draft.parts.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  const moveStep = (from: number, to: number) => {
    const steps = [...draft.steps];
    const [step] = steps.splice(from, 1);
    if (step === undefined) return;
    steps.splice(to, 0, step);
    change({ steps });
  };
  const addStep = () => {
    const text = newStep.trim();
    if (!text) return;
    change({ steps: [...draft.steps, text] });
    setNewStep('');
  };

  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    save.mutate(
      {
        visitId: log.visitId,
        expectedVersion: draft.baseVersion,
        actions: draft.actions,
        steps: draft.steps,
        parts: draft.parts.map((p) => ({
          sku: p.sku,
          quantity: p.quantity.trim() === '' ? Number.NaN : Number(p.quantity.replace(',', '.')),
          serialsInstalled: p.serialsInstalled,
          serialsRemoved: p.serialsRemoved,
        })),
        noParts: draft.noParts,
        timeOnSiteMinutes: draft.timeOnSite.trim() === '' ? null : Number(draft.timeOnSite),
        outcome: draft.outcome === '' ? null : draft.outcome,
      },
      {
        onSuccess: (value) => {
          setDraft(draftOf(value));
          setDirty(false);
          setSaved(true);
          queryClient.setQueryData(['workLogs.get', { visitId: log.visitId }], value);
        },
      },
    );
  };

  const reload = async () => {
    setDirty(false);
    save.reset();
    await queryClient.invalidateQueries({ queryKey: ['workLogs.get', { visitId: log.visitId }] });
  };

  const generalError =
    save.error && !stale && !(save.error.error.issues ?? []).some((i) => i.path[0] !== 'visitId')
      ? save.error.message
      : null;
  const partsError = issues.at('parts') ?? issues.at('noParts');

  return (
    <form onSubmit={submit} onKeyDownCapture={saveOnCtrlEnter(submit)} noValidate aria-label="Edit work log">
      <Stack spacing={1.5}>
        {stale && (
          <Alert
            severity="warning"
            action={
              <Button color="inherit" size="small" onClick={() => void reload()}>
                Reload
              </Button>
            }
          >
            Someone else saved this work log after you opened it. Reload to see their version (your unsaved changes here
            will be replaced), then add your changes again.
          </Alert>
        )}
        {dirty && !stale && log.version > draft.baseVersion && (
          <Alert severity="info">A newer version was saved meanwhile; saving now will be refused.</Alert>
        )}
        {generalError && <Alert severity="error">{generalError}</Alert>}
        {save.error?.error.code === 'invalid_input' && !generalError && (
          <Alert severity="error">Some fields need attention; see below.</Alert>
        )}

        <TextField
          label="Actions taken"
          multiline
          minRows={3}
          value={draft.actions}
          onChange={(e) => change({ actions: e.target.value })}
          {...issues.field('actions')}
        />

        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <Typography component="legend" variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
            Steps
          </Typography>
          <Stack component="ol" spacing={0.5} sx={{ pl: 0, m: 0, listStyle: 'none' }} aria-label="Steps">
            {draft.steps.map((step, index) => (
              <Stack
                component="li"
                key={`${index}-${step}`}
                direction="row"
                spacing={0.5}
                sx={{ alignItems: 'center' }}
              >
                <Typography variant="body2" sx={{ width: 24, textAlign: 'right', color: 'text.secondary' }}>
                  {index + 1}.
                </Typography>
                <TextField
                  size="small"
                  fullWidth
                  multiline
                  value={step}
                  // A step is one line of text that wraps on screen; Enter must not split it.
                  onChange={(e) =>
                    change({
                      steps: draft.steps.map((s, i) => (i === index ? e.target.value.replace(/\r?\n/g, ' ') : s)),
                    })
                  }
                  slotProps={{ htmlInput: { 'aria-label': `Step ${index + 1}` } }}
                  {...issues.field('steps', index)}
                />
                <IconButton
                  size="small"
                  aria-label={`Move step ${index + 1} up`}
                  disabled={index === 0}
                  onClick={() => moveStep(index, index - 1)}
                >
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={`Move step ${index + 1} down`}
                  disabled={index === draft.steps.length - 1}
                  onClick={() => moveStep(index, index + 1)}
                >
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={`Remove step ${index + 1}`}
                  onClick={() => change({ steps: draft.steps.filter((_s, i) => i !== index) })}
                >
                  <DeleteOutlinedIcon fontSize="small" />
                </IconButton>
              </Stack>
            ))}
          </Stack>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'flex-start' }}>
            <TextField
              size="small"
              fullWidth
              placeholder="Describe the next step, then Enter"
              value={newStep}
              onChange={(e) => setNewStep(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                  e.preventDefault();
                  addStep();
                }
              }}
              slotProps={{ htmlInput: { 'aria-label': 'New step' } }}
              {...issues.field('steps')}
            />
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={addStep}
              disabled={!newStep.trim()}
              sx={{ whiteSpace: 'nowrap', flexShrink: 0, mt: 0.5 }}
            >
              Add step
            </Button>
          </Stack>
        </Box>

        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <Typography component="legend" variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
            Parts used
          </Typography>
          <Stack spacing={1}>
            {draft.parts.map((line, index) => (
              <PartLineEditor
                key={line.key}
                index={index}
                line={line}
                catalog={catalog.data ?? []}
                issues={issues}
                onChange={(patch) => setLine(index, patch)}
                onRemove={() => change({ parts: draft.parts.filter((_p, i) => i !== index) })}
              />
            ))}
          </Stack>
          <Stack direction="row" spacing={2} sx={{ mt: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button
              size="small"
              startIcon={<AddIcon />}
              disabled={draft.noParts}
              onClick={() =>
                change({
                  parts: [
                    ...draft.parts,
                    {
                      key: nextKey++,
                      sku: '',
                      name: '',
                      unit: '',
                      quantity: '1',
                      serialsInstalled: [],
                      serialsRemoved: [],
                    },
                  ],
                })
              }
            >
              Add part
            </Button>
            <FormControlLabel
              control={
                <Checkbox
                  checked={draft.noParts}
                  disabled={draft.parts.length > 0 && !draft.noParts}
                  onChange={(e) => change({ noParts: e.target.checked })}
                />
              }
              label="No parts used"
            />
          </Stack>
          {partsError && <FormHelperText error>{partsError}</FormHelperText>}
        </Box>

        <Stack direction="row" spacing={1.5}>
          <TextField
            label="Time on site (minutes)"
            type="number"
            value={draft.timeOnSite}
            onChange={(e) => change({ timeOnSite: e.target.value })}
            slotProps={{ htmlInput: { min: 0, max: 1440, step: 5 } }}
            sx={{ flex: 1 }}
            error={issues.field('timeOnSiteMinutes').error}
            helperText={
              issues.at('timeOnSiteMinutes') ??
              (log.suggestedTimeOnSiteMinutes !== null
                ? `From arrival: ${log.suggestedTimeOnSiteMinutes} min`
                : 'Suggested from the arrival time')
            }
          />
          <TextField
            select
            label="Outcome"
            value={draft.outcome}
            onChange={(e) => change({ outcome: e.target.value as WorkOutcome | '' })}
            sx={{ flex: 1 }}
            {...issues.field('outcome')}
          >
            <MenuItem value="">
              <em>Not yet</em>
            </MenuItem>
            {workOutcomes.map((o) => (
              <MenuItem key={o} value={o}>
                {workOutcomeLabels[o]}
              </MenuItem>
            ))}
          </TextField>
        </Stack>

        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <Button type="submit" variant="contained" loading={save.isPending} disabled={stale}>
            Save work log
          </Button>
          <Typography variant="caption" color="text.secondary" role="status">
            {saved
              ? `Saved (version ${log.version}).`
              : log.updatedAt
                ? `Last saved ${formatDateTime(log.updatedAt)} by ${log.updatedBy ?? '—'}${dirty ? ' · unsaved changes' : ''}`
                : dirty
                  ? 'Not saved yet'
                  : 'Nothing recorded yet'}
          </Typography>
        </Stack>
      </Stack>
    </form>
  );
}

function PartLineEditor({
  index,
  line,
  catalog,
  issues,
  onChange,
  onRemove,
}: {
  index: number;
  line: PartLine;
  catalog: PartDto[];
  issues: Issues;
  onChange: (patch: Partial<PartLine>) => void;
  onRemove: () => void;
}) {
  // A part retired since it was recorded is not in the active catalog; keep it selectable here.
  const selected =
    catalog.find((p) => p.sku.toUpperCase() === line.sku.toUpperCase()) ??
    (line.sku
      ? { id: line.sku, sku: line.sku, name: line.name, unit: line.unit, active: false, createdAt: '', updatedAt: '' }
      : null);
  const options = selected && !catalog.includes(selected) ? [selected, ...catalog] : catalog;
  const whole = line.unit ? isCountUnit(line.unit) : true;
  const label = `Part ${index + 1}`;
  const serialField = (field: 'serialsInstalled' | 'serialsRemoved', text: string) => {
    const fieldIssues = issues.under('parts', index, field);
    return (
      <Autocomplete
        multiple
        freeSolo
        autoSelect
        size="small"
        options={[] as string[]}
        value={line[field]}
        onChange={(_e, value) => onChange({ [field]: [...new Set(value.map((v) => v.trim()).filter(Boolean))] })}
        renderInput={(params) => (
          <TextField
            {...params}
            label={text}
            placeholder="Type, then Enter"
            error={fieldIssues.length > 0}
            helperText={fieldIssues[0]?.message}
            slotProps={{
              ...params.slotProps,
              htmlInput: { ...params.slotProps.htmlInput, 'aria-label': `${label}: ${text}` },
            }}
          />
        )}
        sx={{ flex: 1, minWidth: 180 }}
      />
    );
  };

  return (
    <Paper variant="outlined" sx={{ p: 1 }} role="group" aria-label={label}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Autocomplete
            size="small"
            options={options}
            value={selected}
            onChange={(_e, part) => onChange({ sku: part?.sku ?? '', name: part?.name ?? '', unit: part?.unit ?? '' })}
            getOptionLabel={(p) => p.sku}
            filterOptions={(list, state) => {
              const needle = state.inputValue.trim().toLowerCase();
              return list.filter((p) => !needle || `${p.sku} ${p.name}`.toLowerCase().includes(needle)).slice(0, 100);
            }}
            isOptionEqualToValue={(a, b) => a.sku === b.sku}
            renderOption={(props, p) => {
              const { key, ...rest } = props as typeof props & { key: string };
              return (
                <Box component="li" key={key} {...rest} sx={{ display: 'block !important' }}>
                  <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                    {p.sku}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {p.name} · per {p.unit}
                  </Typography>
                </Box>
              );
            }}
            renderInput={(params) => (
              <TextField
                {...params}
                label="SKU"
                placeholder="Search the catalog"
                slotProps={{
                  ...params.slotProps,
                  htmlInput: { ...params.slotProps.htmlInput, 'aria-label': `${label}: SKU` },
                }}
                error={issues.field('parts', index, 'sku').error}
                helperText={
                  issues.at('parts', index, 'sku') ??
                  (selected ? `${selected.name}${selected.active ? '' : ' (inactive)'}` : undefined)
                }
              />
            )}
            sx={{ flex: 1 }}
          />
          <TextField
            size="small"
            label={line.unit ? `Qty (${line.unit})` : 'Qty'}
            type="number"
            value={line.quantity}
            onChange={(e) => onChange({ quantity: e.target.value })}
            slotProps={{
              htmlInput: { min: whole ? 1 : 0.01, step: whole ? 1 : 0.1, 'aria-label': `${label}: quantity` },
            }}
            sx={{ width: 96, flexShrink: 0 }}
            {...issues.field('parts', index, 'quantity')}
          />
          <IconButton aria-label={`Remove part ${index + 1}`} onClick={onRemove} size="small" sx={{ mt: 0.5 }}>
            <DeleteOutlinedIcon fontSize="small" />
          </IconButton>
        </Stack>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {serialField('serialsInstalled', 'Serials installed')}
          {serialField('serialsRemoved', 'Serials removed')}
        </Stack>
      </Stack>
    </Paper>
  );
}
