import { beforeAll, describe, expect, it } from 'vitest';
import type { GeocoderSettings } from '../../shared/domain/geocoder';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { startGeocoderTestServer, type GeocoderTestServer } from '../support/geocoder-test-server';
import { useTestEnvironment, valueOf } from '../support/test-runtime';

describe('finding a site from its address (geocoder)', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let geocoder: GeocoderTestServer;
  let admin: { cookie: string };
  let desk: { cookie: string };

  const use = async (change: Partial<GeocoderSettings>) =>
    valueOf(
      await f.server.call(
        'geocoder.saveSettings',
        { enabled: true, service: 'nominatim', url: geocoder.url, timeoutMs: 3000, ...change },
        admin,
      ),
    );
  const search = async (address: string) => valueOf(await f.server.call('geocoder.search', { address }, desk));

  beforeAll(async () => {
    f = await startApiFixture(env);
    geocoder = await startGeocoderTestServer(env);
    admin = { cookie: f.cookies.admin };
    desk = { cookie: f.cookies.support_desk };
  });

  it('is off until an admin sets one up, and then says so without calling out', async () => {
    expect(valueOf(await f.server.call('geocoder.settings', {}, desk))).toMatchObject({ enabled: false });
    const before = geocoder.requests.length;
    const result = await search('350 Fifth Avenue, New York');
    expect(result).toEqual({ candidates: [], failure: expect.stringContaining('No geocoder is set up') as string });
    expect(geocoder.requests.length).toBe(before);
  });

  it('asks Nominatim at /search with format jsonv2, names itself, and offers the places it found', async () => {
    geocoder.behaviour = 'answer';
    await use({ service: 'nominatim' });
    const result = await search('1 Gateway');
    expect(result.failure).toBeNull();
    expect(result.candidates).toEqual([
      {
        label: '1 Gateway Center, Newark, Essex County, New Jersey, 07102, United States',
        latitude: 40.7357,
        longitude: -74.1724,
      },
      {
        label: '1 Gateway Plaza, Los Angeles, California, 90012, United States',
        latitude: 34.0561,
        longitude: -118.2348,
      },
    ]);
    const request = geocoder.requests.at(-1);
    expect(request?.path).toBe('/search');
    expect(request?.query.get('format')).toBe('jsonv2');
    expect(request?.query.get('q')).toBe('1 Gateway');
    expect(request?.query.get('limit')).toBe('5');
    expect(request?.headers['user-agent']).toMatch(/^DispatchConsole\//);
  });

  it('reads Photon’s GeoJSON, longitude first, and builds a label from the address parts', async () => {
    await use({ service: 'photon', url: `${geocoder.url}/` });
    const result = await search('350 Fifth Avenue');
    expect(result).toEqual({
      candidates: [
        {
          label: 'Empire State Building, Fifth Avenue 350, 10118 New York, United States',
          latitude: 40.748441,
          longitude: -73.985664,
        },
      ],
      failure: null,
    });
    expect(geocoder.requests.at(-1)?.path).toBe('/api');
  });

  it('finds nothing without calling it a failure', async () => {
    await use({ service: 'nominatim' });
    expect(await search('Nowhere Street 99')).toEqual({ candidates: [], failure: null });
  });

  it('says in words when the geocoder fails, is slow or answers something else, and never errors', async () => {
    await use({ service: 'nominatim', timeoutMs: 500 });
    geocoder.behaviour = 'error';
    expect((await search('350 Fifth Avenue')).failure).toBe('The geocoder (Nominatim) answered 503.');
    geocoder.behaviour = 'nonsense';
    expect((await search('350 Fifth Avenue')).failure).toBe("The geocoder's answer was not a Nominatim answer.");
    geocoder.behaviour = 'hang';
    const started = performance.now();
    expect((await search('350 Fifth Avenue')).failure).toBe('The geocoder (Nominatim) did not answer within 0.5 s.');
    expect(performance.now() - started).toBeLessThan(3000);
    geocoder.behaviour = 'answer';
    await use({ url: 'http://127.0.0.1:9' });
    expect((await search('350 Fifth Avenue')).failure).toBe('The geocoder (Nominatim) could not be reached.');
  });

  it('is set by admins only; a refused or invalid setting changes nothing and is audited when saved', async () => {
    await use({ service: 'photon', url: geocoder.url, timeoutMs: 2500 });
    const saved = valueOf(await f.server.call('geocoder.settings', {}, admin));
    const refused = await f.server.call(
      'geocoder.saveSettings',
      { ...saved, enabled: false },
      { cookie: f.cookies.dispatcher },
    );
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const invalid = await f.server.call('geocoder.saveSettings', { ...saved, url: 'javascript:alert(1)' }, admin);
    expect(invalid.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['url'] }] } });
    expect(valueOf(await f.server.call('geocoder.settings', {}, admin))).toEqual(saved);
    const audit = valueOf(
      await f.server.call('audit.list', { filter: { entity: 'geocoder_settings' }, limit: 10 }, admin),
    );
    expect(audit.entries[0]).toMatchObject({ method: 'geocoder.saveSettings' });
  });
});
