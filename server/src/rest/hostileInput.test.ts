import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, connectSocket, createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../test/harness.ts';

let t: TestServer;
let officer: Client;
let supervisor: Client;
let admin: Client;
let socket: Socket;
const rowCounts = async () =>
  (await t.sql`select (select count(*) from reports)::int as reports, (select count(*) from report_events)::int as events,
                      (select count(*) from response_templates)::int as templates, (select count(*) from staff)::int as staff,
                      (select count(*) from partners)::int as partners`)[0];

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  supervisor = await signIn(t.base, (await createStaff(t.sql, 'supervisor')).email);
  admin = await signIn(t.base, (await createStaff(t.sql, 'admin')).email);
  socket = connectSocket(t.base, officer.cookie);
  await connected(socket);
});
afterAll(async () => {
  socket?.close();
  await t?.stop();
});

const NUL = 'a\u0000b';
const filter = (f: unknown) => `?filter=${encodeURIComponent(JSON.stringify(f))}`;
const report = { category: 'vandalism', description: 'Tags', lat: 48.7794, lng: 2.3162 };

describe('hostile values answer 400, never 500, and write nothing', () => {
  const ids = ['0x10', '5.0', '010', '-1', '0', '9999999999999', '2147483648', '1e3', '%00'];
  const cases: Array<[string, () => Client, string, string, unknown?]> = [
    ...ids.flatMap((id): Array<[string, () => Client, string, string, unknown?]> => [
      [`GET report ${id}`, () => officer, 'GET', `/api/reports/${id}`],
      [`PUT report ${id}`, () => officer, 'PUT', `/api/reports/${id}`, { status: 'acknowledged' }],
      [`GET staff ${id}`, () => admin, 'GET', `/api/staff/${id}`],
      [`GET template ${id}`, () => officer, 'GET', `/api/response_templates/${id}`],
      [`GET audit entry ${id}`, () => supervisor, 'GET', `/api/audit_log/${id}`],
    ]),
    ['filter id beyond int4', () => officer, 'GET', `/api/reports${filter({ id: 9999999999999 })}`],
    ['filter id list with junk', () => officer, 'GET', `/api/reports${filter({ id: [1, '0x10'] })}`],
    ['filter assigned_to beyond int4', () => officer, 'GET', `/api/reports${filter({ assigned_to: 2147483648 })}`],
    ['filter neighbourhood_id non-canonical', () => officer, 'GET', `/api/reports${filter({ neighbourhood_id: '5.0' })}`],
    ['filter q with NUL', () => officer, 'GET', `/api/reports${filter({ q: NUL })}`],
    ['staff q with NUL', () => admin, 'GET', `/api/staff${filter({ q: NUL })}`],
    ['range beyond int4', () => officer, 'GET', `/api/reports?range=${encodeURIComponent('[99999999999,99999999999]')}`],
    ['sort not JSON', () => officer, 'GET', '/api/reports?sort=%00'],
    ['report description with NUL', () => officer, 'POST', '/api/reports', { ...report, description: NUL }],
    ['report in the future', () => officer, 'POST', '/api/reports', { ...report, occurred_at: '2999-01-01T00:00:00+01:00' }],
    ['report absurdly old', () => officer, 'POST', '/api/reports', { ...report, occurred_at: '1900-01-01T00:00:00Z' }],
    ['report assigned_to huge', () => officer, 'PUT', '/api/reports/1', { assigned_to: 9999999999999 }],
    ['template title with NUL', () => supervisor, 'POST', '/api/response_templates', { title: NUL, body: 'x', status: 'acknowledged' }],
    ['staff name with NUL', () => admin, 'POST', '/api/staff', { email: 'x@vigie.test', full_name: NUL, role: 'officer', password: 'correct horse battery staple 2' }],
    ['partner name with a control character', () => admin, 'POST', '/api/partners', { name: 'a\u0007b' }],
    ['login e-mail with NUL', () => officer, 'POST', '/api/auth/login', { email: `agent${NUL}@vigie.test`, password: 'x' }],
    ['a key with NUL', () => officer, 'POST', '/api/reports', { ...report, [NUL]: 1 }],
  ];

  it.each(cases)('%s', async (_name, who, method, path, body) => {
    const before = await rowCounts();
    const res = await who().request(method, path, body === undefined ? {} : { body });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { message: string; errors?: Record<string, string> };
    expect(typeof answer.message).toBe('string');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses invalid UTF-8 in a REST JSON body as the intake does', async () => {
    const before = await rowCounts();
    const bytes = Buffer.concat([Buffer.from('{"category":"vandalism","description":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('","lat":48.7794,"lng":2.3162}')]);
    const res = await fetch(`${t.base}/api/reports`, { method: 'POST', headers: { origin: 'http://vigie.test', cookie: officer.cookie, 'content-type': 'application/json' }, body: bytes });
    expect(res.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([[{ since: 99999999999999999999 }], [{ since: '5' }], [{ since: -1 }], [{ since: 1.5 }], [null], [{ since: '0x10' }]])('live:resync %j answers an error, not a crash', async (args) => {
    const reply = await socket.timeout(5000).emitWithAck('live:resync', args);
    expect(reply).toHaveProperty('error');
  });

  it.each([[{ report_id: '0x10' }], [{ report_id: 9999999999999 }], [{ report_id: 5.5 }], [{ report_id: -1 }], [{}]])('report:join %j answers an error', async (args) => {
    const reply = await socket.timeout(5000).emitWithAck('report:join', args);
    expect(reply).toHaveProperty('error');
  });
});

const ZOD_DEFAULTS = /Too (big|small)|Invalid input|Invalid option|expected (one of|number|string)|Required|received/;

describe('validation messages', () => {
  const bodies: Array<[string, () => Client, string, string, unknown]> = [
    ['POST /api/reports', () => officer, 'POST', '/api/reports', { category: 'nope', description: 5, lat: 91, lng: 'x', priority: 'x' }],
    ['PUT /api/reports/:id', () => officer, 'PUT', '/api/reports/1', { status: 'x', priority: 3, assigned_to: 'y' }],
    ['POST /api/reports/:id/link', () => officer, 'POST', '/api/reports/1/link', { ids: 'x' }],
    ['POST /api/response_templates', () => supervisor, 'POST', '/api/response_templates', { title: 5, status: 'x' }],
    ['PUT /api/response_templates/:id', () => supervisor, 'PUT', '/api/response_templates/1', { title: 5, active: 'x' }],
    ['POST /api/staff', () => admin, 'POST', '/api/staff', { email: 5, role: 'x' }],
    ['PUT /api/staff/:id', () => admin, 'PUT', '/api/staff/1', { role: 'x', disabled: 'x' }],
    ['POST /api/partners', () => admin, 'POST', '/api/partners', { name: 5, rate_per_minute: 'x' }],
    ['POST /api/auth/login', () => officer, 'POST', '/api/auth/login', { email: 5 }],
  ];

  it.each(bodies)('%s answers in French, never with zod defaults', async (_name, who, method, path, body) => {
    const res = await who().request(method, path, { body });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    for (const message of Object.values(errors)) expect(message).not.toMatch(ZOD_DEFAULTS);
  });

  it('words the examples officers tripped on', async () => {
    const res = await officer.request('POST', '/api/reports', { body: { category: '', description: '', lat: 91, lng: 'x', priority: 'x', occurred_at: '2999-01-01T00:00:00Z' } });
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    expect(errors).toMatchObject({
      category: 'Champ requis.',
      description: 'Champ requis.',
      lat: 'Doit être inférieur ou égal à 90.',
      lng: 'Nombre attendu.',
      occurred_at: 'Date dans le futur.',
    });
    expect(errors.priority).toMatch(/^Valeur non autorisée : choisir parmi low, normal/);
    const missing = (await (await officer.request('POST', '/api/reports', { body: {} })).json()) as { errors: Record<string, string> };
    expect(missing.errors.lat).toBe('Champ requis.');
  });

  it('answers in English when the request prefers English', async () => {
    const res = await officer.request('POST', '/api/reports', { body: { category: 'x', description: 'ok', lat: 91, lng: 'x' }, headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } });
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    expect(errors.lat).toBe('Must be at most 90.');
    expect(errors.lng).toBe('Number expected.');
    expect(errors.category).toMatch(/^Value not allowed: choose one of burglary/);
  });
});
