import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geocodeAddress } from '../../geocoding/index.ts';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

// A local stand-in for the BAN's /search/ (documented GeoJSON answer); `slow` never answers in time.
let fake: Server;
let slow = false;
let t: TestServer;
let townhall: Client;

beforeAll(async () => {
  fake = createServer((req, res) => {
    if (slow) return void setTimeout(() => res.end('{}'), 1500);
    const q = new URL(req.url!, 'http://fake').searchParams.get('q');
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [2.3178, 48.7795] }, properties: { label: `${q} 92340 Bourg-la-Reine`, score: 0.88, type: 'housenumber' } }],
      }),
    );
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/search/`;
  t = await startTestServer({ GEOCODER: 'ban', GEOCODER_URL: url, GEOCODER_TIMEOUT_MS: '300' });
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
});
afterAll(async () => {
  await t?.stop();
  await new Promise<void>((resolve) => fake.close(() => resolve()));
});

describe('GET /api/geocode', () => {
  it('answers the configured geocoder’s candidates with their score and whether they are in the commune', async () => {
    slow = false;
    const res = await townhall.json('GET', `/api/geocode?q=${encodeURIComponent('12 avenue du Général-Leclerc')}&limit=3`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ results: [{ label: '12 avenue du Général-Leclerc 92340 Bourg-la-Reine', lat: 48.7795, lng: 2.3178, score: 0.88, in_commune: true }] });
  });

  it('answers 503 in French when the address service does not answer in time', async () => {
    slow = true;
    const res = await townhall.json<{ message: string }>('GET', '/api/geocode?q=12%20rue%20Ravon');
    expect(res.status).toBe(503);
    expect(res.body.message).toMatch(/service d’adresses/);
    slow = false;
  });

  it.each([
    ['a query too short', '?q=ab', 'q'],
    ['a query starting with punctuation', '?q=%3B%3Bdrop', 'q'],
    ['no query', '', 'q'],
    ['a limit over 10', '?q=rue%20Ravon&limit=50', 'limit'],
  ])('refuses %s with a 400 naming the field', async (_, query, field) => {
    const res = await townhall.json<{ errors: Record<string, string> }>('GET', `/api/geocode${query}`);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toContain(field);
  });
});

describe('geocodeAddress', () => {
  it('gives a registration its point, score, sector and out-of-area flag (offline street list)', async () => {
    const sector = await createSector(t.sql, 'Secteur géocodage');
    const deps = { env: { ...t.running.deps.env, GEOCODER: 'offline' as const }, commune: t.running.deps.commune, sql: t.sql };
    const inside = await geocodeAddress(deps, '12 avenue du Général-Leclerc, 92340 Bourg-la-Reine');
    expect(inside).toMatchObject({ geocode_score: 1, out_of_area: false, neighbourhood_id: sector });
    const outside = await geocodeAddress(deps, '3 rue Houdan, 92330 Sceaux');
    expect(outside).toMatchObject({ out_of_area: true, neighbourhood_id: null });
    expect(await geocodeAddress(deps, 'chemin des Oubliés')).toBeNull();
  });

  it('gives no point rather than an error when the service is down', async () => {
    slow = true;
    expect(await geocodeAddress(t.running.deps, '12 rue Ravon')).toBeNull();
    slow = false;
  });
});
