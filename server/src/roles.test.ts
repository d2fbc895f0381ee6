import { canAccess, ROLES, type Action, type Resource, type Role } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from './test/harness.ts';

/** Every authenticated route, with the capability it needs. A new route must be added here. */
const ROUTES: Array<{ method: string; path: string; resource: Resource; action: Action; body?: unknown }> = [
  { method: 'GET', path: '/api/reports', resource: 'reports', action: 'list' },
  { method: 'GET', path: '/api/reports/1', resource: 'reports', action: 'show' },
  { method: 'POST', path: '/api/reports', resource: 'reports', action: 'create', body: { category: 'other', description: 'Test', lat: 48.78, lng: 2.316 } },
  { method: 'PUT', path: '/api/reports/1', resource: 'reports', action: 'edit', body: { priority: 'high' } },
  { method: 'GET', path: '/api/reports/points', resource: 'reports', action: 'list' },
  { method: 'GET', path: '/api/officers', resource: 'officers', action: 'list' },
  { method: 'GET', path: '/api/officers/1', resource: 'officers', action: 'show' },
  { method: 'GET', path: '/api/reports/1/duplicates', resource: 'reports', action: 'show' },
  { method: 'POST', path: '/api/reports/1/link', resource: 'reports', action: 'edit', body: { ids: [1] } },
  { method: 'POST', path: '/api/reports/1/unlink', resource: 'reports', action: 'edit' },
  { method: 'GET', path: '/api/response_templates', resource: 'response_templates', action: 'list' },
  { method: 'GET', path: '/api/response_templates/1', resource: 'response_templates', action: 'show' },
  { method: 'POST', path: '/api/response_templates', resource: 'response_templates', action: 'create', body: { status: 'resolved', title: '' , body: '' } },
  { method: 'PUT', path: '/api/response_templates/1', resource: 'response_templates', action: 'edit', body: { status: 'resolved', title: 'Terminé', body: 'Merci.' } },
  { method: 'GET', path: '/api/report_events', resource: 'report_events', action: 'list' },
  { method: 'GET', path: '/api/report_events/1', resource: 'report_events', action: 'show' },
  { method: 'GET', path: '/api/neighbourhoods', resource: 'neighbourhoods', action: 'list' },
  { method: 'GET', path: '/api/neighbourhoods/1', resource: 'neighbourhoods', action: 'show' },
  { method: 'GET', path: '/api/staff', resource: 'staff', action: 'list' },
  { method: 'GET', path: '/api/staff/1', resource: 'staff', action: 'show' },
  { method: 'POST', path: '/api/staff', resource: 'staff', action: 'create', body: { email: 'x@y.fr', full_name: 'X', role: 'officer', password: 'short' } },
  { method: 'PUT', path: '/api/staff/1', resource: 'staff', action: 'edit', body: { full_name: 'Renamed' } },
  { method: 'GET', path: '/api/audit_log', resource: 'audit_log', action: 'list' },
  { method: 'GET', path: '/api/audit_log/1', resource: 'audit_log', action: 'show' },
  { method: 'GET', path: '/api/partners', resource: 'partners', action: 'list' },
  { method: 'GET', path: '/api/partners/roles-test', resource: 'partners', action: 'show' },
  { method: 'POST', path: '/api/partners', resource: 'partners', action: 'create', body: { id: 'roles-test', name: 'Rôles' } },
  { method: 'PUT', path: '/api/partners/roles-test', resource: 'partners', action: 'edit', body: { rate_per_minute: 60 } },
  { method: 'POST', path: '/api/partners/roles-test/rotate', resource: 'partners', action: 'edit', body: { overlap_hours: 1 } },
  { method: 'GET', path: '/api/stats', resource: 'stats', action: 'list' },
  { method: 'GET', path: '/api/stats/bilan.pdf?month=2026-11', resource: 'stats', action: 'export' },
  { method: 'GET', path: '/api/reports/export.csv', resource: 'reports', action: 'export' },
  { method: 'GET', path: '/api/audit_log/export.csv', resource: 'audit_log', action: 'export' },
];

let t: TestServer;
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  for (const role of ROLES) clients[role] = await signIn(t.base, (await createStaff(t.sql, role)).email);
  await clients.officer.json('POST', '/api/reports', { category: 'other', description: 'Seed', lat: 48.78, lng: 2.316 });
});
afterAll(async () => {
  await t?.stop();
});

describe.each(ROUTES)('$method $path', (route) => {
  it('answers 401 without a session', async () => {
    const res = await client(t.base).request(route.method, route.path, route.body ? { body: route.body } : {});
    expect(res.status).toBe(401);
  });

  it.each(ROLES)('enforces the matrix for %s', async (role) => {
    const res = await clients[role].request(route.method, route.path, route.body ? { body: route.body } : {});
    if (canAccess(role, { resource: route.resource, action: route.action })) {
      expect([200, 201, 400, 404, 409], `${role} ${route.method} ${route.path}`).toContain(res.status);
    } else {
      expect(res.status, `${role} ${route.method} ${route.path}`).toBe(403);
    }
  });
});

it('keeps triage notes away from town-hall staff', async () => {
  const res = await clients.townhall.json('GET', `/api/report_events?filter=${encodeURIComponent('{"report_id":1}')}`);
  expect(res.status).toBe(403);
});
