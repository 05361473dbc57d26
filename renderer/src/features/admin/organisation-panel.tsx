import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { weekdayNames } from '../../../../shared/domain/organisation';
import { weekdayKeys, type WeekdayKey } from '../../../../shared/domain/sla';
import { useApiMutation, useApiQuery } from '../../transport/queries';

/** The organisation's own settings; a choice is saved as soon as it is made (there is one). */
export function OrganisationPanel() {
  const settings = useApiQuery('organisation.settings', {});
  const save = useApiMutation('organisation.saveSettings', ['organisation.settings']);
  return (
    <Paper variant="outlined" component="form" aria-label="Organisation" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
        Organisation
      </Typography>
      <TextField
        select
        label="First day of the week"
        value={settings.data?.firstDayOfWeek ?? ''}
        disabled={!settings.data || save.isPending}
        onChange={(e) => save.mutate({ firstDayOfWeek: e.target.value as WeekdayKey })}
        helperText={
          save.isSuccess ? 'Saved. Weeks on the board start on this day.' : 'Weeks on the board start on this day.'
        }
        sx={{ width: 260 }}
      >
        {weekdayKeys.map((day) => (
          <MenuItem key={day} value={day}>
            {weekdayNames[day]}
          </MenuItem>
        ))}
      </TextField>
      {(settings.error ?? save.error) && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {(settings.error ?? save.error)?.message}
        </Alert>
      )}
    </Paper>
  );
}
