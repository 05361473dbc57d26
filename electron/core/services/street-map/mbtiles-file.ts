import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { streetTileFormats, type StreetTileFormat } from '../../../../shared/domain/street-map';

/** What an MBTiles file says about itself, read once when it is opened. */
export interface MbtilesInfo {
  format: StreetTileFormat;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number] | null;
  attribution: string;
}

/** An open MBTiles file, read-only. */
export interface MbtilesFile {
  info: MbtilesInfo;
  /** The tile at z/x/y in the usual XYZ scheme (y down from the north), or null when the file has none there. */
  tile(z: number, x: number, y: number): Buffer | null;
  close(): void;
}

export type OpenedMbtiles = { ok: true; file: MbtilesFile } | { ok: false; problem: string };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const PMTILES_MAGIC = Buffer.from('PMTiles', 'latin1');
/** Zoom levels a tile file may claim: 0 (the world in one tile) to 24 (a few centimetres a pixel). */
export const MAX_TILE_ZOOM = 24;

const failed = (problem: string): OpenedMbtiles => ({ ok: false, problem });

function firstBytes(file: string, count: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(count);
    const read = fs.readSync(fd, bytes, 0, count, 0);
    return bytes.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Why `file` cannot be the street file (not absolute, missing, a folder, unreadable), or null. */
export function fileProblem(file: string): string | null {
  if (!path.isAbsolute(file)) return `Give the full path of the file (such as ${exampleFile()}).`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'There is no such file (is the share mounted on the machine that runs the console?).';
  }
  if (!stat.isFile()) return 'This is a folder, not a file.';
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    return 'The console may not read this file.';
  }
  return null;
}

export function exampleFile(): string {
  return process.platform === 'win32' ? 'S:\\Maps\\city.mbtiles' : '/srv/maps/city.mbtiles';
}

function metadataOf(db: SqliteDatabase.Database): Map<string, string> {
  const rows = db.prepare('select name, value from metadata').all() as { name: unknown; value: unknown }[];
  return new Map(rows.filter((r) => typeof r.name === 'string').map((r) => [r.name as string, String(r.value)]));
}

function zoomOf(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value >= 0 && value <= MAX_TILE_ZOOM ? value : fallback;
}

function boundsOf(text: string | undefined): [number, number, number, number] | null {
  const parts = (text ?? '').split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return null;
  const [west, south, east, north] = parts as [number, number, number, number];
  const sane = west >= -180 && east <= 180 && west < east && south >= -90 && north <= 90 && south < north;
  return sane ? [west, south, east, north] : null;
}

/** The format from the metadata, else from the first tile's bytes (older files leave it out). */
function formatOf(stated: string | undefined, sample: Buffer | undefined): StreetTileFormat | 'vector' | null {
  const named = stated?.trim().toLowerCase();
  if (named === 'jpeg') return 'jpg';
  if (named === 'pbf' || named === 'mvt') return 'vector';
  if (named && (streetTileFormats as readonly string[]).includes(named)) return named as StreetTileFormat;
  if (!sample) return null;
  if (sample.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'png';
  if (sample.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'jpg';
  if (sample.subarray(0, 4).toString('latin1') === 'RIFF' && sample.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'webp';
  }
  return null;
}

function readInfo(
  db: SqliteDatabase.Database,
  fileName: string,
): { ok: true; info: MbtilesInfo } | { ok: false; problem: string } {
  const names = new Set(
    (db.prepare(`select name from sqlite_master where type in ('table', 'view')`).all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  if (!names.has('tiles') || !names.has('metadata')) {
    return {
      ok: false,
      problem: 'The file is a SQLite database, but not an MBTiles file (it has no tiles and metadata).',
    };
  }
  const metadata = metadataOf(db);
  const sample = db.prepare('select tile_data from tiles limit 1').get() as { tile_data: Buffer } | undefined;
  if (!sample) return { ok: false, problem: 'The MBTiles file holds no tiles.' };
  const format = formatOf(metadata.get('format'), sample.tile_data);
  if (format === 'vector') {
    return {
      ok: false,
      problem:
        'The MBTiles file holds vector tiles; the console draws raster tiles (PNG, JPEG or WebP). See the admin guide for how to make one.',
    };
  }
  if (!format) return { ok: false, problem: 'The tiles in this MBTiles file are not PNG, JPEG or WebP images.' };
  const range = db.prepare('select min(zoom_level) as min, max(zoom_level) as max from tiles').get() as {
    min: number;
    max: number;
  };
  const minZoom = zoomOf(metadata.get('minzoom'), range.min);
  const maxZoom = zoomOf(metadata.get('maxzoom'), range.max);
  const attribution = metadata.get('attribution')?.trim() || metadata.get('name')?.trim() || fileName;
  return {
    ok: true,
    info: {
      format,
      minZoom: Math.min(minZoom, maxZoom),
      maxZoom: Math.max(minZoom, maxZoom),
      bounds: boundsOf(metadata.get('bounds')),
      // Metadata may carry HTML links; the map shows text, so tags are dropped rather than shown.
      attribution: attribution.replace(/<[^>]*>/g, '').slice(0, 300),
    },
  };
}

/**
 * Opens `file` read-only as an MBTiles file of raster tiles, or says in words why it is not one.
 * The file is never written: a street file on a read-only share works as well as a local one.
 */
export function openMbtiles(file: string): OpenedMbtiles {
  const problem = fileProblem(file);
  if (problem) return failed(problem);
  let head: Buffer;
  try {
    head = firstBytes(file, SQLITE_MAGIC.length);
  } catch {
    return failed('The console may not read this file.');
  }
  if (head.subarray(0, PMTILES_MAGIC.length).equals(PMTILES_MAGIC)) {
    return failed(
      'This is a PMTiles file; the console reads MBTiles. Convert it, or make an MBTiles file as the admin guide says.',
    );
  }
  if (!head.equals(SQLITE_MAGIC)) return failed('This is not an MBTiles file (an MBTiles file is a SQLite database).');
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return failed(`The file cannot be opened (${(error as Error).message}).`);
  }
  try {
    const read = readInfo(db, path.basename(file));
    if (!read.ok) {
      db.close();
      return read;
    }
    const select = db.prepare<[number, number, number], { tile_data: Buffer }>(
      'select tile_data from tiles where zoom_level = ? and tile_column = ? and tile_row = ?',
    );
    return {
      ok: true,
      file: {
        info: read.info,
        // MBTiles numbers rows from the south (TMS); Leaflet and everyone else from the north.
        tile: (z, x, y) => select.get(z, x, 2 ** z - 1 - y)?.tile_data ?? null,
        close: () => db.close(),
      },
    };
  } catch (error) {
    db.close();
    // SQLite reports a damaged or foreign file on the first read ("file is not a database").
    return failed(`The file is not a readable MBTiles file (${(error as Error).message}).`);
  }
}
