import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@vigie/shared';
import { createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let admin: Client;
let supervisor: Client;
let karim: { id: number; email: string };

const entries = async (who: Client, filter: Record<string, unknown>) => {
  const res = await who.json<AuditEntry[]>('GET', `/api/audit_log?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["id","ASC"]')}`);
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.base, (await createStaff(t.sql, 'admin')).email);
  supervisor = await signIn(t.base, (await createStaff(t.sql, 'supervisor')).email);
  karim = await createStaff(t.sql, 'officer');
  await t.sql`update staff set full_name = 'Karim Benali' where id = ${karim.id}`;
});
afterAll(async () => {
  await t?.stop();
});

describe('the audit log in words', () => {
  it('records disabling and re-enabling an account as their own actions, named after the account', async () => {
    expect((await admin.json('PUT', `/api/staff/${karim.id}`, { disabled: true })).status).toBe(200);
    expect((await admin.json('PUT', `/api/staff/${karim.id}`, { disabled: false, full_name: 'Karim Benali' })).status).toBe(200);
    expect((await admin.json('PUT', `/api/staff/${karim.id}`, { role: 'supervisor' })).status).toBe(200);
    expect((await admin.json('PUT', `/api/staff/${karim.id}`, { password: 'Blagis-Ravon-2026-quai' })).status).toBe(200);
    expect((await admin.json('PUT', `/api/staff/${karim.id}`, { full_name: 'K. Benali', role: 'officer' })).status).toBe(200);
    expect((await admin.json('PUT', `/api/staff/${karim.id}`, { full_name: 'Karim Benali' })).status).toBe(200);
    const rows = await entries(supervisor, { resource: 'staff', record_id: String(karim.id) });
    expect(rows.map((r) => [r.action, r.target_name])).toEqual([
      ['suspend', 'Karim Benali'],
      ['reinstate', 'Karim Benali'],
      ['change_role', 'Karim Benali'],
      ['reset_password', 'Karim Benali'],
      ['change_role', 'Karim Benali'],
      ['update', 'Karim Benali'],
      ['update', 'Karim Benali'],
    ]);
    const suspended = await entries(supervisor, { event: 'staff.suspend', record_id: String(karim.id) });
    expect(suspended.map((r) => r.action)).toEqual(['suspend']);
  });

  it('names sectors and templates, never residents', async () => {
    const sector = await admin.json<{ id: number }>('POST', '/api/neighbourhoods', {
      name: 'Les Blagis',
      area: [[2.310, 48.776], [2.316, 48.776], [2.316, 48.782], [2.310, 48.782]],
    });
    expect(sector.status).toBe(201);
    const [sectorEntry] = await entries(supervisor, { resource: 'neighbourhoods', record_id: String(sector.body.id) });
    expect(sectorEntry).toMatchObject({ action: 'create', target_name: 'Les Blagis' });

    // Residents' records stay numbers, whatever exists under that id.
    await t.sql`insert into audit_log (staff_id, action, resource, record_id) values (null, 'read_personal_data', 'members', '424242')`;
    const [memberEntry] = await entries(supervisor, { resource: 'members', record_id: '424242' });
    expect(memberEntry).toMatchObject({ action: 'read_personal_data', target_name: null });
  });

  it('lets supervisors filter by author by name, like admins', async () => {
    const res = await supervisor.json<Array<{ id: number; full_name: string }>>('GET', `/api/audit_log/authors?filter=${encodeURIComponent('{"q":"benali"}')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: karim.id, full_name: 'Karim Benali' }]);
    expect(res.headers.get('content-range')).toBe('audit_log/authors 0-0/1');
    const officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
    expect((await officer.json('GET', '/api/audit_log/authors')).status).toBe(403);
  });
});
