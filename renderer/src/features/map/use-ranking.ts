import type { Recommendation } from '../../../../shared/domain/dispatch';
import { useApiQuery } from '../../transport/queries';

/** How many of the best are highlighted on the map and listed beside it. */
export const RANKED_SHOWN = 5;

export interface Ranking {
  data: Recommendation | undefined;
  /** True only while a ranking is being fetched (false when none is asked for). */
  isLoading: boolean;
  error: { message: string } | null;
}

/**
 * The technicians ranked for the selected ticket on the day shown. Nothing is asked while no
 * ticket is selected, or for a ticket already scheduled: its ranking would only propose a second
 * visit (as in the ticket panel); the board is where it is rebooked.
 */
export function useRanking(ticket: { id: string; scheduledAt: string | null } | null, day: string): Ranking {
  const query = useApiQuery(
    'dispatch.recommend',
    { ticketId: ticket?.id ?? '', day },
    { enabled: ticket !== null && ticket.scheduledAt === null },
  );
  return { data: query.data, isLoading: query.isLoading, error: query.error };
}
