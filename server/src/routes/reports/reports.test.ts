import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let officer: Client;
let officerId: number;
let sectorId: number;

const centre = { lat: 48.7794, lng: 2.3162 };
const newReport = (overrides: Record<string, unknown> = {}) => ({
  category: 'suspicious_vehicle',
  description: 'Fourgon blanc qui tourne dans la rue depuis une heure',
  ...centre,
  source: 'phone',
  reporter_name: 'Mme Martin',
  reporter_phone: '+33 6 12 34 56 78',
  ...overrides,
});

beforeAll(async () => {
  t = await startTestServer();
  sectorId = await createSector(t.sql);
  const staff = await createStaff(t.sql, 'officer');
  officerId = staff.id;
  officer = await signIn(t.base, staff.email);
  const categories = ['burglary', 'vandalism', 'suspicious_person', 'road_hazard', 'abusive_canvassing'];
  for (let i = 0; i < 30; i++) {
    const res = await officer.json('POST', '/api/reports', newReport({
      category: categories[i % categories.length],
      description: i === 7 ? 'Vol de vélo devant la boulangerie' : `Signalement numéro ${i}`,
      priority: i % 10 === 0 ? 'high' : 'normal',
    }));
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await t?.stop();
});

describe('GET /api/reports (react-admin simple-rest)', () => {
  it('pages with Content-Range and exposes the header', async () => {
    const res = await officer.json<unknown[]>('GET', `/api/reports?sort=${encodeURIComponent('["received_at","DESC"]')}&range=${encodeURIComponent('[0,9]')}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
    expect(res.headers.get('content-range')).toBe('reports 0-9/30');
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
    const last = await officer.json<unknown[]>('GET', `/api/reports?range=${encodeURIComponent('[25,49]')}`);
    expect(last.body).toHaveLength(5);
    expect(last.headers.get('content-range')).toBe('reports 25-29/30');
  });

  it('sorts, filters and searches in French full text', async () => {
    const asc = await officer.json<Array<{ id: number }>>('GET', `/api/reports?sort=${encodeURIComponent('["id","ASC"]')}&range=[0,2]`);
    expect(asc.body.map((r) => r.id)).toEqual([...asc.body.map((r) => r.id)].sort((a, b) => a - b));
    const burglary = await officer.json<Array<{ category: string }>>('GET', `/api/reports?filter=${encodeURIComponent('{"category":"burglary"}')}`);
    expect(burglary.body).toHaveLength(6);
    expect(new Set(burglary.body.map((r) => r.category))).toEqual(new Set(['burglary']));
    const two = await officer.json<unknown[]>('GET', `/api/reports?filter=${encodeURIComponent('{"category":["burglary","vandalism"],"priority":"high"}')}`);
    expect(two.body.length).toBeGreaterThan(0);
    const search = await officer.json<Array<{ description: string }>>('GET', `/api/reports?filter=${encodeURIComponent('{"q":"vélo boulangerie"}')}`);
    expect(search.body.map((r) => r.description)).toEqual(['Vol de vélo devant la boulangerie']);
    // A bare date is a day in Paris, the commune's time zone.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const dated = await officer.json<unknown[]>('GET', `/api/reports?filter=${encodeURIComponent(JSON.stringify({ received_at_gte: today, received_at_lte: today }))}`);
    expect(dated.body).toHaveLength(30);
    const none = await officer.json<unknown[]>('GET', `/api/reports?filter=${encodeURIComponent('{"received_at_lte":"2000-01-01"}')}`);
    expect(none.body).toHaveLength(0);
    expect(none.headers.get('content-range')).toBe('reports */0');
  });

  it('answers getMany with filter={"id":[…]}', async () => {
    const res = await officer.json<Array<{ id: number }>>('GET', `/api/reports?filter=${encodeURIComponent('{"id":[1,2,3]}')}`);
    expect(res.body.map((r) => r.id).sort()).toEqual([1, 2, 3]);
  });

  it('answers 400, never 500, for bad sort, range and filter', async () => {
    const cases: Array<[string, string]> = [
      ['sort=["password_hash","ASC"]', 'sort'],
      ['sort=["id","SIDEWAYS"]', 'sort'],
      ['sort=not-json', 'sort'],
      ['range=[5,1]', 'range'],
      ['range=[0,100000]', 'range'],
      ['range=["a","b"]', 'range'],
      ['range={', 'range'],
      ['filter={', 'filter'],
      ['filter=[1]', 'filter'],
      ['filter={"status":"lost"}', 'status'],
      ['filter={"nope":1}', '_root'],
      ['filter={"received_at_gte":"yesterday"}', 'received_at_gte'],
      ['filter={"id":["x"]}', 'id'],
    ];
    for (const [query, field] of cases) {
      const [name, value] = query.split(/=(.*)/s) as [string, string];
      const res = await officer.json<{ errors: Record<string, string> }>('GET', `/api/reports?${name}=${encodeURIComponent(value)}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.errors).join(',') , query).toContain(field);
    }
  });
});

