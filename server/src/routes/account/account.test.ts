import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, connectSocket, createStaff, PASSWORD, signIn, startTestServer, waitFor, type TestServer } from '../../test/harness.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

type Session = { id: string; current: boolean; ip: string | null; user_agent: string | null; created_at: string; last_seen_at: string };
const NEW_PASSWORD = 'la relève arrive à six heures';

describe('« Mon compte »', () => {
  it('changes the password, keeps this session and ends the others with their sockets', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const here = await signIn(t.base, officer.email);
    const elsewhere = await signIn(t.base, officer.email);
    const socket = connectSocket(t.base, elsewhere.cookie);
    await connected(socket);
    const ended = waitFor<{ reason: string }>(socket, 'session:ended', 5000);
    const disconnected = waitFor<string>(socket, 'disconnect', 5000);

    const res = await here.json('POST', '/api/account/password', { current_password: PASSWORD, new_password: NEW_PASSWORD });
    expect(res.status).toBe(204);
    expect((await ended).reason).toBe('revoked');
    await disconnected;
    expect((await here.json('GET', '/api/auth/me')).status).toBe(200);
    expect((await elsewhere.json('GET', '/api/auth/me')).status).toBe(401);
    await expect(signIn(t.base, officer.email)).rejects.toThrow(/401/);
    expect((await signIn(t.base, officer.email, NEW_PASSWORD)).cookie).toBeTruthy();
    const [entry] = await t.sql`select action, resource, record_id from audit_log where staff_id = ${officer.id} and resource = 'account' order by id desc limit 1`;
    expect(entry).toMatchObject({ action: 'update', resource: 'account', record_id: String(officer.id) });
    socket.close();
  });

  it('refuses a wrong current password on its field and leaves the password as it was', async () => {
    const officer = await createStaff(t.sql, 'supervisor');
    const me = await signIn(t.base, officer.email);
    const res = await me.json<{ errors: Record<string, string> }>('POST', '/api/account/password', { current_password: 'pas le bon mot de passe', new_password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.errors.current_password).toMatch(/incorrect/);
    expect((await signIn(t.base, officer.email)).cookie).toBeTruthy();
  });

  it('applies the password policy to the new password', async () => {
    const admin = await createStaff(t.sql, 'admin');
    const me = await signIn(t.base, admin.email);
    for (const new_password of ['court', 'password1234', PASSWORD]) {
      const res = await me.json<{ errors: Record<string, string> }>('POST', '/api/account/password', { current_password: PASSWORD, new_password });
      expect(res.status, new_password).toBe(400);
      expect(res.body.errors).toHaveProperty('new_password');
    }
    const empty = await me.json<{ errors: Record<string, string> }>('POST', '/api/account/password', {});
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.errors).sort()).toEqual(['current_password', 'new_password']);
  });

  it('throttles wrong current passwords like sign-in', async () => {
    const townhall = await createStaff(t.sql, 'townhall');
    const me = await signIn(t.base, townhall.email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await me.request('POST', '/api/account/password', { body: { current_password: `faux ${i}`, new_password: NEW_PASSWORD } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    const locked = await me.request('POST', '/api/account/password', { body: { current_password: PASSWORD, new_password: NEW_PASSWORD } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lists only one’s own active sessions, the current one flagged', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const other = await createStaff(t.sql, 'officer');
    const me = await signIn(t.base, officer.email);
    await signIn(t.base, officer.email);
    const them = await signIn(t.base, other.email);
    const res = await me.json<Session[]>('GET', '/api/account/sessions');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body.filter((s) => s.current)).toHaveLength(1);
    expect(res.body[0]!.current).toBe(true);
    const theirs = await them.json<Session[]>('GET', '/api/account/sessions');
    expect(theirs.body.map((s) => s.id)).not.toContain(res.body[0]!.id);
  });

  it('ends one of one’s own sessions, and answers 404 for someone else’s', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const other = await createStaff(t.sql, 'officer');
    const me = await signIn(t.base, officer.email);
    const phone = await signIn(t.base, officer.email);
    const them = await signIn(t.base, other.email);
    const mine = (await me.json<Session[]>('GET', '/api/account/sessions')).body;
    const phoneSession = mine.find((s) => !s.current)!;
    const theirId = (await them.json<Session[]>('GET', '/api/account/sessions')).body[0]!.id;

    expect((await me.request('DELETE', `/api/account/sessions/${theirId}`)).status).toBe(404);
    expect((await them.json('GET', '/api/auth/me')).status).toBe(200);
    expect((await me.request('DELETE', '/api/account/sessions/pas-un-uuid')).status).toBe(400);

    expect((await me.request('DELETE', `/api/account/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.json('GET', '/api/auth/me')).status).toBe(401);
    expect((await me.json('GET', '/api/auth/me')).status).toBe(200);
    expect((await me.request('DELETE', `/api/account/sessions/${phoneSession.id}`)).status).toBe(404);
  });
});
