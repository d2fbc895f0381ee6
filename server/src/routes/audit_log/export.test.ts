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
  it('streams the filtered log with a BOM, French headers and the sentence the screen shows, and audits itself', async () => {
    const officer = await createStaff(t.sql, 'officer');
    await t.sql`update staff set full_name = 'Karim Benali' where id = ${officer.id}`;
    const [resident] = await t.sql<[{ id: number }]>`
      insert into members (full_name, address, email, status, channels) values ('Jeanne Martin', '3 rue Ravon', 'jeanne@example.test', 'approved', '{email}') returning id`;
    await t.sql`insert into audit_log (staff_id, action, resource, record_id) values
      (${supervisorId}, 'update', 'reports', '42'),
      (${supervisorId}, 'suspend', 'staff', ${String(officer.id)}),
      (${supervisorId}, 'approve', 'members', ${String(resident.id)})`;
    const filter = encodeURIComponent(JSON.stringify({ staff_id: supervisorId }));
    const res = await supervisor.request('GET', `/api/audit_log/export.csv?filter=${filter}&sort=${encodeURIComponent('["id","ASC"]')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="journal-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFN°;Date;N° de l’agent;Agent;Ce qui s’est passé;Concerne;Enregistrement;Adresse IP;Code de l’événement');
    // Its sign-in, the entries above, then this very export: the entry is written before the rows are read.
    const [{ full_name }] = await t.sql<[{ full_name: string }]>`select full_name from staff where id = ${supervisorId}`;
    expect(lines.slice(1).map((l) => l.split(';').slice(2, 7).concat(l.split(';')[8]!).join(';'))).toEqual([
      `${supervisorId};${full_name};Connexion;Connexions;;auth.sign_in`,
      `${supervisorId};${full_name};Signalement modifié : signalement n° 42;Signalements;42;reports.update`,
      `${supervisorId};${full_name};Compte désactivé : Karim Benali;Comptes agents;${officer.id};staff.suspend`,
      `${supervisorId};${full_name};Inscription acceptée : voisin n° ${resident.id};Voisins vigilants;${resident.id};members.approve`,
      `${supervisorId};${full_name};Export CSV du journal d’audit;Journal d’audit;;audit_log.export`,
    ]);
    // A resident's name is never in the log, not even as the name of what an entry is about.
    expect(text).not.toContain('Jeanne Martin');
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
