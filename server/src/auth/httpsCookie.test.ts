import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, connectSocket, createStaff, PASSWORD, startTestServer, type TestServer } from '../test/harness.ts';

/** Production's configuration: browsers reach Vigie over https, the server itself speaks plain HTTP behind the proxy. */
const HTTPS_ORIGIN = 'https://vigie.test';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ PUBLIC_URL: HTTPS_ORIGIN });
});
afterAll(async () => {
  await t?.stop();
});

const send = (method: string, path: string, cookie: string | null, body?: unknown) =>
  fetch(t.base + path, {
    method,
    headers: { origin: HTTPS_ORIGIN, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('session cookie behind https', () => {
  it('signs in, is recognised, signs out and is refused afterwards with one __Host- cookie name', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const login = await send('POST', '/api/auth/login', null, { email: officer.email, password: PASSWORD });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-vigie_session=[^;]+;/);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = setCookie.split(';')[0]!;

    expect((await send('GET', '/api/auth/me', cookie)).status).toBe(200);
    const socket = connectSocket(t.base, cookie, { origin: HTTPS_ORIGIN });
    await connected(socket);
    socket.close();

    const logout = await send('POST', '/api/auth/logout', cookie);
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^__Host-vigie_session=;.*Max-Age=0/i);
    const [row] = await t.sql`select revoked_at from sessions where staff_id = ${officer.id}`;
    expect(row!.revoked_at).not.toBeNull();
    expect((await send('GET', '/api/auth/me', cookie)).status).toBe(401);
  });

  it('ignores a cookie named without the __Host- prefix', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const login = await send('POST', '/api/auth/login', null, { email: officer.email, password: PASSWORD });
    const token = login.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    expect((await send('GET', '/api/auth/me', `vigie_session=${token}`)).status).toBe(401);
  });
});
