import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useEffect, useMemo, useRef } from 'react';
import { select, useSelection } from '../../app/selection';
import { useNowInSteps } from '../../components/use-now';
import { useApiQuery } from '../../transport/queries';
import L from './leaflet';
import { dayWindow, today } from './map-day';
import { MapSidePanel } from './map-side-panel';
import { routeFor, type Route } from './route';
import { createRouteLayer } from './route-line';
import { fieldStatus, placeTechnician, technicianMarker } from './technician-marker';
import { isLocated, ticketMarker } from './ticket-marker';
import { useBasemapLayer, useLeafletMap } from './use-leaflet-map';
import { useMapLayers } from './use-map-layers';
import { RANKED_SHOWN, useRanking } from './use-ranking';

const selectTechnician = (technicianId: string) => select({ technicianId });
const selectTicket = (ticketId: string) => select({ ticketId });

/**
 * Technicians at their last known positions, open tickets by priority, the selected technician's
 * route for the day and the technicians ranked for the selected ticket. Selection is shared with
 * the board (app/selection.ts): what is selected here is selected there, and the other way round.
 */
export function MapPage() {
  const selection = useSelection();
  const day = selection.day ?? today();
  const window = useMemo(() => dayWindow(day), [day]);
  const technicians = useApiQuery('technicians.list', {});
  const queue = useApiQuery('tickets.queue', {});
  const visits = useApiQuery('visits.list', window);
  const selectedTicket = queue.data?.find((t) => t.id === selection.ticketId) ?? null;
  const ranking = useRanking(selectedTicket, day);
  // Position ages are shown in minutes: re-render once a minute, not every second.
  const now = useNowInSteps(60_000);

  const container = useRef<HTMLDivElement>(null);
  const map = useLeafletMap(container);
  const basemap = useBasemapLayer(map);
  const layers = useMapLayers(map, selectTechnician, selectTicket);

  const dayVisits = useMemo(() => visits.data ?? [], [visits.data]);
  const placed = useMemo(
    () => (technicians.data ?? []).filter((t) => t.active).map((t) => ({ t, placed: placeTechnician(t) })),
    [technicians.data],
  );
  const located = useMemo(() => (queue.data ?? []).filter(isLocated), [queue.data]);

  const rankById = useMemo(
    () =>
      new Map(
        (ranking.data?.ranked ?? [])
          .slice(0, RANKED_SHOWN)
          .map((r, index) => [
            r.technicianId,
            { position: index + 1, travelMinutes: Math.round(r.parts.travelMinutes) },
          ]),
      ),
    [ranking.data],
  );

  useEffect(() => {
    if (!layers) return;
    layers.technicians.update(
      placed.flatMap(({ t, placed: p }) =>
        p
          ? [
              technicianMarker(
                p,
                {
                  status: fieldStatus(t.id, dayVisits),
                  selected: t.id === selection.technicianId,
                  rank: rankById.get(t.id) ?? null,
                },
                now,
              ),
            ]
          : [],
      ),
    );
  }, [layers, placed, dayVisits, selection.technicianId, rankById, now]);

  useEffect(() => {
    layers?.tickets.update(located.map((row) => ticketMarker(row, row.id === selection.ticketId)));
  }, [layers, located, selection.ticketId]);

  const selectedTechnician = technicians.data?.find((t) => t.id === selection.technicianId) ?? null;
  const route = useMemo(
    () => (selectedTechnician ? routeFor(selectedTechnician, dayVisits) : null),
    [selectedTechnician, dayVisits],
  );
  useEffect(() => {
    if (!map || !route || !selectedTechnician) return;
    const layer = createRouteLayer(route, selectedTechnician.name).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, route, selectedTechnician]);

  useFitOnce(map, technicians.isSuccess && queue.isSuccess, placed, located);
  const rankedIds = useMemo(() => [...rankById.keys()].join(' '), [rankById]);
  useFrameSelection(map, layers, selection.technicianId, route);
  useFrameTicket(map, layers, selection.ticketId, rankedIds);

  const failed = [technicians, queue, visits].find((q) => q.isError);
  return (
    <Stack direction="row" spacing={2} sx={{ height: '100%' }}>
      <Stack spacing={1} sx={{ flex: 1, minWidth: 0 }}>
        {failed?.error && <Alert severity="error">{failed.error.message}</Alert>}
        {basemap.problem && (
          <Alert severity="warning" aria-label="Basemap">
            {basemap.problem} The offline shapes are shown instead.
          </Alert>
        )}
        <Box
          ref={container}
          className="dispatch-map"
          role="region"
          aria-label="Dispatch map"
          sx={{ flex: 1, minHeight: 0, borderRadius: 1, overflow: 'hidden' }}
        />
      </Stack>
      <MapSidePanel
        day={day}
        technicians={technicians.data ?? []}
        unplacedTechnicians={placed.filter((p) => !p.placed).length}
        unlocatedTickets={(queue.data?.length ?? 0) - located.length}
        tickets={queue.data ?? []}
        visits={dayVisits}
        route={route}
        ranking={ranking}
        now={now}
      />
    </Stack>
  );
}

