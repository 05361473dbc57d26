import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/** The filter value that means every team. */
export const allTeams = '__all__';

/** A "Team" select: all teams, or one of the given ones. */
export function TeamFilter({
  teams,
  value,
  onChange,
  width,
}: {
  teams: readonly string[];
  value: string;
  onChange: (team: string) => void;
  width: number;
}) {
  return (
    <TextField
      select
      label="Team"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ width }}
      fullWidth={false}
    >
      <MenuItem value={allTeams}>All teams</MenuItem>
      {teams.map((t) => (
        <MenuItem key={t} value={t}>
          {t}
        </MenuItem>
      ))}
    </TextField>
  );
}
