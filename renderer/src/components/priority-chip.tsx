import Chip from '@mui/material/Chip';
import { priorityLabels, type Priority } from '../../../shared/domain/ticket';

export const priorityColors: Record<Priority, 'error' | 'warning' | 'info' | 'default'> = {
  critical: 'error',
  high: 'warning',
  medium: 'info',
  low: 'default',
};

export function PriorityChip({ priority }: { priority: Priority }) {
  return <Chip size="small" color={priorityColors[priority]} label={priorityLabels[priority]} />;
}
