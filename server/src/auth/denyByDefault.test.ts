import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { client, startTestServer, type TestServer } from '../test/harness.ts';
import { isPublicRoute, PUBLIC_ROUTES } from './publicRoutes.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

/** Every (method, path) the app can answer: Hono's route table and the OpenAPI document, parameters filled in. */
async function everyRoute() {
  const app = createApp(t.running.deps, { adminDist: null });
  const fromHono = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api')).map((r) => ({ method: r.method, path: r.path }));
  const doc = (await (await fetch(`${t.base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, ':param') })),
  );
  const concrete = (path: string) => path.replace(/:[^/]+/g, '1').replace(/\*$/, 'anything');
  const seen = new Map<string, { method: string; path: string; template: string }>();
  for (const r of [...fromHono, ...fromDoc]) seen.set(`${r.method} ${concrete(r.path)}`, { method: r.method, path: concrete(r.path), template: r.path });
  return [...seen.values()];
}

describe('deny by default', () => {
  it('answers 401 anonymously on every API route not on the public list', async () => {
    const routes = await everyRoute();
    const privateRoutes = routes.filter((r) => !isPublicRoute(r.method, r.path));
    expect(privateRoutes.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const route of privateRoutes) {
      const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) ? {} : undefined;
      const res = await client(t.base).request(route.method, route.path, body === undefined ? {} : { body });
      if (res.status !== 401) wrong.push(`${route.method} ${route.template} → ${res.status}`);
      await res.body?.cancel();
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 for an API path nobody registered, so a forgotten route cannot leak', async () => {
    expect((await client(t.base).json('GET', '/api/something_new')).status).toBe(401);
    expect((await client(t.base).json('DELETE', '/api/staff/1')).status).toBe(401);
  });

  it('lists only public routes that exist, and keeps them reachable without a session', async () => {
    const routes = await everyRoute();
    for (const entry of PUBLIC_ROUTES) {
      expect(routes.some((r) => isPublicRoute(r.method, r.path) && (entry.method === '*' || entry.method === r.method)), entry.path).toBe(true);
    }
    expect((await client(t.base).json('GET', '/api/health')).status).toBe(200);
    expect((await client(t.base).json('GET', '/api/config')).status).toBe(200);
    expect((await client(t.base).request('GET', '/api/openapi.json')).status).toBe(200);
    expect((await client(t.base).request('POST', '/api/auth/logout')).status).toBe(204);
  });
});
