import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** One line saying why documentation shown here cannot be added to, so missing buttons are no mystery. */
export function ReadOnlyNote({ reason }: { reason: string }) {
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'text.secondary' }} role="note">
      <LockOutlinedIcon sx={{ fontSize: 16 }} />
      <Typography variant="body2">{reason}</Typography>
    </Stack>
  );
}
