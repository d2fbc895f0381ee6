import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient } from 'socket.io-client';
import { client, connected, createStaff, ORIGIN, PASSWORD, startTestServer, type TestServer } from '../test/harness.ts';

/** One reverse proxy in front (TRUST_PROXY=1): it appends the address it saw to X-Forwarded-For. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ TRUST_PROXY: '1' });
});
afterAll(async () => {
  await t?.stop();
});

const login = (email: string, password: string, forwardedFor: string) =>
  client(t.base).request('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': forwardedFor } });

describe('TRUST_PROXY=1', () => {
  it('audits the address the proxy appended, not the one the client wrote first', async () => {
    const officer = await createStaff(t.sql, 'officer');
    expect((await login(officer.email, PASSWORD, '6.6.6.6, 203.0.113.9')).status).toBe(200);
    const [audit] = await t.sql`select ip from audit_log where staff_id = ${officer.id} and action = 'sign_in'`;
    expect(audit!.ip).toBe('203.0.113.9');
    const [session] = await t.sql`select ip from sessions where staff_id = ${officer.id}`;
    expect(session!.ip).toBe('203.0.113.9');
  });

  it('throttles by the real client address however the client forges the left of the header', async () => {
    const officer = await createStaff(t.sql, 'officer');
    for (let i = 0; i < 5; i++) expect((await login(officer.email, 'guessing wrongly 123', `10.9.9.${i}, 198.51.100.7`)).status).toBe(401);
    expect((await login(officer.email, 'guessing wrongly 123', '10.9.9.99, 198.51.100.7')).status).toBe(429);
    // the same account from another real address is not locked out
    expect((await login(officer.email, PASSWORD, '198.51.100.8')).status).toBe(200);
  });

  it('reads socket handshakes through the same rule', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const res = await login(officer.email, PASSWORD, '192.0.2.50');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const socket = ioClient(t.base, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie, origin: ORIGIN, 'x-forwarded-for': '6.6.6.6, 192.0.2.51' },
    });
    await connected(socket);
    const [remote] = await t.running.live.io.fetchSockets();
    expect(remote!.data.ip).toBe('192.0.2.51');
    socket.close();
  });
});
