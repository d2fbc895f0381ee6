import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let supervisor: Client;
let supervisorId: number;

beforeAll(async () => {
  t = await startTestServer();
  const staff = await createStaff(t.sql, 'supervisor');
  supervisorId = staff.id;
  supervisor = await signIn(t.base, staff.email);
});
afterAll(async () => {
  await t?.stop();
});

describe('GET /api/audit_log/export.csv', () => {
  it('streams the filtered log with a BOM and French headers, and audits itself', async () => {
    const filter = encodeURIComponent(JSON.stringify({ staff_id: supervisorId }));
    const res = await supervisor.request('GET', `/api/audit_log/export.csv?filter=${filter}&sort=${encodeURIComponent('["id","ASC"]')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="journal-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFN°;Date;N° de l’agent;Agent;Action;Ressource;Enregistrement;Adresse IP');
    // Its sign-in, then this very export: the entry is written before the rows are read.
    const [{ full_name }] = await t.sql<[{ full_name: string }]>`select full_name from staff where id = ${supervisorId}`;
    expect(lines.slice(1).map((l) => l.split(';').slice(2, 6).join(';'))).toEqual([
      `${supervisorId};${full_name};sign_in;auth`,
      `${supervisorId};${full_name};export;audit_log`,
    ]);
  });

  it('is for supervisors and admins only, and checks its filter', async () => {
    const officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
    expect((await officer.request('GET', '/api/audit_log/export.csv')).status).toBe(403);
    const admin = await signIn(t.base, (await createStaff(t.sql, 'admin')).email);
    expect((await admin.request('GET', '/api/audit_log/export.csv')).status).toBe(200);
    const bad = await supervisor.json<{ errors: Record<string, string> }>('GET', `/api/audit_log/export.csv?filter=${encodeURIComponent('{"at_gte":"hier"}')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.at_gte).toBe('Date invalide (AAAA-MM-JJ ou ISO 8601).');
  });
});
