// Real MBTiles files made in the test (a SQLite database with the spec's two tables), so the
// street map is checked against the format tile tools write, not a stand-in.
import SqliteDatabase from 'better-sqlite3';

export interface MbtilesTile {
  z: number;
  x: number;
  /** In the XYZ scheme the map uses (from the north); stored as MBTiles does, from the south. */
  y: number;
  data: Buffer;
}

/** Writes an MBTiles file with the given metadata rows and tiles. */
export function writeMbtiles(file: string, metadata: Record<string, string>, tiles: readonly MbtilesTile[]): void {
  const db = new SqliteDatabase(file);
  try {
    db.exec(`
      create table metadata (name text, value text);
      create table tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);
      create unique index tile_index on tiles (zoom_level, tile_column, tile_row);
    `);
    const meta = db.prepare('insert into metadata (name, value) values (?, ?)');
    for (const [name, value] of Object.entries(metadata)) meta.run(name, value);
    const tile = db.prepare('insert into tiles values (?, ?, ?, ?)');
    for (const t of tiles) tile.run(t.z, t.x, 2 ** t.z - 1 - t.y, t.data);
  } finally {
    db.close();
  }
}
