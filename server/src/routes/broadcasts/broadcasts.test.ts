import type { Broadcast, BroadcastPreview, Delivery } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signIn, type Client, startTestServer, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let officer: Client;
let supervisor: Client;
let otherSupervisor: Client;
let townhall: Client;
let supervisorId: number;

const CENTER = { lng: 2.32, lat: 48.78 };
interface Person { id: number; lng: number; lat: number }
let people: Person[] = [];

// A deterministic spread of members around the centre (no Math.random: reruns see the same town).
function spread(n: number) {
  return Array.from({ length: n }, (_, i) => ({ lng: CENTER.lng + (((i * 7919) % 1000) / 1000 - 0.5) * 0.04, lat: CENTER.lat + (((i * 104729) % 997) / 997 - 0.5) * 0.03 }));
}

beforeAll(async () => {
  t = await startTestServer({ LOG_LEVEL: 'error' });
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  const sup = await createStaff(t.sql, 'supervisor');
  supervisorId = sup.id;
  supervisor = await signIn(t.base, sup.email);
  otherSupervisor = await signIn(t.base, (await createStaff(t.sql, 'supervisor')).email);
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
  const points = spread(300);
  people = await t.sql<Person[]>`
    insert into members (full_name, address, email, phone, status, channels, lat, lng)
    select 'Membre ' || i, i || ' rue du Test', 'membre' || i || '@example.test', '+3361' || lpad(i::text, 7, '0'), 'approved', '{sms,email}', lat, lng
    from unnest(${points.map((p) => p.lat)}::float8[], ${points.map((p) => p.lng)}::float8[]) with ordinality as u(lat, lng, i)
    returning id, lng, lat`;
  // Not reached: pending members, and an approved one who opted out of SMS.
  await t.sql`insert into members (full_name, address, email, status, channels, lat, lng) values ('En attente', 'x', 'attente@example.test', 'pending_review', '{email}', ${CENTER.lat}, ${CENTER.lng})`;
});
afterAll(async () => {
  await t?.stop();
});

// Ray casting, independent of PostgreSQL's geometry.
function inPolygon([x, y]: [number, number], ring: [number, number][]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function haversine(a: { lng: number; lat: number }, b: { lng: number; lat: number }) {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

const triangle: [number, number][] = [[2.305, 48.77], [2.335, 48.772], [2.318, 48.792], [2.305, 48.77]];
const zones = (features: unknown[]) => ({ zones: { type: 'FeatureCollection', features } });
const polygon = (ring: [number, number][]) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: {} });
const circle = (lng: number, lat: number, radius_m: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: { radius_m } });

