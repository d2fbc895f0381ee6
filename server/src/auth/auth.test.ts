import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createStaff, ORIGIN, PASSWORD, signIn, startTestServer, type TestServer } from '../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Strict cookie holding a token stored only as its hash', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const res = await client(t.base).request('POST', '/api/auth/login', { body: { email: officer.email.toUpperCase(), password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: officer.id, full_name: expect.any(String), role: 'officer' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await t.sql`select token_hash from sessions where staff_id = ${officer.id}`;
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.token_hash as Uint8Array).equals(createHash('sha256').update(token).digest())).toBe(true);
  });

  it('issues a new token at every sign-in', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const a = await signIn(t.base, officer.email);
    const b = await signIn(t.base, officer.email);
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.json('GET', '/api/auth/me')).status).toBe(200);
    expect((await b.json('GET', '/api/auth/me')).status).toBe(200);
  });

  it('answers the same 401 for an unknown e-mail and a wrong password', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const wrong = await client(t.base).json('POST', '/api/auth/login', { email: officer.email, password: 'not the password at all' });
    const unknown = await client(t.base).json('POST', '/api/auth/login', { email: 'nobody@vigie.test', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a disabled account with the same message', async () => {
    const ghost = await createStaff(t.sql, 'officer', { disabled: true });
    const res = await client(t.base).json<{ message: string }>('POST', '/api/auth/login', { email: ghost.email, password: PASSWORD });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('E-mail ou mot de passe incorrect.');
  });

  it('answers 400 with per-field messages for a malformed body', async () => {
    const res = await client(t.base).json<{ errors: Record<string, string> }>('POST', '/api/auth/login', { email: '', password: 12 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['email', 'password']);
    const notJson = await client(t.base).request('POST', '/api/auth/login', { raw: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
  });

  it('records sign-ins and failures in the audit log without personal values', async () => {
    const officer = await createStaff(t.sql, 'officer');
    await client(t.base).json('POST', '/api/auth/login', { email: officer.email, password: 'wrong password here' });
    await signIn(t.base, officer.email);
    const rows = await t.sql`select action, resource, record_id from audit_log where staff_id = ${officer.id} order by id`;
    expect(rows.map((r) => r.action)).toEqual(['sign_in_failed', 'sign_in']);
    const all = await t.sql`select row_to_json(a)::text as j from audit_log a where staff_id = ${officer.id}`;
    for (const row of all) expect(row.j).not.toContain(officer.email);
  });
});

describe('throttling', () => {
  it('answers 429 with Retry-After after repeated failures, without locking the account for another IP', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const attempt = () => client(t.base).json('POST', '/api/auth/login', { email: officer.email, password: 'guessing wrongly 123' });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    // even the right password waits out the window from this address…
    expect((await client(t.base).json('POST', '/api/auth/login', { email: officer.email, password: PASSWORD })).status).toBe(429);
    // …but the officer at the station (another address) still signs in.
    await t.sql`update throttle set key = replace(key, '|', '|elsewhere-') where key like ${`acct-ip:${officer.email}|%`}`;
    expect((await client(t.base).json('POST', '/api/auth/login', { email: officer.email, password: PASSWORD })).status).toBe(200);
  });

  it('lets the account in again once the window has passed', async () => {
    const officer = await createStaff(t.sql, 'officer');
    for (let i = 0; i < 5; i++) await client(t.base).json('POST', '/api/auth/login', { email: officer.email, password: 'guessing wrongly 123' });
    expect((await client(t.base).json('POST', '/api/auth/login', { email: officer.email, password: PASSWORD })).status).toBe(429);
    await t.sql`update throttle set window_started_at = now() - interval '16 minutes' where key like ${`%${officer.email}%`}`;
    expect((await client(t.base).json('POST', '/api/auth/login', { email: officer.email, password: PASSWORD })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('returns the identity, and nothing once signed out', async () => {
    const supervisor = await createStaff(t.sql, 'supervisor');
    const c = await signIn(t.base, supervisor.email);
    const me = await c.json('GET', '/api/auth/me');
    expect(me.body).toEqual({ id: supervisor.id, full_name: expect.any(String), role: 'supervisor' });
    expect((await c.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await c.json('GET', '/api/auth/me')).status).toBe(401);
    const [row] = await t.sql`select revoked_at from sessions where staff_id = ${supervisor.id}`;
    expect(row!.revoked_at).not.toBeNull();
  });

  it('ends a session after the idle timeout and after its absolute lifetime', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const idle = await signIn(t.base, officer.email);
    await t.sql`update sessions set last_seen_at = now() - interval '3 hours' where staff_id = ${officer.id}`;
    expect((await idle.json('GET', '/api/auth/me')).status).toBe(401);
    const old = await signIn(t.base, officer.email);
    await t.sql`update sessions set expires_at = now() - interval '1 second' where staff_id = ${officer.id} and revoked_at is null`;
    expect((await old.json('GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses requests without a session', async () => {
    expect((await client(t.base).json('GET', '/api/auth/me')).status).toBe(401);
    expect((await client(t.base, 'vigie_session=forged').json('GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses unsafe requests from another origin whatever the content type', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const c = await signIn(t.base, officer.email);
    const evil = { origin: 'https://evil.example' };
    expect((await c.request('POST', '/api/auth/logout', { headers: evil })).status).toBe(403);
    expect((await c.request('POST', '/api/reports', { headers: { ...evil, 'content-type': 'text/plain' }, raw: '{}' })).status).toBe(403);
    expect((await c.request('POST', '/api/reports', { headers: { ...evil, 'content-type': 'application/json' }, raw: '{}' })).status).toBe(403);
    expect((await c.request('POST', '/api/reports', { headers: { 'sec-fetch-site': 'cross-site' }, raw: '{}' })).status).toBe(403);
    expect((await c.request('POST', '/api/reports', { headers: { 'sec-fetch-site': 'same-site' }, raw: '{}' })).status).toBe(403);
    // a cookie-bearing request with neither Origin nor Sec-Fetch-Site is refused too
    const bare = await fetch(`${t.base}/api/auth/logout`, { method: 'POST', headers: { cookie: c.cookie } });
    expect(bare.status).toBe(403);
    expect((await c.json('GET', '/api/auth/me')).status).toBe(200);
  });

  it('accepts same-origin requests', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const c = await signIn(t.base, officer.email);
    expect((await c.request('POST', '/api/auth/logout', { headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' } })).status).toBe(204);
  });
});
