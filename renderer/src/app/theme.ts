import { createTheme } from '@mui/material/styles';

// Dense by default: dispatch desks show a lot at once on laptop screens.
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1f5fa8' },
    secondary: { main: '#6b4fbb' },
    background: { default: '#f4f6f9' },
  },
  shape: { borderRadius: 6 },
  typography: { fontSize: 13 },
  components: {
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiFormControl: { defaultProps: { size: 'small' } },
    MuiButton: { defaultProps: { disableElevation: true } },
  },
});
