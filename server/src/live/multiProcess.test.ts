import { connectDatabase, type Database } from '@vigie/db';
import { testEngine } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../bootstrap.ts';
import { parseEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { adminClient, createPartner, postIntake, validPayload, type TestPartner } from '../routes/intake/testing.ts';
import { connected, connectSocket, createStaff, ORIGIN, signIn, startTestServer, type TestServer } from '../test/harness.ts';

/**
 * Two server processes on one PostgreSQL database, as a production deployment behind a load
 * balancer runs (the second server lives in this process, but shares nothing with the first but
 * the database). The embedded engine is single-process by design.
 */
describe.skipIf(testEngine() !== 'postgres')('two server processes on one database', () => {
  let a: TestServer;
  let bDb: Database;
  let b: Running;
  let partner: TestPartner;

  beforeAll(async () => {
    a = await startTestServer();
    bDb = await connectDatabase({ url: a.db.url, max: 3 });
    const env = parseEnv({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', VIGIE_DEMO: '0', PUBLIC_URL: ORIGIN });
    b = await startServer(bDb, env, createLogger('silent'), { adminDist: null, sweepMs: 500, partnerWebhooks: false });
    partner = await createPartner(a);
  });

  afterAll(async () => {
    await b?.stop();
    await bDb?.close();
    await a?.stop();
  });

  it('pushes a report received by one process to the officers connected to either, once each', async () => {
    const officer = await signIn(a.base, (await createStaff(a.sql, 'officer')).email);
    const onA = connectSocket(a.base, officer.cookie);
    const onB = connectSocket(b.url, officer.cookie);
    try {
      await Promise.all([connected(onA), connected(onB)]);
      const received = { a: [] as number[], b: [] as number[] };
      onA.on('report:created', (e: { event_id: number }) => received.a.push(e.event_id));
      onB.on('report:created', (e: { event_id: number }) => received.b.push(e.event_id));

      const first = await postIntake<{ id: number }>(a.base, partner, validPayload());
      const second = await postIntake<{ id: number }>(b.url, partner, validPayload());
      expect([first.status, second.status]).toEqual([201, 201]);

      await expect.poll(() => received.a.length + received.b.length, { timeout: 5000 }).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 300)); // a duplicate would arrive by now
      expect(received.a).toHaveLength(2);
      expect(received.b).toHaveLength(2);
      expect(received.a.sort()).toEqual(received.b.sort());
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('stops a partner disabled on one process at once on the other, though it had cached it', async () => {
    expect((await postIntake(b.url, partner, validPayload())).status).toBe(201); // b now holds the partner
    const admin = await adminClient(a);
    expect((await admin.json('PUT', `/api/partners/${partner.id}`, { disabled: true })).status).toBe(200);
    await expect.poll(async () => (await postIntake(b.url, partner, validPayload())).status, { timeout: 2000, interval: 50 }).toBe(401);
    expect((await admin.json('PUT', `/api/partners/${partner.id}`, { disabled: false })).status).toBe(200);
    await expect.poll(async () => (await postIntake(b.url, partner, validPayload())).status, { timeout: 2000, interval: 50 }).toBe(201);
  });
});
