import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import { call, type ApiCallError } from '../../transport/client';

/** auth.changePassword; who the caller is changes (no longer bound to a new password), so auth.status is refetched. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation<ApiOutput<'auth.changePassword'>, ApiCallError, ApiInput<'auth.changePassword'>>({
    mutationFn: (input) => call('auth.changePassword', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth.status'] }),
  });
}
