import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let officer: Client;
let officerId: number;
let chief: Client;
let colleagueId: number;

type Report = { id: number; status: string; assigned_to: number | null; forwarded_reference?: string | null };
type Event = { action: string; from_value: string | null; to_value: string | null; note: string | null };

const create = async (description = 'Voiture grise qui ralentit devant les maisons') => {
  const res = await officer.json<Report>('POST', '/api/reports', { category: 'suspicious_vehicle', description, lat: 48.7794, lng: 2.3162, source: 'phone' });
  expect(res.status).toBe(201);
  return res.body;
};
const timeline = async (id: number) =>
  (await officer.json<Event[]>('GET', `/api/report_events?filter=${encodeURIComponent(JSON.stringify({ report_id: id }))}&sort=${encodeURIComponent('["at","ASC"]')}`)).body;

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  const o = await createStaff(t.sql, 'officer');
  officerId = o.id;
  officer = await signIn(t.base, o.email);
  chief = await signIn(t.base, (await createStaff(t.sql, 'supervisor')).email);
  colleagueId = (await createStaff(t.sql, 'officer')).id;
});
afterAll(async () => {
  await t?.stop();
});

describe('« Prendre en compte »', () => {
  it('assigns an unassigned report to the officer who acknowledges it', async () => {
    const report = await create();
    const res = await officer.json<Report>('PUT', `/api/reports/${report.id}`, { ...report, status: 'acknowledged' });
    expect(res.body).toMatchObject({ status: 'acknowledged', assigned_to: officerId });
    expect((await timeline(report.id)).map((e) => e.action)).toEqual(['created', 'status', 'assigned']);
  });

  it('keeps an existing or explicitly chosen assignee', async () => {
    const taken = await create();
    await officer.json('PUT', `/api/reports/${taken.id}`, { assigned_to: colleagueId });
    expect((await officer.json<Report>('PUT', `/api/reports/${taken.id}`, { status: 'acknowledged' })).body.assigned_to).toBe(colleagueId);
    const chosen = await create();
    expect((await officer.json<Report>('PUT', `/api/reports/${chosen.id}`, { status: 'acknowledged', assigned_to: colleagueId })).body.assigned_to).toBe(colleagueId);
  });
});

describe('forwarding to the Police nationale', () => {
  it('keeps the reference on the report and on the timeline', async () => {
    const report = await create();
    const res = await officer.json<Report>('PUT', `/api/reports/${report.id}`, { status: 'forwarded', reference: ' PV 2026/001234 ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'forwarded', forwarded_reference: 'PV 2026/001234' });
    const status = (await timeline(report.id)).find((e) => e.action === 'status')!;
    expect(status.note).toBe('Référence Police nationale : PV 2026/001234');
  });

  it('refuses a reference on any other change, and an overlong one', async () => {
    const report = await create();
    const other = await officer.json<{ errors: Record<string, string> }>('PUT', `/api/reports/${report.id}`, { status: 'acknowledged', reference: 'PV 1' });
    expect(other.status).toBe(400);
    expect(other.body.errors).toHaveProperty('reference');
    const long = await officer.json<{ errors: Record<string, string> }>('PUT', `/api/reports/${report.id}`, { status: 'forwarded', reference: 'x'.repeat(101) });
    expect(long.status).toBe(400);
    expect(long.body.errors).toHaveProperty('reference');
    expect((await officer.json<Report>('GET', `/api/reports/${report.id}`)).body.status).toBe('new');
  });
});

describe('reopening a closed report', () => {
  it('lets a supervisor reopen with a reason written on the timeline', async () => {
    const report = await create();
    await officer.json('PUT', `/api/reports/${report.id}`, { status: 'acknowledged' });
    expect((await officer.json('PUT', `/api/reports/${report.id}`, { status: 'resolved' })).status).toBe(200);
    const noReason = await chief.json<{ errors: Record<string, string> }>('PUT', `/api/reports/${report.id}`, { status: 'in_progress' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toHaveProperty('note');
    const res = await chief.json<Report>('PUT', `/api/reports/${report.id}`, { status: 'in_progress', note: 'Le voisin rappelle : la voiture est revenue.' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('in_progress');
    const last = (await timeline(report.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'status', from_value: 'resolved', to_value: 'in_progress', note: 'Le voisin rappelle : la voiture est revenue.' });
    // The audit log tells a reopening from any other change (« Signalement rouvert »).
    const audits = await t.sql<{ action: string }[]>`select action from audit_log where resource = 'reports' and record_id = ${String(report.id)} and action <> 'read_personal_data' order by id`;
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'update', 'reopen']);
  });

  it('refuses it to an officer, and leaves the report closed', async () => {
    for (const closing of [{ status: 'dismissed', note: 'Doublon' }, { status: 'forwarded' }]) {
      const report = await create();
      expect((await officer.json('PUT', `/api/reports/${report.id}`, closing)).status).toBe(200);
      const res = await officer.json('PUT', `/api/reports/${report.id}`, { status: 'acknowledged', note: 'Je rouvre' });
      expect(res.status).toBe(403);
      expect((await officer.json<Report>('GET', `/api/reports/${report.id}`)).body.status).toBe(closing.status);
      expect((await chief.json('PUT', `/api/reports/${report.id}`, { status: 'acknowledged', note: 'Rouvert par le chef' })).status).toBe(200);
    }
  });
});

describe('full-text search', () => {
  it('ignores accents both ways, in words and addresses', async () => {
    const bike = await create('Vol de vélo devant l’école');
    const heart = await create('Attroupement rue du Cœur-Volant');
    const ids = async (q: string) =>
      (await officer.json<Report[]>('GET', `/api/reports?filter=${encodeURIComponent(JSON.stringify({ q }))}`)).body.map((r) => r.id);
    expect(await ids('velo')).toContain(bike.id);
    expect(await ids('vélo')).toContain(bike.id);
    expect(await ids('ECOLE')).toContain(bike.id);
    expect(await ids('coeur volant')).toContain(heart.id);
    expect(await ids('velo')).not.toContain(heart.id);
  });
});