describe('GET /api/reports/:id', () => {
  it('includes the reporter and audits the read of personal data', async () => {
    const before = await t.sql`select count(*)::int as n from audit_log where action = 'read_personal_data' and record_id = '5'`;
    const res = await officer.json<Record<string, unknown>>('GET', '/api/reports/5');
    expect(res.status).toBe(200);
    expect(res.body.reporter_name).toBe('Mme Martin');
    const after = await t.sql`select count(*)::int as n, max(staff_id) as staff_id from audit_log where action = 'read_personal_data' and record_id = '5'`;
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    expect(after[0]!.staff_id).toBe(officerId);
  });

  it('does not put the reporter in lists', async () => {
    const res = await officer.json<Array<Record<string, unknown>>>('GET', '/api/reports?range=[0,0]');
    expect(res.body[0]).not.toHaveProperty('reporter_name');
    expect(res.body[0]).not.toHaveProperty('reporter_phone');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await officer.json('GET', '/api/reports/999999')).status).toBe(404);
    expect((await officer.json('GET', '/api/reports/abc')).status).toBe(400);
    expect((await officer.json('GET', '/api/reports/99999999999999')).status).toBe(400);
  });
});

describe('POST /api/reports', () => {
  it('derives the sector, flags points outside the commune and starts the timeline', async () => {
    const inside = await officer.json<Record<string, unknown>>('POST', '/api/reports', newReport());
    expect(inside.status).toBe(201);
    expect(inside.body).toMatchObject({ status: 'new', neighbourhood_id: sectorId, out_of_area: false, source: 'phone' });
    const outside = await officer.json<Record<string, unknown>>('POST', '/api/reports', newReport({ lat: 48.9, lng: 2.4 }));
    expect(outside.body).toMatchObject({ neighbourhood_id: null, out_of_area: true });
    const events = await officer.json<Array<{ action: string }>>('GET', `/api/report_events?filter=${encodeURIComponent(JSON.stringify({ report_id: inside.body.id }))}`);
    expect(events.body.map((e) => e.action)).toEqual(['created']);
  });

  it('answers 400 with a message per field and writes nothing', async () => {
    const [{ n: before }] = (await t.sql`select count(*)::int as n from reports`) as unknown as [{ n: number }];
    const res = await officer.json<{ errors: Record<string, string> }>('POST', '/api/reports', {
      category: 'alien', description: '', lat: 123, lng: 'east', reporter_phone: '<script>', source: 'platform',
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['category', 'description', 'lat', 'lng', 'reporter_phone', 'source']);
    const long = await officer.json<{ errors: Record<string, string> }>('POST', '/api/reports', newReport({ description: 'x'.repeat(4001) }));
    expect(long.body.errors).toHaveProperty('description');
    const control = await officer.json<{ errors: Record<string, string> }>('POST', '/api/reports', newReport({ description: 'bell\u0007' }));
    expect(control.body.errors).toHaveProperty('description');
    const [{ n: after }] = (await t.sql`select count(*)::int as n from reports`) as unknown as [{ n: number }];
    expect(after).toBe(before);
  });
});

describe('PUT /api/reports/:id (triage)', () => {
  it('follows the workflow, records each change on the timeline and in the audit log', async () => {
    const { body: report } = await officer.json<{ id: number }>('POST', '/api/reports', newReport());
    const ack = await officer.json<Record<string, unknown>>('PUT', `/api/reports/${report.id}`, { ...report, status: 'acknowledged', priority: 'high', note: 'Patrouille prévenue', description: 'rewritten' });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', priority: 'high', description: newReport().description });
    const assign = await officer.json('PUT', `/api/reports/${report.id}`, { assigned_to: officerId, status: 'in_progress' });
    expect(assign.body).toMatchObject({ assigned_to: officerId, status: 'in_progress' });
    const events = await officer.json<Array<{ action: string; from_value: string | null; to_value: string | null; note: string | null; staff_id: number }>>(
      'GET', `/api/report_events?filter=${encodeURIComponent(JSON.stringify({ report_id: report.id }))}&sort=${encodeURIComponent('["at","ASC"]')}`);
    expect(events.body.map((e) => [e.action, e.from_value, e.to_value])).toEqual([
      ['created', null, 'new'],
      ['status', 'new', 'acknowledged'],
      // « Prendre en compte » an unassigned report assigns it to the officer who clicked.
      ['assigned', null, String(officerId)],
      ['priority', 'normal', 'high'],
      ['status', 'acknowledged', 'in_progress'],
    ]);
    expect(events.body[1]!.note).toBe('Patrouille prévenue');
    const audits = await t.sql`select count(*)::int as n from audit_log where resource = 'reports' and action = 'update' and record_id = ${String(report.id)}`;
    expect(audits[0]!.n).toBe(2);
  });

  it('answers 409 for a transition the workflow forbids, and needs a reason to dismiss', async () => {
    const { body: report } = await officer.json<{ id: number }>('POST', '/api/reports', newReport());
    const skip = await officer.json<{ message: string }>('PUT', `/api/reports/${report.id}`, { status: 'resolved' });
    expect(skip.status).toBe(409);
    expect(skip.body.message).toMatch(/Transition impossible/);
    const noReason = await officer.json<{ errors: Record<string, string> }>('PUT', `/api/reports/${report.id}`, { status: 'dismissed' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toHaveProperty('note');
    expect((await officer.json('PUT', `/api/reports/${report.id}`, { status: 'dismissed', note: 'Doublon' })).status).toBe(200);
    // Reopening a closed report is the chief's (see the reopening tests): an officer is refused.
    expect((await officer.json('PUT', `/api/reports/${report.id}`, { status: 'acknowledged', note: 'Erreur' })).status).toBe(403);
    expect((await officer.json('PUT', `/api/reports/${report.id}`, { status: 'new' })).status).toBe(409);
    expect((await officer.json('PUT', '/api/reports/999999', { status: 'acknowledged' })).status).toBe(404);
  });

  it('refuses to assign a report to someone who is not an active officer', async () => {
    const { body: report } = await officer.json<{ id: number }>('POST', '/api/reports', newReport());
    const clerk = await createStaff(t.sql, 'townhall');
    const res = await officer.json<{ errors: Record<string, string> }>('PUT', `/api/reports/${report.id}`, { assigned_to: clerk.id });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('assigned_to');
  });
});

describe('oversized bodies', () => {
  it('refuses a body over 1 MB with 413 and closes the connection', async () => {
    const res = await officer.request('POST', '/api/reports', { raw: JSON.stringify(newReport({ description: 'x'.repeat(1_100_000) })), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
  });
});

describe('GET /api/reports/points (the map payload)', () => {
  it('answers parallel arrays for every matching report, gzipped', async () => {
    const res = await officer.request('GET', `/api/reports/points?filter=${encodeURIComponent('{"category":"burglary"}')}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = (await res.json()) as Record<string, unknown[]> & { count: number; truncated: boolean };
    expect(body.count).toBe(6);
    expect(body.truncated).toBe(false);
    for (const key of ['id', 'lat', 'lng', 'status', 'category', 'priority', 'received_at_delta_s']) expect(body[key]).toHaveLength(6);
    expect(new Set(body.category)).toEqual(new Set(['burglary']));
    // Whole unix seconds, each after the first as a difference (newest first), to keep 100,000 points under 1 MB gzip.
    const deltas = body.received_at_delta_s as number[];
    const seconds = deltas.map((_, i) => deltas.slice(0, i + 1).reduce((sum, d) => sum + d, 0));
    expect(seconds.every((t) => Number.isInteger(t) && Math.abs(t - Date.now() / 1000) < 3_600)).toBe(true);
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
    const bad = await officer.json<{ errors: Record<string, string> }>('GET', `/api/reports/points?filter=${encodeURIComponent('{"status":"lost"}')}`);
    expect(bad.status).toBe(400);
  });
});

describe('names without staff accounts', () => {
  it('gives officers the assignee name on reports and the list of colleagues', async () => {
    const { body: report } = await officer.json<{ id: number }>('POST', '/api/reports', newReport());
    const assigned = await officer.json<{ assigned_to_name: string }>('PUT', `/api/reports/${report.id}`, { assigned_to: officerId });
    expect(assigned.body.assigned_to_name).toMatch(/^Test officer/);
    const colleagues = await officer.json<Array<{ id: number; full_name: string }>>('GET', '/api/officers');
    expect(colleagues.status).toBe(200);
    expect(colleagues.body.map((o) => o.id)).toContain(officerId);
    expect(colleagues.body[0]).not.toHaveProperty('email');
  });
});
