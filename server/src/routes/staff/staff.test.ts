import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, connectSocket, createStaff, signIn, startTestServer, waitFor, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let admin: Client;
let adminId: number;

beforeAll(async () => {
  t = await startTestServer();
  const a = await createStaff(t.sql, 'admin');
  adminId = a.id;
  admin = await signIn(t.base, a.email);
});
afterAll(async () => {
  await t?.stop();
});

describe('staff accounts', () => {
  it('creates an account with a strong password and never returns the hash', async () => {
    const res = await admin.json<Record<string, unknown>>('POST', '/api/staff', {
      email: ' Camille.Dupont@Ville.fr ', full_name: 'Camille Dupont', role: 'officer', password: 'la patrouille part à minuit',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'camille.dupont@ville.fr', role: 'officer', disabled: false });
    expect(res.body).not.toHaveProperty('password_hash');
    expect((await signIn(t.base, 'camille.dupont@ville.fr', 'la patrouille part à minuit')).cookie).toBeTruthy();
  });

  it('refuses short, common and overlong passwords with a message on the field', async () => {
    for (const password of ['court', 'password1234', '123456789012', 'x'.repeat(129)]) {
      const res = await admin.json<{ errors: Record<string, string> }>('POST', '/api/staff', { email: `p${password.length}@ville.fr`, full_name: 'P', role: 'officer', password });
      expect(res.status, password).toBe(400);
      expect(res.body.errors).toHaveProperty('password');
    }
  });

  it('answers 409 for a duplicate e-mail and 400 for an unknown role', async () => {
    const dup = await admin.json<{ errors: Record<string, string> }>('POST', '/api/staff', { email: 'camille.dupont@ville.fr', full_name: 'Other', role: 'officer', password: 'une autre phrase de passe' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toHaveProperty('email');
    const role = await admin.json<{ errors: Record<string, string> }>('POST', '/api/staff', { email: 'r@ville.fr', full_name: 'R', role: 'mayor', password: 'une autre phrase de passe' });
    expect(role.status).toBe(400);
    expect(role.body.errors).toHaveProperty('role');
  });

  it('refuses to disable or demote oneself, and to leave no active admin', async () => {
    expect((await admin.json('PUT', `/api/staff/${adminId}`, { disabled: true })).status).toBe(409);
    expect((await admin.json('PUT', `/api/staff/${adminId}`, { role: 'officer' })).status).toBe(409);
    const [{ n }] = (await t.sql`select count(*)::int as n from staff where role = 'admin' and not disabled`) as unknown as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it('ends every session and closes open sockets within 5 s when an account is disabled', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const c = await signIn(t.base, officer.email);
    const socket = connectSocket(t.base, c.cookie);
    await connected(socket);
    const ended = waitFor<{ reason: string }>(socket, 'session:ended', 5000);
    const disconnected = waitFor<string>(socket, 'disconnect', 5000);
    const started = Date.now();
    expect((await admin.json('PUT', `/api/staff/${officer.id}`, { disabled: true })).status).toBe(200);
    expect((await ended).reason).toBe('disabled');
    await disconnected;
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await c.json('GET', '/api/auth/me')).status).toBe(401);
    socket.close();
  });

  it('ends sessions when the role changes', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const c = await signIn(t.base, officer.email);
    const socket = connectSocket(t.base, c.cookie);
    await connected(socket);
    const ended = waitFor<{ reason: string }>(socket, 'session:ended', 5000);
    expect((await admin.json('PUT', `/api/staff/${officer.id}`, { role: 'townhall' })).status).toBe(200);
    expect((await ended).reason).toBe('role_changed');
    expect((await c.json('GET', '/api/auth/me')).status).toBe(401);
    socket.close();
  });

  it('audits account changes', async () => {
    const rows = await t.sql`select action from audit_log where resource = 'staff' and staff_id = ${adminId}`;
    expect(rows.map((r) => r.action)).toContain('create');
    expect(rows.map((r) => r.action)).toContain('change_role');
  });
});
