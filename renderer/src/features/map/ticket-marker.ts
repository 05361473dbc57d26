import { priorityLabels, type Priority, type QueueRow } from '../../../../shared/domain/ticket';
import { escapeHtml } from './html';
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
    html:
      `<span class="visually-hidden">${escapeHtml(ticketLabel(row))}</span>` +
      `<span aria-hidden="true"><b>${glyphs[row.priority]}</b> ${shortLabels[row.priority]}</span>`,
  };
}
