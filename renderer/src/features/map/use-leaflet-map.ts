import { useEffect, useState, type RefObject } from 'react';
import { useApiQuery } from '../../transport/queries';
import { createOfflineBasemap, createStreetLayer, createTileLayer, isTileUrl } from './basemap';
import L from './leaflet';
import { useMapSettings, type BasemapKind } from './map-settings';

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

/** What the map shows beneath its markers, and why not what this workstation chose. */
export interface BasemapState {
  chosen: BasemapKind;
  /** Why the chosen tiles are not shown (or stopped loading); the Natural Earth shapes are shown instead. */
  problem: string | null;
}

/**
 * Tiles above the offline shapes, as this workstation chose: the organisation's street file or
 * online tiles. Where they do not load, the shapes beneath still show.
 */
export function useBasemapLayer(map: L.Map | null): BasemapState {
  const { basemap, tileUrl, attribution } = useMapSettings();
  const street = useApiQuery('map.streetFile', {}, { enabled: basemap === 'street' });
  const streetTiles = basemap === 'street' ? (street.data?.tiles ?? null) : null;
  const onlineOn = basemap === 'online' && isTileUrl(tileUrl);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setFailed(false);
    if (!map) return;
    const onError = () => setFailed(true);
    const layer = streetTiles
      ? createStreetLayer(streetTiles, onError)
      : onlineOn
        ? createTileLayer(tileUrl, attribution, onError)
        : null;
    layer?.addTo(map);
    return () => {
      layer?.remove();
    };
  }, [map, streetTiles, onlineOn, tileUrl, attribution]);

  // A tile the file lacks (204) fails like a tile from a file that has gone: ask the console once
  // which it is, and show only a real problem.
  const { refetch } = street;
  useEffect(() => {
    if (failed && basemap === 'street') void refetch();
  }, [failed, basemap, refetch]);

  if (basemap === 'street') {
    const why =
      street.error?.message ??
      (street.data && !street.data.file ? 'No street file is set (an admin sets one under Settings).' : null) ??
      street.data?.problem ??
      null;
    return { chosen: basemap, problem: why };
  }
  if (onlineOn && failed) {
    return { chosen: basemap, problem: 'Online tiles did not load (no connection, or the address is wrong).' };
  }
  return { chosen: basemap, problem: null };
}
