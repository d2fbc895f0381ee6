import { testEngine } from '@vigie/db/testing';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, connectSocket, createSector, createStaff, signIn, startTestServer, waitFor, type Client, type TestServer } from '../test/harness.ts';
import { recordLiveEvent } from './events.ts';

type Resynced = { events: Array<{ event_id: number; name: string; record: { id: number; description?: string } }>; truncated: boolean };

/**
 * A writer that took its position first may commit last. Needs a second session, which the
 * embedded engine (one session) does not have: there every transaction commits in order anyway.
 */
describe.skipIf(testEngine() !== 'postgres')('live events follow commit order', () => {
  let t: TestServer;
  let officer: Client;
  let socket: Socket;
  const report = { category: 'vandalism', description: 'Tags sur la façade', lat: 48.7794, lng: 2.3162 };

  beforeAll(async () => {
    t = await startTestServer();
    await createSector(t.sql);
    officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
    socket = connectSocket(t.base, officer.cookie);
    await connected(socket);
  });
  afterAll(async () => {
    socket?.close();
    await t?.stop();
  });

  it('never lets a resync step over a transaction that commits after a later one was delivered', async () => {
    const baseline = waitFor<{ event_id: number }>(socket, 'report:created');
    const { body: first } = await officer.json<{ id: number }>('POST', '/api/reports', report);
    const since = (await baseline).event_id;

    // T1 writes its event and stays open; T2 (an officer's report) commits meanwhile.
    let commitSlow!: () => void;
    let written!: () => void;
    const slowWritten = new Promise<void>((resolve) => (written = resolve));
    const slow = t.sql.begin(async (tx) => {
      await recordLiveEvent(tx, 'report:updated', 'reports', first.id, { id: first.id, description: 'slow' });
      written();
      await new Promise<void>((resolve) => (commitSlow = resolve));
    });
    await slowWritten;
    const fast = await officer.json<{ id: number }>('POST', '/api/reports', { ...report, description: 'fast' });
    expect(fast.status).toBe(201);

    // What a client reconnecting now would get, and the cursor it would keep.
    const during = (await socket.timeout(5000).emitWithAck('live:resync', { since })) as Resynced;
    const cursor = Math.max(since, ...during.events.map((e) => e.event_id));

    const live: [Promise<{ event_id: number; record: { description: string } }>, Promise<{ event_id: number; record: { description: string } }>] = [waitFor<{ event_id: number; record: { description: string } }>(socket, 'report:updated'), waitFor<{ event_id: number; record: { description: string } }>(socket, 'report:created')];
    commitSlow();
    await slow;
    const after = (await socket.timeout(5000).emitWithAck('live:resync', { since: cursor })) as Resynced;
    expect(after.events.map((e) => e.record.description)).toContain('slow');

    // Live delivery keeps the same order: the slow event first, since its transaction began first.
    const [slowEvent, fastEvent] = await Promise.all(live);
    expect(slowEvent.record.description).toBe('slow');
    expect(fastEvent.record.description).toBe('fast');
    expect(slowEvent.event_id).toBeLessThan(fastEvent.event_id);
    expect(slowEvent.event_id).toBeGreaterThan(since);
  });
});
