import type { TechnicianDto } from '../../../../shared/domain/technician';
import type { VisitDto } from '../../../../shared/domain/visit';
import { escapeHtml } from './html';
import L from './leaflet';

export interface RouteStop {
  latitude: number;
  longitude: number;
  /** The visit at this stop; null for the base the day starts from. */
  visit: VisitDto | null;
}

export interface Route {
  stops: RouteStop[];
  /** The technician's visits that day whose site has no coordinates: listed, not drawn. */
  unmapped: VisitDto[];
}

/** The technician's day in order: their base (when it has coordinates), then each visit's site by start. */
export function routeFor(technician: TechnicianDto, visits: readonly VisitDto[]): Route {
  const theirs = visits
    .filter((v) => v.crew.some((m) => m.technicianId === technician.id))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const stops: RouteStop[] = [];
  const { latitude, longitude } = technician.home;
  if (latitude !== null && longitude !== null) stops.push({ latitude, longitude, visit: null });
  const unmapped: VisitDto[] = [];
  for (const visit of theirs) {
    const site = visit.site;
    if (site && site.latitude !== null && site.longitude !== null)
      stops.push({ latitude: site.latitude, longitude: site.longitude, visit });
    else unmapped.push(visit);
  }
  return { stops, unmapped };
}

/** The route as a line through its stops with a numbered badge at each visit (not focusable: the side panel lists them). */
export function createRouteLayer(route: Route, technicianName: string): L.LayerGroup {
  const layer = L.layerGroup();
  const points = route.stops.map((s): L.LatLngTuple => [s.latitude, s.longitude]);
  if (points.length > 1)
    L.polyline(points, {
      className: 'route-line',
      color: '#6b4fbb',
      weight: 4,
      opacity: 0.85,
      interactive: false,
    }).addTo(layer);
  let number = 0;
  for (const stop of route.stops) {
    const text = stop.visit ? String(++number) : 'B';
    const title = stop.visit
      ? `Stop ${number} for ${technicianName}: ${stop.visit.ticketNumber}`
      : `Base of ${technicianName}`;
    L.marker([stop.latitude, stop.longitude], {
      keyboard: false,
      interactive: false,
      icon: L.divIcon({
        className: 'route-stop',
        html: `<span title="${escapeHtml(title)}">${text}</span>`,
        iconSize: [20, 20],
        // Up and to the left of the site, so the ticket's own marker stays readable.
        iconAnchor: [26, 26],
      }),
    }).addTo(layer);
  }
  return layer;
}
