import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from './client.ts';
import { createFanOut, wirePayloads, type FanOutMessage } from './fanout.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

const live = (event_id: number): FanOutMessage => ({ kind: 'live', event_id });

describe('fan-out between two processes on PostgreSQL', () => {
  let db: TestDatabase;
  let other: Database;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    other = await connectDatabase({ url: db.url, max: 2 });
  });
  afterAll(async () => {
    await other.close();
    await db.destroy();
  });

  it('delivers a message once to its own process, at once, and once to the other', async () => {
    const [a, b] = [createFanOut(db), createFanOut(other)];
    const got = { a: [] as FanOutMessage[], b: [] as FanOutMessage[] };
    const stops = [await a.subscribe((m) => got.a.push(m)), await b.subscribe((m) => got.b.push(m))];
    try {
      const sent = a.publish({ kind: 'live', event_id: 7 });
      expect(got.a).toHaveLength(1); // before any round trip
      await sent;
      await expect.poll(() => got.b.length).toBe(1);
      expect(got.b[0]).toEqual({ kind: 'live', event_id: 7 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(got.a).toHaveLength(1); // its own NOTIFY came back and was skipped
    } finally {
      for (const stop of stops) await stop();
    }
  });

  it('carries a burst of 2,000 messages published in one turn, all of them, in order, in few NOTIFYs', async () => {
    const [a, b] = [createFanOut(db), createFanOut(other)];
    const got: number[] = [];
    const stop = await b.subscribe((m) => m.kind === 'live' && got.push(m.event_id));
    try {
      const ids = Array.from({ length: 2_000 }, (_, i) => i + 1);
      await Promise.all(ids.map((id) => a.publish(live(id))));
      await expect.poll(() => got.length, { timeout: 5000 }).toBe(2_000);
      expect(got).toEqual(ids);
    } finally {
      await stop();
    }
  });
});

describe('wirePayloads', () => {
  it('keeps every payload under the 8,000 bytes PostgreSQL accepts, losing nothing', () => {
    const messages = Array.from({ length: 3_000 }, (_, i) => live(1_000_000 + i));
    const payloads = wirePayloads('origin', messages);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.length).toBeLessThan(20);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    expect(payloads.flatMap((p) => (JSON.parse(p) as { messages: Array<{ event_id: number }> }).messages.map((m) => m.event_id)))
      .toEqual(messages.map((m) => (m as { event_id: number }).event_id));
  });
});

describe('publishing after a commit', () => {
  it('never rejects when NOTIFY fails: it retries with backoff, then reports and gives up', async () => {
    const failing = { engine: 'postgres', sql: { notify: async () => { throw new Error('connection terminated'); } } } as unknown as Database;
    const errors: Array<{ attempt: number; givenUp: boolean }> = [];
    const fanOut = createFanOut(failing, { attempts: 3, retryDelayMs: 1, onError: (_e, attempt, givenUp) => errors.push({ attempt, givenUp }) });
    await expect(fanOut.publish(live(1))).resolves.toBeUndefined();
    expect(errors).toEqual([{ attempt: 1, givenUp: false }, { attempt: 2, givenUp: false }, { attempt: 3, givenUp: true }]);
  });

  it('delivers once NOTIFY works again within its attempts', async () => {
    let calls = 0;
    const flaky = { engine: 'postgres', sql: { notify: async () => { if (++calls < 3) throw new Error('down'); } } } as unknown as Database;
    const errors: boolean[] = [];
    await createFanOut(flaky, { attempts: 5, retryDelayMs: 1, onError: (_e, _a, givenUp) => errors.push(givenUp) }).publish(live(2));
    expect(calls).toBe(3);
    expect(errors).toEqual([false, false]);
  });
});
