import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, connectSocket, createSector, createStaff, signIn, startTestServer, waitFor, type Client, type TestServer } from '../test/harness.ts';

let t: TestServer;
let officer: Client;
let townhall: Client;
const sockets: Socket[] = [];
const open = async (cookie: string) => {
  const socket = connectSocket(t.base, cookie);
  sockets.push(socket);
  await connected(socket);
  return socket;
};
const report = { category: 'burglary_attempt', description: 'Porte forcée au 12', lat: 48.7794, lng: 2.3162 };

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t?.stop();
});

describe('socket.io handshake', () => {
  it('refuses a connection without a session cookie', async () => {
    const socket = connectSocket(t.base, null);
    sockets.push(socket);
    await expect(connected(socket)).rejects.toThrow(/unauthorized/);
  });

  it('refuses a forged cookie and a foreign origin', async () => {
    const forged = connectSocket(t.base, 'vigie_session=AAAA');
    sockets.push(forged);
    await expect(connected(forged)).rejects.toThrow(/unauthorized/);
    const foreign = connectSocket(t.base, officer.cookie, { origin: 'https://evil.example' });
    sockets.push(foreign);
    await expect(connected(foreign)).rejects.toThrow();
  });

  it('refuses a connection once the session is signed out', async () => {
    const c = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
    const socket = await open(c.cookie);
    const ended = waitFor(socket, 'session:ended');
    await c.request('POST', '/api/auth/logout');
    await ended;
    const again = connectSocket(t.base, c.cookie);
    sockets.push(again);
    await expect(connected(again)).rejects.toThrow(/unauthorized/);
  });
});

describe('connection state recovery', () => {
  it('checks the session again when a dropped connection recovers', async () => {
    const staff = await createStaff(t.sql, 'officer');
    const c = await signIn(t.base, staff.email);
    const { io: ioClient } = await import('socket.io-client');
    const socket = ioClient(t.base, { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 100, extraHeaders: { cookie: c.cookie } });
    sockets.push(socket);
    await connected(socket);
    // Revoke behind the server's back (no fan-out), then drop the transport: the client retries
    // with its recovery token, and the handshake must still refuse the dead session.
    await t.sql`update sessions set revoked_at = now() where staff_id = ${staff.id}`;
    const refused = new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.io.engine.close();
    expect((await refused).message).toBe('unauthorized');
    expect(socket.connected).toBe(false);
  });
});

describe('report events', () => {
  it('pushes report:created and report:updated to police sockets with the report as REST returns it', async () => {
    const socket = await open(officer.cookie);
    const created = waitFor<{ event_id: number; date: string; record: Record<string, unknown> }>(socket, 'report:created');
    const res = await officer.json<Record<string, unknown>>('POST', '/api/reports', report);
    const event = await created;
    const { reporter_name: _n, reporter_phone: _p, ...asListed } = res.body;
    expect(event.record).toEqual(asListed);
    expect(event.event_id).toBeGreaterThan(0);
    const updated = waitFor<{ record: Record<string, unknown> }>(socket, 'report:updated');
    await officer.json('PUT', `/api/reports/${res.body.id}`, { status: 'acknowledged' });
    expect((await updated).record).toMatchObject({ id: res.body.id, status: 'acknowledged' });
  });

  it('sends no triage event to a town-hall socket', async () => {
    const clerk = await open(townhall.cookie);
    const police = await open(officer.cookie);
    const received: string[] = [];
    clerk.onAny((name: string) => received.push(name));
    const seen = waitFor(police, 'report:created');
    await officer.json('POST', '/api/reports', report);
    await seen;
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([]);
  });

  it('replays what a client missed since its last event id, scoped by role', async () => {
    const socket = await open(officer.cookie);
    const first = waitFor<{ event_id: number }>(socket, 'report:created');
    await officer.json('POST', '/api/reports', report);
    const { event_id: since } = await first;
    for (let i = 0; i < 3; i++) await officer.json('POST', '/api/reports', { ...report, description: `Missed ${i}` });
    const reply = await socket.timeout(5000).emitWithAck('live:resync', { since });
    expect(reply.truncated).toBe(false);
    expect(reply.events.filter((e: { name: string }) => e.name === 'report:created').map((e: { record: { description: string } }) => e.record.description)).toEqual(['Missed 0', 'Missed 1', 'Missed 2']);
    expect(new Set(reply.events.map((e: { event_id: number }) => e.event_id)).size).toBe(reply.events.length);

    const clerk = await open(townhall.cookie);
    const nothing = await clerk.timeout(5000).emitWithAck('live:resync', { since: 0 });
    expect(nothing.events).toEqual([]);
    const bad = await socket.timeout(5000).emitWithAck('live:resync', { since: 'yesterday' });
    expect(bad).toHaveProperty('error');
  });
});
