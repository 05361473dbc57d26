import Chip, { type ChipProps } from '@mui/material/Chip';
import { outboxStatusLabels, type OutboxStatus } from '../../../../shared/domain/outbox';

const colors: Record<OutboxStatus, ChipProps['color']> = {
  queued: 'default',
  sending: 'info',
  sent: 'success',
  failed: 'error',
};

export function MessageStatusChip({ status }: { status: OutboxStatus }) {
  return <Chip size="small" color={colors[status]} label={outboxStatusLabels[status]} />;
}
