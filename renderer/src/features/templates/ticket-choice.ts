import type { QueueRow } from '../../../../shared/domain/ticket';

export type TicketChoice = Pick<QueueRow, 'id' | 'number' | 'receivedAt' | 'clientName' | 'siteName' | 'summary'>;

/** Newest received first; the first one is the preview's ticket until the admin picks another. */
export function newestFirst<T extends Pick<TicketChoice, 'receivedAt' | 'number'>>(tickets: readonly T[]): T[] {
  return [...tickets].sort(
    (a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt) || b.number.localeCompare(a.number),
  );
}

/** How a ticket reads in the picker: "T-2026-000123 · Northwind · Printer jams on floor 2". */
export function ticketChoiceLabel(t: TicketChoice): string {
  return [t.number, t.clientName, t.summary].filter((part) => part.trim() !== '').join(' · ');
}

/**
 * The tickets that match what was typed (every word, in the number, client, site or summary,
 * ignoring case), newest first, at most `limit`: a long history stays quick to search.
 */
export function matchingTickets<T extends TicketChoice>(tickets: readonly T[], query: string, limit: number): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = tickets.filter((t) => {
    const text = [t.number, t.clientName, t.siteName ?? '', t.summary].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return newestFirst(matches).slice(0, limit);
}
