import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { RequiredSkill, SkillDto, WorkTypeDto } from '../../../../shared/domain/technician';
import { DataTable } from '../../components/data-table';
import { FormDialog } from '../../components/form-dialog';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { issuesOf, skillLevels } from './technician-format';

function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Work types: templates presetting the skills and duration of a kind of job. */
export function WorkTypesPanel({ canEdit }: { canEdit: boolean }) {
  const list = useApiQuery('workTypes.list', {});
  const skills = useApiQuery('skills.list', {});
  const [editing, setEditing] = useState<WorkTypeDto | 'new' | null>(null);
  const skillName = (id: string) => skills.data?.find((s) => s.id === id)?.name ?? '…';
  const rows = [...(list.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Stack spacing={1.5} sx={{ height: '100%' }}>
      {canEdit && (
        <Stack direction="row">
          <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
            Add work type
          </Button>
        </Stack>
      )}
      <DataTable
        label="Work types"
        columns={['Name', 'Category', 'Duration', 'Required skills', 'Sign-off', '']}
        source={list}
        rowCount={rows.length}
        emptyText="No work types yet."
      >
        {rows.map((w) => (
          <TableRow key={w.id} hover>
            <TableCell sx={{ fontWeight: 600 }}>{w.name}</TableCell>
            <TableCell>{w.category ?? '—'}</TableCell>
            <TableCell>{durationText(w.durationMinutes)}</TableCell>
            <TableCell>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {w.requiredSkills.length === 0 && '—'}
                {w.requiredSkills.map((r) => (
                  <Chip
                    key={r.skillId}
                    size="small"
                    variant="outlined"
                    label={`${skillName(r.skillId)} ≥ L${r.minLevel}`}
                  />
                ))}
              </Stack>
            </TableCell>
            <TableCell>{w.signOffRequired ? 'Required' : 'Optional'}</TableCell>
            <TableCell align="right">
              {canEdit && (
                <Button size="small" onClick={() => setEditing(w)} aria-label={`Edit ${w.name}`}>
                  Edit
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      {editing !== null && (
        <WorkTypeForm
          workType={editing === 'new' ? null : editing}
          skills={skills.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function WorkTypeForm({
  workType,
  skills,
  onClose,
}: {
  workType: WorkTypeDto | null;
  skills: SkillDto[];
  onClose: () => void;
}) {
  const [name, setName] = useState(workType?.name ?? '');
  const [category, setCategory] = useState(workType?.category ?? '');
  const [duration, setDuration] = useState(String(workType?.durationMinutes ?? 60));
  const [required, setRequired] = useState<RequiredSkill[]>(workType?.requiredSkills ?? []);
  const [signOffRequired, setSignOffRequired] = useState(workType?.signOffRequired ?? false);
  const save = useApiMutation('workTypes.save', ['workTypes.list']);
  const issues = issuesOf(save.error);
  const title = workType ? `Edit ${workType.name}` : 'Add work type';
  const free = skills.filter((s) => !required.some((r) => r.skillId === s.id));
  const setRow = (index: number, row: Partial<RequiredSkill>) =>
    setRequired(required.map((r, i) => (i === index ? { ...r, ...row } : r)));

  const submit = () =>
    save.mutate(
      {
        ...(workType ? { id: workType.id } : {}),
        name: name.trim(),
        category: category.trim() || null,
        durationMinutes: Number(duration),
        requiredSkills: required,
        signOffRequired,
      },
      { onSuccess: onClose },
    );

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      error={save.error?.message}
      spacing={1.5}
    >
      <TextField
        label="Name"
        required
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        {...issues.field('name')}
      />
      <Stack direction="row" spacing={1}>
        <TextField
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          {...issues.field('category')}
        />
        <TextField
          label="Duration (minutes)"
          type="number"
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          {...issues.field('durationMinutes')}
          slotProps={{ htmlInput: { min: 5, max: 1440, step: 5 } }}
        />
      </Stack>
      <FormControlLabel
        control={<Checkbox checked={signOffRequired} onChange={(e) => setSignOffRequired(e.target.checked)} />}
        label="Client sign-off required before closing"
      />
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2">Required skills</Typography>
        <Button
          size="small"
          sx={{ ml: 'auto' }}
          startIcon={<AddIcon fontSize="small" />}
          disabled={free.length === 0}
          onClick={() => free[0] && setRequired([...required, { skillId: free[0].id, minLevel: 1 }])}
        >
          Add required skill
        </Button>
      </Stack>
      {issues.at('requiredSkills') && (
        <Typography variant="caption" color="error">
          {issues.at('requiredSkills')}
        </Typography>
      )}
      {required.map((row, index) => (
        <Stack key={index} direction="row" spacing={1} role="group" aria-label={`Required skill ${index + 1}`}>
          <TextField
            select
            label="Skill"
            value={row.skillId}
            onChange={(e) => setRow(index, { skillId: e.target.value })}
            {...issues.field('requiredSkills', index, 'skillId')}
          >
            {skills
              .filter((s) => s.id === row.skillId || !required.some((r) => r.skillId === s.id))
              .map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.name}
                </MenuItem>
              ))}
          </TextField>
          <TextField
            select
            label="Min level"
            value={row.minLevel}
            onChange={(e) => setRow(index, { minLevel: Number(e.target.value) })}
            {...issues.field('requiredSkills', index, 'minLevel')}
            sx={{ width: 110 }}
          >
            {skillLevels.map((l) => (
              <MenuItem key={l} value={l}>
                {l}
              </MenuItem>
            ))}
          </TextField>
          <IconButton
            size="small"
            aria-label="Remove required skill"
            onClick={() => setRequired(required.filter((_, i) => i !== index))}
          >
            <DeleteOutlinedIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
    </FormDialog>
  );
}
