import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { QUEUES } from './queue.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const jobsOf = async (marker: string) =>
  (await t.sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.partnerWebhooks.name} and data->>'marker' = ${marker}`)[0]!.n as number;

describe('the job queue (pg-boss over postgres.js)', () => {
  it('keeps a job sent in a transaction that rolled back out of the queue', async () => {
    const queue = t.running.deps.queue;
    await t.sql
      .begin(async (tx) => {
        await queue.send(tx, QUEUES.partnerWebhooks.name, { marker: 'rolled-back' }, { singletonKey: 'test-rb' });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await jobsOf('rolled-back')).toBe(0);
  });

  it('holds a job sent in a committed transaction, and runs it', async () => {
    const queue = t.running.deps.queue;
    await t.sql.begin(async (tx) => {
      await queue.send(tx, QUEUES.partnerWebhooks.name, { marker: 'committed' }, { singletonKey: 'test-c' });
    });
    expect(await jobsOf('committed')).toBe(1);
    const [job] = await queue.boss.fetch<{ marker: string }>(QUEUES.partnerWebhooks.name);
    expect(job?.data.marker).toBe('committed');
    await queue.boss.complete(QUEUES.partnerWebhooks.name, job!.id);
  });

  it('inserts many jobs in one statement inside a transaction', async () => {
    const queue = t.running.deps.queue;
    await t.sql.begin(async (tx) => {
      await queue.insert(tx, QUEUES.broadcastSend.name, Array.from({ length: 50 }, (_, i) => ({ data: { marker: `bulk-${i}` } })));
    });
    const [row] = await t.sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.broadcastSend.name} and data->>'marker' like 'bulk-%'`;
    expect(row!.n).toBe(50);
  });
});
