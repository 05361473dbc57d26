import Button from '@mui/material/Button';
import { useApiMutation } from '../../transport/queries';

/** Puts a message that was not delivered back in the queue, due now. */
export function RetryButton({ id, onError }: { id: string; onError: (message: string) => void }) {
  const retry = useApiMutation('outbox.retry', ['outbox.list', 'outbox.get', 'outbox.status', 'tickets.timeline']);
  return (
    <Button
      size="small"
      variant="contained"
      color="error"
      disabled={retry.isPending}
      onClick={(e) => {
        // Inside a clickable row: retrying does not also open the message.
        e.stopPropagation();
        retry.mutate({ id }, { onError: (error) => onError(error.message) });
      }}
    >
      Retry now
    </Button>
  );
}
