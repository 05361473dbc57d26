import { useEffect, useState, type RefObject } from 'react';
import { createOfflineBasemap, createTileLayer } from './basemap';
import L from './leaflet';
import type { MapSettings } from './map-settings';

/**
 * Creates a Leaflet map in the div once it is mounted and removes it on unmount. The map is
 * returned as state so that effects which add layers run again once it exists.
 */
export function useLeafletMap(container: RefObject<HTMLDivElement | null>): L.Map | null {
  const [map, setMap] = useState<L.Map | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = L.map(element, {
      center: [20, 0],
      zoom: 2,
      minZoom: 2,
      maxZoom: 18,
      worldCopyJump: true,
      // Markers hide during the zoom animation and reappear in place, instead of each one being
      // animated: with thousands of them that is the difference between smooth and stuck.
      markerZoomAnimation: false,
    });
    createOfflineBasemap(created).addTo(created);
    // The map's box changes with the window and the side panel; Leaflet must be told.
    const resize = new ResizeObserver(() => created.invalidateSize());
    resize.observe(element);
    setMap(created);
    return () => {
      resize.disconnect();
      created.remove();
      setMap(null);
    };
  }, [container]);
  return map;
}

/** Online tiles above the offline basemap while the setting is on; reports tiles that fail to load. */
export function useTileLayer(map: L.Map | null, settings: MapSettings, onError: () => void): void {
  const { onlineTiles, tileUrl, attribution } = settings;
  useEffect(() => {
    if (!map || !onlineTiles) return;
    const layer = createTileLayer(tileUrl, attribution, onError).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, onlineTiles, tileUrl, attribution, onError]);
}
