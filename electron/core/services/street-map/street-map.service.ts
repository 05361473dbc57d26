import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { StreetMapDto, StreetTileFormat } from '../../../../shared/domain/street-map';
import { STREET_TILE_PATH } from '../../../../shared/domain/street-map';
import { streetMapSettings } from '../../../../shared/domain/street-map.schema';
import type { Tx } from '../../db/transaction';
import { getJsonSetting } from '../../repositories/sla-config.repository';
import { MAX_TILE_ZOOM, openMbtiles, type MbtilesFile } from './mbtiles-file';

export const STREET_MAP_SETTINGS_KEY = 'map.streetFile';

export interface StreetMapSettings {
  file: string | null;
}

/** The street file an admin chose, or none. */
export async function loadStreetMapSettings(db: Tx): Promise<StreetMapSettings> {
  return (await getJsonSetting(db, STREET_MAP_SETTINGS_KEY, streetMapSettings)) ?? { file: null };
}

type Current = { ok: true; version: string; mbtiles: MbtilesFile } | { ok: false; problem: string };

// One open handle per file and process: opening reads the metadata and scans the zoom range, far
// too slow to do for every tile. A file replaced on disk (another size, time or inode) is opened
// again; one that is gone is closed, so an unplugged share frees its handle.
const opened = new Map<string, { stamp: string; current: Current }>();

function forget(file: string): void {
  const entry = opened.get(file);
  if (entry?.current.ok) entry.current.mbtiles.close();
  opened.delete(file);
}

/** The street file as it is on disk now, opened, or why it cannot be read. */
async function currentFile(file: string): Promise<Current> {
  let stamp: string;
  try {
    const stat = await fsp.stat(file);
    stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    forget(file);
    return { ok: false, problem: 'The street file cannot be found now (was it moved, or is the share not mounted?).' };
  }
  const cached = opened.get(file);
  if (cached?.stamp === stamp) return cached.current;
  forget(file);
  const result = openMbtiles(file);
  const current: Current = result.ok
    ? {
        ok: true,
        mbtiles: result.file,
        version: createHash('sha256').update(`${file}\0${stamp}`).digest('hex').slice(0, 16),
      }
    : { ok: false, problem: result.problem };
  opened.set(file, { stamp, current });
  return current;
}

/** What the map needs to know about the organisation's street file (see StreetMapDto). */
export async function describeStreetMap(db: Tx): Promise<StreetMapDto> {
  const { file } = await loadStreetMapSettings(db);
  if (!file) return { file: null, tiles: null, problem: null };
  const current = await currentFile(file);
  if (!current.ok) return { file, tiles: null, problem: current.problem };
  return {
    file,
    tiles: { url: `${STREET_TILE_PATH}{z}/{x}/{y}?v=${current.version}`, ...current.mbtiles.info },
    problem: null,
  };
}

/** A transport-neutral HTTP answer: both shells turn it into their own response. */
export interface TileAnswer {
  status: 200 | 204 | 400 | 404 | 503;
  headers: Record<string, string>;
  body: Buffer | null;
}

const CONTENT_TYPES: Readonly<Record<StreetTileFormat, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

// z/x/y as plain decimal numbers, nothing else: no name, extension or path from the request is
// ever used to find a file, only to choose a row of the one file an admin set.
const TILE_PATH = /^\/tiles\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})$/;

function textAnswer(status: TileAnswer['status'], text: string): TileAnswer {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: Buffer.from(`${text}\n`),
  };
}

/** The tile a request path asks for, if it names one that can exist (x and y below 2^z). */
export function parseTilePath(pathname: string): { z: number; x: number; y: number } | null {
  const match = TILE_PATH.exec(pathname);
  if (!match) return null;
  const [z, x, y] = match.slice(1).map(Number) as [number, number, number];
  if (z > MAX_TILE_ZOOM || x >= 2 ** z || y >= 2 ** z) return null;
  return { z, x, y };
}

/**
 * The answer to GET /tiles/{z}/{x}/{y}?v=version: the tile from the street file, 204 where the
 * file has none, or a refusal in words. A tile asked for with the file's current version may be
 * kept by the browser for a week, since a new file gives new addresses; any other is revalidated.
 */
export async function streetTileAnswer(db: Tx, pathname: string, version: string | null): Promise<TileAnswer> {
  const at = parseTilePath(pathname);
  if (!at)
    return textAnswer(
      400,
      `Ask for a tile as ${STREET_TILE_PATH}{z}/{x}/{y}, z up to ${MAX_TILE_ZOOM}, x and y below 2^z.`,
    );
  const { file } = await loadStreetMapSettings(db);
  if (!file) return textAnswer(404, 'No street file is set (an admin sets one under Admin › Map).');
  const current = await currentFile(file);
  if (!current.ok) return textAnswer(503, current.problem);
  const cache = version === current.version ? 'private, max-age=604800, immutable' : 'private, no-cache';
  const tile = current.mbtiles.tile(at.z, at.x, at.y);
  if (!tile) return { status: 204, headers: { 'Cache-Control': cache }, body: null };
  return {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[current.mbtiles.info.format],
      'Cache-Control': cache,
      ETag: `"${current.version}-${at.z}-${at.x}-${at.y}"`,
    },
    body: tile,
  };
}
