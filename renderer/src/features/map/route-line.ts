import { escapeHtml } from './html';
import L from './leaflet';
import type { Route } from './route';

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
