import Box from '@mui/material/Box';
import { useEffect, useRef } from 'react';
import L from '../map/leaflet';
import { useBasemapLayer, useLeafletMap } from '../map/use-leaflet-map';

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Where the map opens when the site has no point yet: the client's other sites, else the world. */
const STREET_ZOOM = 16;

const pin = L.divIcon({
  className: 'site-location-pin',
  html: '<span></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 22],
});

/**
 * A small map to place a site by hand: a click puts the pin there, the pin can be dragged, and the
 * arrow keys move a focused pin (Leaflet's keyboard support). Loaded on demand, so the Clients
 * screen and intake do not carry Leaflet until someone opens it.
 */
export default function SiteLocationMap({
  value,
  near,
  onPick,
}: {
  value: LatLon | null;
  /** Points to frame when there is no value yet (the client's other sites). */
  near: LatLon[];
  onPick: (point: LatLon) => void;
}) {
  const container = useRef<HTMLDivElement | null>(null);
  const map = useLeafletMap(container);
  // The same basemap as this workstation's big map: at street zoom the street file is what helps.
  useBasemapLayer(map);
  const marker = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  // Frame once, when the map appears: later picks must not move the view under the user's hand.
  const framed = useRef(false);
  useEffect(() => {
    if (!map || framed.current) return;
    framed.current = true;
    if (value) map.setView([value.latitude, value.longitude], STREET_ZOOM);
    else if (near.length === 1 && near[0]) map.setView([near[0].latitude, near[0].longitude], 12);
    else if (near.length > 1)
      map.fitBounds(L.latLngBounds(near.map((p) => [p.latitude, p.longitude])), { maxZoom: 12 });
    map.on('click', (e: L.LeafletMouseEvent) => pick.current({ latitude: e.latlng.lat, longitude: e.latlng.lng }));
  }, [map, value, near]);

  useEffect(() => {
    if (!map) return;
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at: L.LatLngExpression = [value.latitude, value.longitude];
    if (!marker.current) {
      marker.current = L.marker(at, {
        draggable: true,
        keyboard: true,
        icon: pin,
        title: 'Site location',
        alt: 'Site location',
      })
        .on('dragend', (e: L.DragEndEvent) => {
          const { lat, lng } = (e.target as L.Marker).getLatLng();
          pick.current({ latitude: lat, longitude: lng });
        })
        .addTo(map);
    } else marker.current.setLatLng(at);
    // A point found by the geocoder may be anywhere: bring it into view.
    if (!map.getBounds().contains(at)) map.setView(at, Math.max(map.getZoom(), STREET_ZOOM));
  }, [map, value]);

  return (
    <Box
      ref={container}
      className="dispatch-map"
      role="application"
      aria-label="Map: click where the site is"
      sx={{ height: 280, borderRadius: 1, border: 1, borderColor: 'divider', cursor: 'crosshair' }}
    />
  );
}
