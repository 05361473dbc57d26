import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthGate } from '../features/auth/auth-gate';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    // Freshness comes from pushed events, not from polling or window focus.
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: false },
  },
});

export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <QueryClientProvider client={queryClient}>
        <AuthGate />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
