import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import { call, sessionChanged, type ApiCallError } from '../../transport/client';

type SessionMethod = 'auth.login' | 'auth.setup' | 'auth.logout';

/** Login, setup and logout change who is asking: every cached answer is dropped and refetched. */
export function useSessionStart<K extends SessionMethod>(method: K) {
  const queryClient = useQueryClient();
  return useMutation<ApiOutput<K>, ApiCallError, ApiInput<K>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async () => {
      sessionChanged();
      await queryClient.resetQueries();
    },
  });
}
