import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCommune } from '@vigie/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBanGeocoder } from './ban.ts';
import { createOfflineGeocoder } from './offline.ts';
import { GeocoderUnavailable } from './types.ts';

const commune = loadCommune();

describe('the offline street-list geocoder', () => {
  const geocoder = createOfflineGeocoder(commune);

  it('finds a numbered address in the commune, however it is abbreviated', async () => {
    const [exact] = await geocoder.search('12 avenue du Général-Leclerc, 92340 Bourg-la-Reine');
    const [typed] = await geocoder.search('12 av du gal leclerc');
    expect(exact).toMatchObject({ label: '12 avenue du Général-Leclerc 92340 Bourg-la-Reine', score: 1, in_commune: true });
    expect(typed).toEqual(exact);
  });

  it('places house numbers along the street', async () => {
    const [low] = await geocoder.search('2 avenue du Général-Leclerc');
    const [high] = await geocoder.search('150 avenue du Général-Leclerc');
    expect(Math.hypot(low!.lat - high!.lat, low!.lng - high!.lng)).toBeGreaterThan(0.003);
  });

  it('flags an address of a neighbouring town as outside the commune', async () => {
    const [result] = await geocoder.search('3 rue Houdan, 92330 Sceaux');
    expect(result).toMatchObject({ label: '3 rue Houdan 92330 Sceaux', in_commune: false });
  });

  it('scores the street alone lower than a door, and finds nothing for an unknown street', async () => {
    const [street] = await geocoder.search('boulevard Carnot');
    expect(street!.score).toBeLessThan(1);
    expect(await geocoder.search('chemin des Oubliés')).toEqual([]);
  });

  it('honours the limit, best first', async () => {
    const results = await geocoder.search('rue de la Bièvre', { limit: 2 });
    expect(results).toHaveLength(2);
    expect(results[0]!.label).toContain('rue de la Bièvre');
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score);
  });
});

/** A local stand-in for api-adresse.data.gouv.fr/search/, answering its documented GeoJSON shape. */
describe('the Base Adresse Nationale geocoder', () => {
  let server: Server;
  let url: string;
  const requests: URL[] = [];
  let mode: 'ok' | 'slow' | 'error' | 'garbage' = 'ok';

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      requests.push(new URL(req.url!, 'http://fake'));
      if (mode === 'slow') return void setTimeout(() => res.end('{}'), 2000);
      if (mode === 'error') return void res.writeHead(502).end('bad gateway');
      res.writeHead(200, { 'content-type': 'application/json' });
      if (mode === 'garbage') return void res.end('{"type":"FeatureCollection","features":[{"nope":1}]}');
      res.end(
        JSON.stringify({
          type: 'FeatureCollection',
          version: 'draft',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [2.3178, 48.7795] },
              properties: { label: '12 Avenue du Général Leclerc 92340 Bourg-la-Reine', score: 0.9712345, housenumber: '12', type: 'housenumber', citycode: '92014', postcode: '92340', city: 'Bourg-la-Reine' },
            },
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [2.2903, 48.7771] },
              properties: { label: '12 Rue Houdan 92330 Sceaux', score: 0.51, type: 'housenumber', citycode: '92071', postcode: '92330', city: 'Sceaux' },
            },
          ],
          attribution: 'BAN',
          licence: 'ETALAB-2.0',
          query: '12 avenue du general leclerc',
          limit: 5,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks with q, limit and the commune centre, and maps features to results', async () => {
    mode = 'ok';
    const results = await createBanGeocoder(commune, { url, timeoutMs: 1000 }).search('12 avenue du general leclerc', { limit: 5 });
    const asked = requests.at(-1)!;
    expect(asked.pathname).toBe('/search/');
    expect(Object.fromEntries(asked.searchParams)).toEqual({ q: '12 avenue du general leclerc', limit: '5', lat: String(commune.centre.lat), lon: String(commune.centre.lng) });
    expect(results).toEqual([
      { label: '12 Avenue du Général Leclerc 92340 Bourg-la-Reine', lat: 48.7795, lng: 2.3178, score: 0.97, in_commune: true },
      { label: '12 Rue Houdan 92330 Sceaux', lat: 48.7771, lng: 2.2903, score: 0.51, in_commune: false },
    ]);
  });

  it.each(['slow', 'error', 'garbage'] as const)('reports the service unavailable when it is %s', async (m) => {
    mode = m;
    await expect(createBanGeocoder(commune, { url, timeoutMs: 300 }).search('12 avenue du general leclerc')).rejects.toBeInstanceOf(GeocoderUnavailable);
  });
});
