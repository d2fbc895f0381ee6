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
  { method: 'GET', path: '/api/audit_log/authors', resource: 'audit_log', action: 'list' },
  { method: 'GET', path: '/api/partners', resource: 'partners', action: 'list' },
  { method: 'GET', path: '/api/partners/roles-test', resource: 'partners', action: 'show' },
  { method: 'POST', path: '/api/partners', resource: 'partners', action: 'create', body: { id: 'roles-test', name: 'Rôles' } },
  { method: 'PUT', path: '/api/partners/roles-test', resource: 'partners', action: 'edit', body: { rate_per_minute: 60 } },
  { method: 'POST', path: '/api/partners/roles-test/rotate', resource: 'partners', action: 'edit', body: { overlap_hours: 1 } },
  { method: 'GET', path: '/api/members', resource: 'members', action: 'list' },
  { method: 'GET', path: '/api/members/1', resource: 'members', action: 'show' },
  { method: 'POST', path: '/api/members', resource: 'members', action: 'create', body: { kind: 'self', full_name: '' } },
  { method: 'PUT', path: '/api/members/1', resource: 'members', action: 'edit', body: { full_name: 'Renommé' } },
  { method: 'POST', path: '/api/members/approve', resource: 'members', action: 'approve', body: { ids: [1] } },
  { method: 'POST', path: '/api/members/1/approve', resource: 'members', action: 'approve' },
  { method: 'POST', path: '/api/members/1/reject', resource: 'members', action: 'approve', body: { reason: 'duplicate' } },
  { method: 'POST', path: '/api/members/1/suspend', resource: 'members', action: 'edit', body: { reason: 'abuse' } },
  { method: 'POST', path: '/api/members/1/reinstate', resource: 'members', action: 'edit' },
  { method: 'POST', path: '/api/members/1/ban', resource: 'members', action: 'edit', body: { reason: 'abuse' } },
  { method: 'POST', path: '/api/members/1/erase', resource: 'members', action: 'edit' },
  { method: 'GET', path: '/api/members/1/export', resource: 'members', action: 'export' },
  { method: 'GET', path: '/api/relatives', resource: 'relatives', action: 'list' },
  { method: 'GET', path: '/api/relatives/1', resource: 'relatives', action: 'show' },
  { method: 'POST', path: '/api/relatives', resource: 'relatives', action: 'create', body: { member_id: 1, full_name: '' } },
  { method: 'PUT', path: '/api/relatives/1', resource: 'relatives', action: 'edit', body: { relation: 'fils' } },
  { method: 'GET', path: '/api/member_events', resource: 'member_events', action: 'list' },
  { method: 'GET', path: '/api/member_events/1', resource: 'member_events', action: 'show' },
  { method: 'GET', path: '/api/outbox_messages', resource: 'outbox_messages', action: 'list' },
  { method: 'GET', path: '/api/outbox_messages/1', resource: 'outbox_messages', action: 'show' },
  { method: 'GET', path: '/api/geocode?q=rue%20Ravon', resource: 'geocode', action: 'list' },
  { method: 'GET', path: '/api/neighbourhoods/coverage', resource: 'neighbourhoods', action: 'list' },
  { method: 'POST', path: '/api/neighbourhoods', resource: 'neighbourhoods', action: 'create', body: { name: 'Rôles', area: [[2.311, 48.777], [2.315, 48.777], [2.315, 48.781]] } },
  { method: 'PUT', path: '/api/neighbourhoods/1', resource: 'neighbourhoods', action: 'edit', body: { name: 'Centre-ville', area: [[2.31, 48.77], [2.31, 48.79], [2.33, 48.79], [2.33, 48.77]] } },
  { method: 'DELETE', path: '/api/neighbourhoods/999999', resource: 'neighbourhoods', action: 'delete' },
  { method: 'GET', path: '/api/posts', resource: 'posts', action: 'list' },
  { method: 'GET', path: '/api/posts/1', resource: 'posts', action: 'show' },
  { method: 'POST', path: '/api/posts/1/approve', resource: 'posts', action: 'edit' },
  { method: 'POST', path: '/api/posts/1/hide', resource: 'posts', action: 'edit', body: { reason: 'Rôles' } },
  { method: 'DELETE', path: '/api/posts/1', resource: 'posts', action: 'delete' },
  { method: 'GET', path: '/api/banned_words', resource: 'banned_words', action: 'list' },
  { method: 'GET', path: '/api/banned_words/1', resource: 'banned_words', action: 'show' },
  { method: 'POST', path: '/api/banned_words', resource: 'banned_words', action: 'create', body: { word: 'roles' } },
  { method: 'PUT', path: '/api/banned_words/1', resource: 'banned_words', action: 'edit', body: { word: 'roles' } },
  { method: 'DELETE', path: '/api/banned_words/999999', resource: 'banned_words', action: 'delete' },
  { method: 'GET', path: '/api/members/export.csv', resource: 'members', action: 'export' },
  { method: 'POST', path: '/api/members/import?dry_run=1', resource: 'members', action: 'create', body: 'nom;adresse' },
  { method: 'GET', path: '/api/account/sessions', resource: 'account', action: 'list' },
  { method: 'POST', path: '/api/account/password', resource: 'account', action: 'edit', body: { current_password: '', new_password: '' } },
  { method: 'DELETE', path: '/api/account/sessions/00000000-0000-4000-8000-000000000000', resource: 'account', action: 'delete' },
  { method: 'GET', path: '/api/broadcasts', resource: 'broadcasts', action: 'list' },
  { method: 'GET', path: '/api/broadcasts/1', resource: 'broadcasts', action: 'show' },
  { method: 'POST', path: '/api/broadcasts', resource: 'broadcasts', action: 'create', body: { category: 'information', title: '', channels: ['sms'], target: { commune: true } } },
  { method: 'PUT', path: '/api/broadcasts/1', resource: 'broadcasts', action: 'edit', body: { category: 'information', title: '', channels: ['sms'], target: { commune: true } } },
  { method: 'POST', path: '/api/broadcasts/preview', resource: 'broadcasts', action: 'create', body: { target: { commune: true }, channels: ['sms'] } },
  { method: 'POST', path: '/api/broadcasts/999999/send', resource: 'broadcasts', action: 'edit', body: {} },
  { method: 'POST', path: '/api/broadcasts/999999/approve', resource: 'broadcasts', action: 'approve' },
  { method: 'POST', path: '/api/broadcasts/999999/cancel', resource: 'broadcasts', action: 'edit' },
  { method: 'POST', path: '/api/broadcasts/999999/test', resource: 'broadcasts', action: 'edit' },
  { method: 'POST', path: '/api/broadcasts/999999/retry_failed', resource: 'broadcasts', action: 'edit' },
  { method: 'GET', path: '/api/broadcast_templates', resource: 'broadcast_templates', action: 'list' },
  { method: 'GET', path: '/api/broadcast_templates/1', resource: 'broadcast_templates', action: 'show' },
  { method: 'POST', path: '/api/broadcast_templates', resource: 'broadcast_templates', action: 'create', body: { category: 'information', title: '' } },
  { method: 'PUT', path: '/api/broadcast_templates/1', resource: 'broadcast_templates', action: 'edit', body: { category: 'information', title: 'Info' } },
  { method: 'GET', path: '/api/deliveries', resource: 'deliveries', action: 'list' },
  { method: 'GET', path: '/api/deliveries/1', resource: 'deliveries', action: 'show' },
  { method: 'GET', path: '/api/deliveries/failed.csv?broadcast_id=1', resource: 'deliveries', action: 'export' },
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
