import type { EventContentArg, EventMountArg } from '@fullcalendar/core';
import { visitStatusLabels } from '../../../../shared/domain/visit';
import { lateText } from '../../components/late-text';
import type { VisitEventProps } from './board-data';

// Built as plain DOM rather than React: FullCalendar renders React content through a portal per
// event, which costs more than the whole timeline with 2,000 visits in a week.

const svgNs = 'http://www.w3.org/2000/svg';
// Material's PushPin glyph.
const pinPath =
  'M16 9V4h1c.55 0 1-.45 1-1s-.45-1-1-1H7c-.55 0-1 .45-1 1s.45 1 1 1h1v5c0 1.66-1.34 3-3 3v2h5.97v7l1 1 1-1v-7H19v-2c-1.66 0-3-1.34-3-3z';

function pinIcon(): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'board-pin');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Pinned');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', pinPath);
  svg.appendChild(path);
  return svg;
}

function line(className: string, text: string): HTMLDivElement {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  return div;
}

function visitProps(arg: { event: { extendedProps: Record<string, unknown> } }): VisitEventProps | null {
  const props = arg.event.extendedProps as Partial<VisitEventProps>;
  return props.kind === 'visit' ? (props as VisitEventProps) : null;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * The part of a ticket number that tells tickets apart on a board, "000123" of "T-2026-000123":
 * an hour's visit is too narrow for the whole number, and the board's CSS shows this one instead
 * when the visit is narrow (the tooltip and the accessible name keep the whole number).
 */
export function shortTicketNumber(ticketNumber: string): string {
  return ticketNumber.slice(ticketNumber.lastIndexOf('-') + 1);
}

/** Ticket and client on the first line, status (and pin) on the second, with the projected lateness. */
export function visitContent(arg: EventContentArg) {
  const props = visitProps(arg);
  if (!props) return true; // FullCalendar's own rendering (a ticket being dragged in)
  const { visit } = props;
  const first = document.createElement('div');
  first.className = 'board-visit-title';
  first.append(
    span('board-visit-number', visit.ticketNumber),
    span('board-visit-number-short', shortTicketNumber(visit.ticketNumber)),
    span('board-visit-client', ` · ${visit.clientName}`),
  );
  if (visit.pinned) first.prepend(pinIcon());
  const second = line('board-visit-status', visitStatusLabels[visit.status]);
  const late = lateText(visit.projectedLateMinutes);
  if (late) {
    const badge = document.createElement('span');
    badge.className = 'board-visit-late';
    badge.textContent = late;
    // First on its line: a short visit's card is narrow, and the lateness matters more than the status.
    second.prepend(badge, ' ');
  }
  // FullCalendar mounts an event's element once and redraws only its content when the visit
  // moves or changes: label the element again once the new content is in it.
  requestAnimationFrame(() => {
    const el = first.closest<HTMLElement>('.fc-event');
    if (el) labelVisit(el, props);
  });
  return { domNodes: [first, second] };
}

const time = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

/** What a screen reader says for a visit, and the tooltip. */
export function visitDidMount(arg: EventMountArg): void {
  const props = visitProps(arg);
  if (props) labelVisit(arg.el, props);
}

function labelVisit(el: HTMLElement, props: VisitEventProps): void {
  const { visit, travelMinutes } = props;
  const text = [
    `${visit.ticketNumber}, ${visit.clientName}`,
    `${time.format(new Date(visit.startsAt))} to ${time.format(new Date(visit.endsAt))}`,
    visit.technicianName,
    visitStatusLabels[visit.status],
    visit.priority,
    visit.pinned ? 'pinned' : null,
    lateText(visit.projectedLateMinutes) ? `projected ${lateText(visit.projectedLateMinutes)}` : null,
    travelMinutes ? `${travelMinutes} min travel before` : null,
  ]
    .filter(Boolean)
    .join(', ');
  el.setAttribute('aria-label', text);
  el.title = `${text}\n${visit.ticketSummary}`;
  el.dataset.visitId = visit.id;
}
