import type { Recommendation } from '../../../../shared/domain/dispatch';

export interface Ranking {
  data: Recommendation | undefined;
  isPending: boolean;
  error: { message: string } | null;
}

/** The technicians ranked for the selected ticket on the day shown; nothing while no ticket is selected. */
// dispatch.recommend is not merged yet; until it is, the map says ranking is not available.
export function useRanking(_ticketId: string | null, _day: string): Ranking {
  return { data: undefined, isPending: false, error: null };
}
