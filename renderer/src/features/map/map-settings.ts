import { useSyncExternalStore } from 'react';
import { OSM_ATTRIBUTION, OSM_TILE_URL } from './basemap';

/**
 * The basemap choice is per workstation, not per organisation: whether a desk may reach a tile
 * server depends on its network. Offline (the bundled Natural Earth shapes) is the default, so the
 * map never calls out unless someone at that desk asked for it.
 */
export interface MapSettings {
  onlineTiles: boolean;
  tileUrl: string;
  attribution: string;
}

const KEY = 'dispatch.map.settings';
export const defaultMapSettings: MapSettings = {
  onlineTiles: false,
  tileUrl: OSM_TILE_URL,
  attribution: OSM_ATTRIBUTION,
};

function read(): MapSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<MapSettings> | null;
    if (!stored || typeof stored !== 'object') return defaultMapSettings;
    return {
      onlineTiles: stored.onlineTiles === true,
      tileUrl: typeof stored.tileUrl === 'string' ? stored.tileUrl : defaultMapSettings.tileUrl,
      attribution: typeof stored.attribution === 'string' ? stored.attribution : defaultMapSettings.attribution,
    };
  } catch {
    // A hand-edited or corrupt entry must not break the map: fall back to offline.
    return defaultMapSettings;
  }
}

let current: MapSettings | null = null;
const listeners = new Set<() => void>();

function snapshot(): MapSettings {
  current ??= read();
  return current;
}

export function saveMapSettings(change: Partial<MapSettings>): void {
  current = { ...snapshot(), ...change };
  localStorage.setItem(KEY, JSON.stringify(current));
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useMapSettings(): MapSettings {
  return useSyncExternalStore(subscribe, snapshot);
}
