import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let officer: Client;

const base = { category: 'suspicious_vehicle', description: 'Voiture grise qui ralentit devant les maisons', lat: 48.7794, lng: 2.3162, source: 'phone' };
const create = async (overrides: Record<string, unknown> = {}) => {
  const res = await officer.json<Record<string, unknown> & { id: number }>('POST', '/api/reports', { ...base, ...overrides });
  expect(res.status).toBe(201);
  return res.body;
};

/** A report as if it came from a partner platform (the intake route is tested on its own). */
async function platformReport(externalId: string) {
  await t.sql`insert into partners (id, name, secret_ciphertext) values ('vvs-test', 'Plateforme test', ${Buffer.from('x')}) on conflict do nothing`;
  const [row] = await t.sql<{ id: number }[]>`
    insert into reports (category, description, lat, lng, source, partner_id, external_id)
    values ('burglary_attempt', 'Porte fracturée cette nuit', 48.78, 2.316, 'platform', 'vvs-test', ${externalId}) returning id`;
  return row!.id;
}

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
});
afterAll(async () => {
  await t?.stop();
});

describe('the emergency gate', () => {
  it('raises a report describing a danger in progress to urgent', async () => {
    const urgent = await create({ description: 'Cambriolage EN COURS, un homme armé', priority: 'low' });
    expect(urgent).toMatchObject({ priority: 'urgent', emergency: true });
    const calm = await create({ description: 'Feu rouge en panne au carrefour', category: 'road_hazard' });
    expect(calm).toMatchObject({ priority: 'normal', emergency: false });
  });
});

describe('possible duplicates and incidents', () => {
  it('finds reports of the same category within 200 m and 30 minutes, not further', async () => {
    const a = await create({ category: 'vandalism', description: 'Tags sur le mur de l’école' });
    const near = await create({ category: 'vandalism', description: 'Mur tagué', lat: 48.7794 + 0.001, lng: 2.3162 }); // ≈111 m
    const far = await create({ category: 'vandalism', description: 'Tags rue lointaine', lat: 48.7794 + 0.003 }); // ≈334 m
    const other = await create({ category: 'burglary', description: 'Cambriolage' });
    const late = await create({ category: 'vandalism', description: 'Tags plus tard' });
    await t.sql`update reports set received_at = received_at + interval '31 minutes' where id = ${late.id}`;
    const res = await officer.json<Array<{ id: number; distance_m: number }>>('GET', `/api/reports/${a.id}/duplicates`);
    expect(res.status).toBe(200);
    expect(res.body.map((r) => r.id)).toEqual([near.id]);
    expect(res.body[0]!.distance_m).toBeGreaterThan(100);
    expect(res.body[0]!.distance_m).toBeLessThan(125);
    expect([far.id, other.id, late.id].some((id) => res.body.some((r) => r.id === id))).toBe(false);
    expect((await officer.json('GET', '/api/reports/999999/duplicates')).status).toBe(404);
  });

  it('links reports into one incident, each keeping its history, and unlinks', async () => {
    const a = await create({ category: 'suspicious_person' });
    const b = await create({ category: 'suspicious_person' });
    const c = await create({ category: 'suspicious_person' });
    const linked = await officer.json<Array<{ id: number; incident_id: number | null }>>('POST', `/api/reports/${a.id}/link`, { ids: [b.id, c.id] });
    expect(linked.status).toBe(200);
    expect(linked.body.map((r) => [r.id, r.incident_id])).toEqual([[a.id, null], [b.id, a.id], [c.id, a.id]]);
    // linking into a linked report joins its incident
    const d = await create({ category: 'suspicious_person' });
    const joined = await officer.json<Array<{ id: number }>>('POST', `/api/reports/${b.id}/link`, { ids: [d.id] });
    expect(joined.body.map((r) => r.id)).toEqual([a.id, b.id, c.id, d.id]);
    const members = await officer.json<Array<{ id: number }>>('GET', `/api/reports?filter=${encodeURIComponent(JSON.stringify({ incident_id: a.id }))}&sort=${encodeURIComponent('["id","ASC"]')}`);
    expect(members.body.map((r) => r.id)).toEqual([b.id, c.id, d.id]);
    const events = await officer.json<Array<{ action: string }>>('GET', `/api/report_events?filter=${encodeURIComponent(JSON.stringify({ report_id: b.id }))}`);
    expect(events.body.map((e) => e.action)).toEqual(['created', 'linked']);
    const alone = await officer.json<{ incident_id: number | null }>('POST', `/api/reports/${c.id}/unlink`);
    expect(alone.body.incident_id).toBeNull();
    const audits = await t.sql<{ action: string; record_id: string }[]>`
      select action, record_id from audit_log where resource = 'reports' and action in ('update', 'link', 'unlink') and record_id = any(${[a.id, b.id, c.id].map(String)}) order by id`;
    expect(audits.map((e) => [e.action, e.record_id])).toEqual([['link', String(a.id)], ['link', String(a.id)], ['unlink', String(c.id)]]);
    const bad = await officer.json<{ errors: Record<string, string> }>('POST', `/api/reports/${a.id}/link`, { ids: [999999] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('ids');
    expect((await officer.json('POST', `/api/reports/${a.id}/link`, { ids: [] })).status).toBe(400);
  });
});

describe('replies to residents through the partner', () => {
  it('queues a status change with the template text for the partner, and notes it on the timeline', async () => {
    const id = await platformReport('ext-1');
    const [template] = await t.sql<{ id: number; body: string }[]>`select id, body from response_templates where status = 'acknowledged' limit 1`;
    const res = await officer.json('PUT', `/api/reports/${id}`, { status: 'acknowledged', template_id: template!.id });
    expect(res.status).toBe(200);
    const queued = await t.sql`select type, external_id, payload from partner_events where report_id = ${id}`;
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ type: 'report.status_changed', external_id: 'ext-1', payload: { status: 'acknowledged', message: template!.body } });
    const events = await officer.json<Array<{ action: string; note: string | null }>>('GET', `/api/report_events?filter=${encodeURIComponent(JSON.stringify({ report_id: id }))}`);
    expect(events.body.find((e) => e.action === 'reply')?.note).toBe(template!.body);
  });

  it('queues a status change without text, and a reply without status change', async () => {
    const id = await platformReport('ext-2');
    await officer.json('PUT', `/api/reports/${id}`, { status: 'acknowledged' });
    await officer.json('PUT', `/api/reports/${id}`, { reply: 'Nous passons dans la soirée.' });
    const queued = await t.sql`select type, payload from partner_events where report_id = ${id} order by id`;
    expect(queued.map((q) => [q.type, q.payload.message])).toEqual([['report.status_changed', null], ['report.reply', 'Nous passons dans la soirée.']]);
  });

  it('refuses a reply on a report taken by phone, and a template of another status', async () => {
    const phone = await create();
    const res = await officer.json<{ errors: Record<string, string> }>('PUT', `/api/reports/${phone.id}`, { reply: 'Bonjour' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('reply');
    const id = await platformReport('ext-3');
    const [resolved] = await t.sql<{ id: number }[]>`select id from response_templates where status = 'resolved' limit 1`;
    const wrong = await officer.json<{ errors: Record<string, string> }>('PUT', `/api/reports/${id}`, { status: 'acknowledged', template_id: resolved!.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toHaveProperty('template_id');
    const [{ n }] = (await t.sql`select count(*)::int as n from partner_events where report_id = ${id}`) as unknown as [{ n: number }];
    expect(n).toBe(0);
  });
});
