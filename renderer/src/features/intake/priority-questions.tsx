import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PriorityCriteria, UsersImpacted } from '../../../../shared/domain/sla';
import { PriorityChip } from '../../components/priority-chip';
import { useApiQuery } from '../../transport/queries';

export const noCriteria: PriorityCriteria = {
  serviceOutage: false,
  securityRisk: false,
  usersImpacted: 'one',
  userUnableToWork: false,
  intermittentWithWorkaround: false,
  generalQuery: false,
};

type Flag = Exclude<keyof PriorityCriteria, 'usersImpacted'>;

// The SOP's questions in the order an agent asks them on the phone.
const questions: { key: Flag; label: string }[] = [
  { key: 'serviceOutage', label: 'Is a service down (outage)?' },
  { key: 'securityRisk', label: 'Is there a security risk?' },
  { key: 'userUnableToWork', label: 'Is someone unable to work?' },
  { key: 'intermittentWithWorkaround', label: 'Intermittent, with a workaround?' },
  { key: 'generalQuery', label: 'A general question or low-impact request?' },
];

const usersImpactedLabels: Record<UsersImpacted, string> = {
  one: 'One user',
  several: 'Several users',
  many: 'Many users',
};

/** The intake's priority questions; the priority they give (under the admin's matrix) shows live. */
export function PriorityQuestions({
  value,
  onChange,
}: {
  value: PriorityCriteria;
  onChange: (next: PriorityCriteria) => void;
}) {
  const assessed = useApiQuery('priority.assess', { criteria: value }, { placeholderData: (previous) => previous });
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="fieldset" aria-label="Priority questions">
      <Stack direction="row" sx={{ alignItems: 'center', mb: 0.5 }} spacing={1}>
        <Typography variant="subtitle2" component="legend" sx={{ flex: 1 }}>
          Impact and urgency
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Priority
        </Typography>
        <Box aria-live="polite" data-testid="assessed-priority">
          {assessed.data ? <PriorityChip priority={assessed.data.priority} /> : '…'}
        </Box>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2 }}>
        {questions.map((q) => (
          <FormControlLabel
            key={q.key}
            control={
              <Checkbox
                size="small"
                name={q.key}
                checked={value[q.key]}
                onChange={(e) => onChange({ ...value, [q.key]: e.target.checked })}
              />
            }
            label={<Typography variant="body2">{q.label}</Typography>}
          />
        ))}
        <TextField
          select
          label="How many users are affected?"
          name="usersImpacted"
          value={value.usersImpacted}
          onChange={(e) => onChange({ ...value, usersImpacted: e.target.value as UsersImpacted })}
          sx={{ mt: 0.5 }}
        >
          {(Object.keys(usersImpactedLabels) as UsersImpacted[]).map((k) => (
            <MenuItem key={k} value={k}>
              {usersImpactedLabels[k]}
            </MenuItem>
          ))}
        </TextField>
      </Box>
    </Paper>
  );
}
