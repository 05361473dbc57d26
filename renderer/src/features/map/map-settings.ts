import { useSyncExternalStore } from 'react';
import { OSM_ATTRIBUTION, OSM_TILE_URL } from './basemap';

/**
 * What the map draws beneath its markers: the bundled Natural Earth shapes, the organisation's
 * street file served by the console (no network beyond the console), or online tiles.
 */
export const basemapKinds = ['shapes', 'street', 'online'] as const;
export type BasemapKind = (typeof basemapKinds)[number];

/**
 * The basemap choice is per workstation, not per organisation: whether a desk may reach a tile
 * server depends on its network. The shapes are the default, so the map never calls out unless
 * someone at that desk asked for it.
 */
export interface MapSettings {
  basemap: BasemapKind;
  tileUrl: string;
  attribution: string;
}

const KEY = 'dispatch.map.settings';
export const defaultMapSettings: MapSettings = {
  basemap: 'shapes',
  tileUrl: OSM_TILE_URL,
  attribution: OSM_ATTRIBUTION,
};

type Stored = Partial<MapSettings> & { onlineTiles?: unknown };

function basemapOf(stored: Stored): BasemapKind {
  if ((basemapKinds as readonly unknown[]).includes(stored.basemap)) return stored.basemap as BasemapKind;
  // Saved before the street file existed, as a switch: keep what that desk chose.
  return stored.onlineTiles === true ? 'online' : 'shapes';
}

function read(): MapSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    if (!stored || typeof stored !== 'object') return defaultMapSettings;
    return {
      basemap: basemapOf(stored),
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
