import type { OutboxSummaryDto } from '../../../../shared/domain/outbox';

/**
 * Messages that were not delivered first (they need someone), then the rest as the server listed
 * them (newest first). The sort is stable, so each group keeps its order.
 */
export function notDeliveredFirst<T extends Pick<OutboxSummaryDto, 'status'>>(messages: readonly T[]): T[] {
  return [...messages].sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed'));
}

/** A message kind key such as 'booking-confirmation' as words: "Booking confirmation". */
export function kindLabel(kind: string): string {
  const words = kind.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
