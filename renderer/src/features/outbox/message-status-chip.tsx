import Chip, { type ChipProps } from '@mui/material/Chip';
import { outboxStatusLabels, type OutboxStatus } from '../../../../shared/domain/outbox';

const colors: Record<OutboxStatus, ChipProps['color']> = {
  queued: 'default',
  sending: 'info',
  sent: 'success',
  failed: 'error',
  // Not needed (a reminder for a visit that moved or was cancelled): nothing to worry about.
  superseded: 'default',
};

export function MessageStatusChip({ status }: { status: OutboxStatus }) {
  return (
    <Chip
      size="small"
      color={colors[status]}
      variant={status === 'superseded' ? 'outlined' : 'filled'}
      label={outboxStatusLabels[status]}
    />
  );
}
