import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api/contract';
import { call, type ApiCallError } from './client';

/** Server data is cached by method and input; pushed events invalidate by method name. */
export function useApiQuery<K extends MethodName>(
  method: K,
  input: ApiInput<K>,
  options: Omit<UseQueryOptions<ApiOutput<K>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ApiOutput<K>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

export function useApiMutation<K extends MethodName>(method: K, invalidates: MethodName[] = []) {
  const queryClient = useQueryClient();
  return useMutation<ApiOutput<K>, ApiCallError, ApiInput<K>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async () => {
      await Promise.all(invalidates.map((m) => queryClient.invalidateQueries({ queryKey: [m] })));
    },
  });
}
