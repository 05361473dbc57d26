import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../electron/security/app-protocol';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { pngBytes } from '../support/images';
import { writeMbtiles } from '../support/mbtiles';
import { rawRequest } from '../support/raw-http';
import { useTestEnvironment, valueOf } from '../support/test-runtime';

// A city extract in miniature: the world at zoom 0, a quarter of it at zoom 1 and one tile at 2.
const world = pngBytes(8, 8, 1);
const northWest = pngBytes(8, 8, 2);
const deeper = pngBytes(8, 8, 3);
const cityTiles = [
  { z: 0, x: 0, y: 0, data: world },
  { z: 1, x: 0, y: 0, data: northWest },
  { z: 2, x: 1, y: 2, data: deeper },
];
const cityMetadata = {
  name: 'Springfield streets',
  format: 'png',
  minzoom: '0',
  maxzoom: '2',
  bounds: '-10.5,-20,30,40.25',
  attribution: '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a>',
};

describe('the offline street map (an MBTiles file set by an admin)', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let dir: string;
  let admin: { cookie: string };
  let dispatcher: { cookie: string };

  const save = (file: string | null) => f.server.call('map.saveStreetFile', { file }, admin);
  const describeMap = async () => valueOf(await f.server.call('map.streetFile', {}, dispatcher));
  const getTile = (pathAndQuery: string, cookie: string | null = dispatcher.cookie, method = 'GET') =>
    fetch(`${f.server.url}${pathAndQuery}`, { method, headers: cookie ? { Cookie: cookie } : {} });
  const refusal = async (file: string) => {
    const reply = await save(file);
    expect(reply.status).toBe(400);
    if (reply.body.ok) throw new Error(`${file} was accepted`);
    expect(reply.body.error.code).toBe('invalid_input');
    expect(reply.body.error.issues?.map((i) => i.path)).toEqual([['file']]);
    return reply.body.error.message;
  };

  beforeAll(async () => {
    f = await startApiFixture(env);
    dir = env.tempDir();
    admin = { cookie: f.cookies.admin };
    dispatcher = { cookie: f.cookies.dispatcher };
  });

  it('has none until an admin sets one, and then answers tile requests with 404', async () => {
    expect(await describeMap()).toEqual({ file: null, tiles: null, problem: null });
    const response = await getTile('/tiles/0/0/0');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('No street file is set');
  });

  it('refuses what is not a readable MBTiles file of images, saying why at `file`', async () => {
    expect(await refusal(path.join(dir, 'missing.mbtiles'))).toContain('There is no such file');
    expect(await refusal(dir)).toContain('folder');
    const picture = path.join(dir, 'picture.mbtiles');
    fs.writeFileSync(picture, pngBytes());
    expect(await refusal(picture)).toContain('not an MBTiles file');
    const pmtiles = path.join(dir, 'city.pmtiles');
    fs.writeFileSync(pmtiles, Buffer.concat([Buffer.from('PMTiles'), Buffer.from([3]), Buffer.alloc(120)]));
    expect(await refusal(pmtiles)).toContain('PMTiles');
    const otherDatabase = path.join(dir, 'other.sqlite');
    new SqliteDatabase(otherDatabase).exec('create table notes (text text)');
    expect(await refusal(otherDatabase)).toContain('not an MBTiles file');
    const vector = path.join(dir, 'vector.mbtiles');
    writeMbtiles(vector, { format: 'pbf' }, [{ z: 0, x: 0, y: 0, data: Buffer.from([0x1a, 0x00]) }]);
    expect(await refusal(vector)).toContain('vector tiles');
    const empty = path.join(dir, 'empty.mbtiles');
    writeMbtiles(empty, { format: 'png' }, []);
    expect(await refusal(empty)).toContain('no tiles');
    expect(await describeMap()).toMatchObject({ file: null });
  });

  it('describes a good file to the map: its tile address, format, zooms, bounds and attribution as text', async () => {
    const file = path.join(dir, 'city.mbtiles');
    writeMbtiles(file, cityMetadata, cityTiles);
    const saved = valueOf(await save(file));
    expect(saved).toEqual({
      file,
      problem: null,
      tiles: {
        url: expect.stringMatching(/^\/tiles\/\{z\}\/\{x\}\/\{y\}\?v=[0-9a-f]{16}$/) as string,
        format: 'png',
        minZoom: 0,
        maxZoom: 2,
        bounds: [-10.5, -20, 30, 40.25],
        attribution: '© OpenStreetMap contributors',
      },
    });
    expect(await describeMap()).toEqual(saved);
  });

  it('serves each tile with its own bytes as image/png, y counted from the north as Leaflet asks', async () => {
    const { tiles } = await describeMap();
    const version = new URL(tiles?.url ?? '', 'http://x').searchParams.get('v');
    for (const t of cityTiles) {
      const response = await getTile(`/tiles/${t.z}/${t.x}/${t.y}?v=${version}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // The address changes with the file, so a tile at the current address never goes stale.
      expect(response.headers.get('cache-control')).toBe('private, max-age=604800, immutable');
      expect(Buffer.from(await response.arrayBuffer()).equals(t.data)).toBe(true);
    }
    const unversioned = await getTile('/tiles/0/0/0');
    expect(unversioned.status).toBe(200);
    expect(unversioned.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('answers 204 with no body where the file has no tile', async () => {
    const response = await getTile('/tiles/2/3/3');
    expect(response.status).toBe(204);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ['x beyond the zoom level', '/tiles/1/2/0'],
    ['y beyond the zoom level', '/tiles/2/0/4'],
    ['a zoom level past 24', '/tiles/25/0/0'],
    ['a negative column', '/tiles/1/-1/0'],
    ['a file extension', '/tiles/0/0/0.png'],
    ['a fraction', '/tiles/1/0.5/0'],
    ['a missing coordinate', '/tiles/1/0'],
    ['a name instead of a number', '/tiles/0/0/passwd'],
    ['an encoded path', '/tiles/0/0/..%2F..%2Fetc%2Fpasswd'],
  ])('refuses %s with 400', async (_name, target) => {
    const response = await getTile(target);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('/tiles/{z}/{x}/{y}');
  });

  it('serves tiles only to a logged-in user, by a name the server answers to, and only GET or HEAD', async () => {
    expect((await getTile('/tiles/0/0/0', null)).status).toBe(401);
    const rebound = await rawRequest(f.server.url, {
      path: '/tiles/0/0/0',
      headers: { Host: 'attacker.example', Cookie: dispatcher.cookie },
    });
    expect(rebound.status).toBe(403);
    const post = await getTile('/tiles/0/0/0', dispatcher.cookie, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await getTile('/tiles/0/0/0', dispatcher.cookie, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/png');
  });

  it('is served the same way to the desktop window at app://dispatch/tiles/…, and only there', async () => {
    const tiles = (pathname: string, version: string | null) => f.server.runtime.core.streetTile(pathname, version);
    const ask = (url: string) => appProtocolResponse(new Request(url), env.tempDir(), tiles);
    const tile = await ask('app://dispatch/tiles/1/0/0');
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/png');
    expect(tile.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(Buffer.from(await tile.arrayBuffer()).equals(northWest)).toBe(true);
    expect((await ask('app://dispatch/tiles/1/2/0')).status).toBe(400);
    expect((await ask('app://dispatch/tiles/2/3/3')).status).toBe(204);
    // Another origin is not the app's, whatever its path.
    expect((await ask('app://elsewhere/tiles/1/0/0')).status).toBe(404);
  });

  it('says the file is gone when it was removed after it was set, and serves again once it is back', async () => {
    const file = path.join(dir, 'city.mbtiles');
    const before = await describeMap();
    fs.renameSync(file, `${file}.away`);
    expect(await describeMap()).toEqual({
      file,
      tiles: null,
      problem: expect.stringContaining('cannot be found') as string,
    });
    const missing = await getTile('/tiles/0/0/0');
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('cannot be found');

    // A new extract in its place: new tiles, and a new address so no browser keeps the old ones.
    const renewed = pngBytes(8, 8, 9);
    writeMbtiles(file, cityMetadata, [{ z: 0, x: 0, y: 0, data: renewed }]);
    const after = await describeMap();
    expect(after.problem).toBeNull();
    expect(after.tiles?.url).not.toBe(before.tiles?.url);
    const response = await getTile('/tiles/0/0/0');
    expect(Buffer.from(await response.arrayBuffer()).equals(renewed)).toBe(true);
  });

  it('takes the street file away again with null', async () => {
    expect(valueOf(await save(null))).toEqual({ file: null, tiles: null, problem: null });
    expect((await getTile('/tiles/0/0/0')).status).toBe(404);
  });
});