/** Frames everything once, when both lists have arrived; later updates leave the view alone. */
function useFitOnce(
  map: L.Map | null,
  ready: boolean,
  placed: { placed: { latitude: number; longitude: number } | null }[],
  located: { siteLocation: { latitude: number; longitude: number } }[],
) {
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || !ready || fitted.current) return;
    fitted.current = true;
    const points: L.LatLngTuple[] = [
      ...placed.flatMap((p) => (p.placed ? [[p.placed.latitude, p.placed.longitude] as L.LatLngTuple] : [])),
      ...located.map((r): L.LatLngTuple => [r.siteLocation.latitude, r.siteLocation.longitude]),
    ];
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 12 });
  }, [map, ready, placed, located]);
}

/**
 * When a technician is selected (here or on the board), frame their day's route. Only a change
 * of selection moves the view: live updates to the same selection leave it where the dispatcher
 * put it.
 */
function useFrameSelection(
  map: L.Map | null,
  layers: ReturnType<typeof useMapLayers>,
  technicianId: string | null,
  route: Route | null,
) {
  const routeRef = useRef(route);
  routeRef.current = route;
  useEffect(() => {
    if (!map || !layers || !technicianId) return;
    const stops = routeRef.current?.stops ?? [];
    if (stops.length > 1) {
      map.fitBounds(L.latLngBounds(stops.map((s): L.LatLngTuple => [s.latitude, s.longitude])), {
        padding: [60, 60],
        maxZoom: 13,
      });
      return;
    }
    const at = layers.technicians.get(technicianId)?.getLatLng();
    if (at && !map.getBounds().pad(-0.15).contains(at)) map.panTo(at);
    // The route is read through a ref on purpose: a new visit must not move the view.
  }, [map, layers, technicianId]);
}

/**
 * When a ticket is selected, centre it if it is off-screen or near the edge; once its ranking
 * arrives, frame it with the best technicians, the point of selecting it. Each happens once per
 * selection, so a refreshed ranking does not pull the view away again.
 */
function useFrameTicket(
  map: L.Map | null,
  layers: ReturnType<typeof useMapLayers>,
  ticketId: string | null,
  rankedIds: string,
) {
  const done = useRef<{ ticketId: string; ranked: boolean } | null>(null);
  useEffect(() => {
    if (!map || !layers || !ticketId) {
      done.current = null;
      return;
    }
    const at = layers.tickets.get(ticketId)?.getLatLng();
    if (!at) return;
    const sameTicket = done.current?.ticketId === ticketId;
    if (sameTicket && done.current?.ranked) return;
    const ranked = rankedIds.split(' ').flatMap((id) => layers.technicians.get(id)?.getLatLng() ?? []);
    if (ranked.length > 0) {
      map.fitBounds(L.latLngBounds([at, ...ranked]), { padding: [60, 60], maxZoom: 13 });
      done.current = { ticketId, ranked: true };
    } else if (!sameTicket) {
      if (!map.getBounds().pad(-0.15).contains(at)) map.panTo(at);
      done.current = { ticketId, ranked: false };
    }
  }, [map, layers, ticketId, rankedIds]);
}