async function compose(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.json<Broadcast>('POST', '/api/broadcasts', { category: 'burglary', title: 'Cambriolages', sms_text: 'Vague de cambriolages : fermez vos portes.', email_subject: 'Cambriolages', email_body: 'Soyez vigilants.', channels: ['sms', 'email'], target: zones([polygon(triangle)]), ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
async function settled(id: number) {
  for (;;) {
    const { body } = await officer.json<Broadcast>('GET', `/api/broadcasts/${id}`);
    if (body.status === 'sent' || body.status === 'cancelled') return body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const deliveredMembers = async (id: number, channel: string) =>
  (await t.sql<{ member_id: number }[]>`select member_id from deliveries where broadcast_id = ${id} and channel = ${channel} and relative_id is null order by member_id`).map((r) => r.member_id);

describe('targeting', () => {
  it('reaches in a drawn polygon exactly the members a point-in-polygon test finds', async () => {
    const b = await compose(officer);
    expect((await officer.json('POST', `/api/broadcasts/${b.id}/send`, {})).status).toBe(200);
    await settled(b.id);
    const expected = people.filter((p) => inPolygon([p.lng, p.lat], triangle)).map((p) => p.id).sort((a, c) => a - c);
    expect(expected.length).toBeGreaterThan(10);
    expect(await deliveredMembers(b.id, 'sms')).toEqual(expected);
    expect(await deliveredMembers(b.id, 'email')).toEqual(expected);
  });

  it('draws a 300 m circle round on the ground, not in degrees', async () => {
    const { body } = await officer.json<BroadcastPreview>('POST', '/api/broadcasts/preview', { target: zones([circle(CENTER.lng, CENTER.lat, 600)]), channels: ['sms'] });
    // Members well inside and well outside; nobody sits within a metre of the edge in this spread.
    const expected = people.filter((p) => haversine(p, CENTER) <= 600);
    expect(body.sms).toBe(expected.length);
    expect(body.members).toBe(expected.length);
  });

  it('sends one message per person per channel across overlapping zones and shared relatives', async () => {
    const [a, b] = people.filter((p) => haversine(p, CENTER) <= 600);
    await t.sql`insert into relatives (member_id, full_name, relation, phone, channels, confirmed_at) values
      (${a!.id}, 'Fille', 'fille', '+33699999999', '{sms}', now()), (${b!.id}, 'Fille', 'fille', '+33699999999', '{sms}', now())`;
    const overlap = zones([circle(CENTER.lng, CENTER.lat, 600), circle(CENTER.lng, CENTER.lat, 500)]);
    const { body: preview } = await officer.json<BroadcastPreview>('POST', '/api/broadcasts/preview', { target: overlap, channels: ['sms'], sms_text: 'Alerte' });
    const inside = people.filter((p) => haversine(p, CENTER) <= 600).length;
    expect(preview).toMatchObject({ sms: inside + 1, members: inside, relatives: 1, sms_segments: 1 });
    const bc = await compose(officer, { channels: ['sms'], email_subject: null, email_body: null, target: overlap });
    await officer.json('POST', `/api/broadcasts/${bc.id}/send`, {});
    const [row] = await t.sql`select count(*)::int as n, count(distinct recipient_key)::int as k from deliveries where broadcast_id = ${bc.id}`;
    expect(row).toEqual({ n: inside + 1, k: inside + 1 });
  });

  it('honours opt-outs at send time', async () => {
    const target = zones([circle(CENTER.lng, CENTER.lat, 600)]);
    const before = (await officer.json<BroadcastPreview>('POST', '/api/broadcasts/preview', { target, channels: ['sms'] })).body.sms;
    const someone = people.find((p) => haversine(p, CENTER) <= 600)!;
    await t.sql`update members set sms_opt_out_at = now() where id = ${someone.id}`;
    const after = (await officer.json<BroadcastPreview>('POST', '/api/broadcasts/preview', { target, channels: ['sms'] })).body.sms;
    expect(after).toBe(before - 1);
    await t.sql`update members set sms_opt_out_at = null where id = ${someone.id}`;
  });

  it('refuses an open polygon and a circle without radius', async () => {
    const open = await officer.json<{ errors: Record<string, string> }>('POST', '/api/broadcasts/preview', { target: zones([polygon([[2.3, 48.7], [2.4, 48.7], [2.4, 48.8], [2.3, 48.8]])]), channels: ['sms'] });
    expect(open.status).toBe(400);
    const noRadius = await officer.json('POST', '/api/broadcasts/preview', { target: zones([{ type: 'Feature', geometry: { type: 'Point', coordinates: [2.3, 48.7] } }]), channels: ['sms'] });
    expect(noRadius.status).toBe(400);
  });
});

describe('approval, scheduling, cancel', () => {
  it('holds a citywide broadcast for a supervisor who is not its author', async () => {
    const b = await compose(supervisor, { target: { commune: true } });
    const sent = await supervisor.json<Broadcast>('POST', `/api/broadcasts/${b.id}/send`, {});
    expect(sent.body.status).toBe('pending_approval');
    expect((await supervisor.json('POST', `/api/broadcasts/${b.id}/approve`)).status).toBe(403);
    expect((await officer.json('POST', `/api/broadcasts/${b.id}/approve`)).status).toBe(403);
    const approved = await otherSupervisor.json<Broadcast>('POST', `/api/broadcasts/${b.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.approved_by).not.toBe(supervisorId);
    const done = await settled(b.id);
    expect(done.counts.sms!.sent).toBe(people.length + 1); // every member, and the relative shared by two of them once
    const [entry] = await t.sql`select 1 from audit_log where action = 'approve' and resource = 'broadcasts' and record_id = ${String(b.id)}`;
    expect(entry).toBeDefined();
  });

  it('schedules a broadcast at send_at, and a cancel before then sends nothing', async () => {
    const b = await compose(officer, { send_at: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await officer.json<Broadcast>('POST', `/api/broadcasts/${b.id}/send`, {})).body.status).toBe('scheduled');
    const [job] = await t.sql`select start_after > now() + interval '50 minutes' as later from pgboss.job where name = 'broadcast-send' and data->>'broadcast_id' = ${String(b.id)}`;
    expect(job!.later).toBe(true);
    expect((await officer.json<Broadcast>('POST', `/api/broadcasts/${b.id}/cancel`)).body.status).toBe('cancelled');
    // The job fires (brought forward here) and finds the broadcast cancelled.
    await t.sql`update pgboss.job set start_after = now() where name = 'broadcast-send' and data->>'broadcast_id' = ${String(b.id)}`;
    for (;;) {
      const [state] = await t.sql`select state from pgboss.job where name = 'broadcast-send' and data->>'broadcast_id' = ${String(b.id)}`;
      if (state!.state === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [row] = await t.sql`select count(*)::int as n from deliveries where broadcast_id = ${b.id}`;
    expect(row!.n).toBe(0);
  });

  it('keeps sent broadcasts from being edited', async () => {
    const b = await compose(officer);
    await officer.json('POST', `/api/broadcasts/${b.id}/send`, {});
    const res = await officer.json('PUT', `/api/broadcasts/${b.id}`, { category: 'burglary', title: 'Autre', sms_text: 'x', email_subject: 'x', email_body: 'x', channels: ['sms', 'email'], target: { commune: true } });
    expect(res.status).toBe(409);
  });

  it('records the broadcast on the timeline of the report it came from', async () => {
    const [report] = await t.sql<{ id: number }[]>`insert into reports (category, description, lat, lng, source) values ('burglary', 'Porte forcée', ${CENTER.lat}, ${CENTER.lng}, 'phone') returning id`;
    const b = await compose(officer, { report_id: report!.id, target: zones([circle(CENTER.lng, CENTER.lat, 300)]) });
    await officer.json('POST', `/api/broadcasts/${b.id}/send`, {});
    const [event] = await t.sql`select action, to_value from report_events where report_id = ${report!.id} and action = 'broadcast'`;
    expect(event).toEqual({ action: 'broadcast', to_value: String(b.id) });
  });
});

describe('the delivery log', () => {
  it('shows contacts in clear to the town hall only, and audits it', async () => {
    const b = await compose(officer, { target: zones([circle(CENTER.lng, CENTER.lat, 300)]) });
    await officer.json('POST', `/api/broadcasts/${b.id}/send`, {});
    const q = `/api/deliveries?filter=${encodeURIComponent(JSON.stringify({ broadcast_id: b.id, channel: 'sms' }))}`;
    const police = await officer.json<Delivery[]>('GET', q);
    expect(police.body[0]!.to).toMatch(/^06 •• •• •• \d\d$/);
    const hall = await townhall.json<Delivery[]>('GET', q);
    expect(hall.body[0]!.to).toMatch(/^\+336/);
    const [entry] = await t.sql`select 1 from audit_log where action = 'read_personal_data' and resource = 'deliveries'`;
    expect(entry).toBeDefined();
    expect((await townhall.json('POST', `/api/broadcasts/${b.id}/send`, {})).status).toBe(403);
  });
});

describe('the audit log', () => {
  const actions = async (id: number) =>
    (await t.sql<{ action: string }[]>`select action from audit_log where resource = 'broadcasts' and record_id = ${String(id)} order by id`).map((r) => r.action);

  it('audits each step of a broadcast as its own action, named after its title', async () => {
    const b = await compose(officer, { target: zones([circle(CENTER.lng, CENTER.lat, 300)]) });
    const edited = await officer.json('PUT', `/api/broadcasts/${b.id}`, {
      category: 'burglary', title: 'Cambriolages rue Ravon', sms_text: 'Fermez vos portes.', email_subject: 'Cambriolages', email_body: 'Soyez vigilants.',
      channels: ['sms', 'email'], target: zones([circle(CENTER.lng, CENTER.lat, 300)]),
    });
    expect(edited.status).toBe(200);
    expect((await officer.json('POST', `/api/broadcasts/${b.id}/test`)).status).toBe(200);
    expect((await officer.json('POST', `/api/broadcasts/${b.id}/send`, {})).status).toBe(200);
    await settled(b.id);
    await t.sql`update deliveries set status = 'failed' where broadcast_id = ${b.id} and channel = 'sms'`;
    expect((await officer.json('POST', `/api/broadcasts/${b.id}/retry_failed`)).status).toBe(200);
    await settled(b.id);
    expect(await actions(b.id)).toEqual(['create', 'update', 'test', 'send', 'retry_failed']);

    const later = await compose(officer, { send_at: new Date(Date.now() + 3_600_000).toISOString() });
    await officer.json('POST', `/api/broadcasts/${later.id}/send`, {});
    expect((await officer.json('POST', `/api/broadcasts/${later.id}/cancel`)).status).toBe(200);
    expect(await actions(later.id)).toEqual(['create', 'send', 'cancel']);

    // The failed deliveries' export is about the broadcast: « Export des envois en échec : diffusion n° 7 ».
    await t.sql`update deliveries set status = 'failed' where broadcast_id = ${b.id} and channel = 'sms'`;
    const csv = await townhall.request('GET', `/api/deliveries/failed.csv?broadcast_id=${b.id}`);
    expect(csv.status).toBe(200);
    await csv.arrayBuffer();
    const [exported] = await t.sql`select record_id from audit_log where resource = 'deliveries' and action = 'export' order by id desc limit 1`;
    expect(exported!.record_id).toBe(`broadcast:${b.id}`);

    const log = await supervisor.json<Array<{ action: string; target_name: string | null }>>('GET', `/api/audit_log?filter=${encodeURIComponent(JSON.stringify({ event: 'broadcasts.retry_failed', record_id: String(b.id) }))}`);
    expect(log.body).toMatchObject([{ action: 'retry_failed', target_name: 'Cambriolages rue Ravon' }]);
  });
});
