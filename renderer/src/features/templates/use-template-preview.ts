import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiInput } from '../../../../shared/api/contract';
import type { MessageKind, MessageTemplateText } from '../../../../shared/domain/messages';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { ApiCallError, call } from '../../transport/client';

/**
 * The draft rendered with a real ticket, 300 ms after the last keystroke. The server checks the
 * draft exactly as it checks a save, so an unknown placeholder shows while the admin types.
 */
export function useTemplatePreview(kind: MessageKind, ticketId: string | null, draft: MessageTemplateText) {
  // Debounced as text: an object would be new on every render and never settle.
  const requestText = ticketId ? JSON.stringify({ kind, ticketId, draft }) : '';
  const settledText = useDebouncedValue(requestText, 300);
  const input = useMemo(
    () => (settledText ? (JSON.parse(settledText) as ApiInput<'templates.preview'>) : null),
    [settledText],
  );
  const query = useQuery({
    queryKey: ['templates.preview', input],
    queryFn: () => (input ? call('templates.preview', input) : Promise.reject(new Error('no ticket'))),
    enabled: input !== null,
    // The last preview stays on screen while the next is made.
    placeholderData: keepPreviousData,
  });
  const error = query.error instanceof ApiCallError ? query.error : null;
  return {
    rendered: query.isError ? undefined : query.data,
    error,
    updating: requestText !== settledText || query.isFetching,
  };
}
