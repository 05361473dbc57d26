import { priorityLabels, type Priority, type QueueRow } from '../../../../shared/domain/ticket';
import type { MarkerSpec } from './marker-set';

// A glyph and a short word besides the colour, so priority never depends on seeing colour alone.
const glyphs: Record<Priority, string> = { critical: '‼', high: '!', medium: '•', low: '·' };
const shortLabels: Record<Priority, string> = { critical: 'Crit', high: 'High', medium: 'Med', low: 'Low' };

export type LocatedTicket = QueueRow & { siteLocation: NonNullable<QueueRow['siteLocation']> };

export function isLocated(row: QueueRow): row is LocatedTicket {
  return row.siteLocation !== null;
}

export function ticketLabel(row: QueueRow): string {
  const where = [row.clientName, row.siteName].filter(Boolean).join(', ');
  return `Ticket ${row.number}: ${priorityLabels[row.priority]}, ${where}`;
}

export function ticketMarker(row: LocatedTicket, selected: boolean): MarkerSpec {
  return {
    id: row.id,
    latitude: row.siteLocation.latitude,
    longitude: row.siteLocation.longitude,
    className: `ticket-marker ticket-${row.priority}${selected ? ' is-selected' : ''}`,
    size: [46, 22],
    highlighted: selected,
    label: ticketLabel(row),
    // Plain text, no child elements: the cheapest marker to restyle; the label names it.
    html: `${glyphs[row.priority]} ${shortLabels[row.priority]}`,
  };
}
