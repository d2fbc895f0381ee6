import { randomUUID } from 'node:crypto';
import { TEST_ADMIN_URL, testEngine } from '@vigie/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let officer: Client;
let officerId: number;
const report = (description: string) => ({ category: 'vandalism', description, lat: 48.7794, lng: 2.3162, source: 'phone' });
const post = (body: unknown, key?: string) =>
  officer.request('POST', '/api/reports', { body, headers: key === undefined ? {} : { 'idempotency-key': key } });
const rowsWithKey = async (key: string) => (await t.sql`select id from reports where created_by = ${officerId} and idempotency_key = ${key}`).map((r) => r.id as number);

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  const staff = await createStaff(t.sql, 'officer');
  officerId = staff.id;
  officer = await signIn(t.base, staff.email);
});
afterAll(async () => {
  await t?.stop();
});

describe('POST /api/reports with an Idempotency-Key', () => {
  it('stores a retried submission once and answers it 200 with the same report', async () => {
    const key = randomUUID();
    const first = await post(report('Tags sur le mur du gymnase'), key);
    expect(first.status).toBe(201);
    const again = await post(report('Tags sur le mur du gymnase'), key);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: number }).id).toBe(((await first.json()) as { id: number }).id);
    expect(await rowsWithKey(key)).toHaveLength(1);
  });

  it('refuses the same key with another body (422) and writes nothing', async () => {
    const key = `saisie-${randomUUID()}`;
    expect((await post(report('Vitre brisée'), key)).status).toBe(201);
    const [{ n: before }] = (await t.sql`select count(*)::int as n from reports`) as unknown as [{ n: number }];
    const other = await post(report('Autre chose'), key);
    expect(other.status).toBe(422);
    expect(((await other.json()) as { errors: object }).errors).toHaveProperty('Idempotency-Key');
    const [{ n: after }] = (await t.sql`select count(*)::int as n from reports`) as unknown as [{ n: number }];
    expect(after).toBe(before);
  });

  it('keeps keys per staff member: a colleague may use the same key', async () => {
    const key = randomUUID();
    const colleague = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
    expect((await post(report('Poubelles renversées'), key)).status).toBe(201);
    expect((await colleague.request('POST', '/api/reports', { body: report('Autre saisie'), headers: { 'idempotency-key': key } })).status).toBe(201);
  });

  it.each([[''], ['x'.repeat(201)], ['clé-accentuée'], ['tab\there']])('refuses the malformed key %j with a 400', async (key) => {
    const res = await post(report('Clé invalide'), key);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: object }).errors).toHaveProperty('Idempotency-Key');
  });
});

describe('a committed create never answers 500', () => {
  it('answers 201 when the fan-out after commit throws, and every answer is one row', async () => {
    const fanOut = t.running.deps.fanOut;
    const publish = fanOut.publish;
    (fanOut as { publish: unknown }).publish = () => {
      throw new Error('NOTIFY failed: connection terminated');
    };
    try {
      const keys = Array.from({ length: 8 }, () => randomUUID());
      const statuses = await Promise.all(keys.map(async (key, i) => (await post(report(`Panne de fan-out ${i}`), key)).status));
      expect(statuses).toEqual(keys.map(() => 201));
      for (const key of keys) expect(await rowsWithKey(key)).toHaveLength(1);
    } finally {
      (fanOut as { publish: unknown }).publish = publish;
    }
  });

  it.skipIf(testEngine() !== 'postgres')('stores each submission once while the database connections are killed, retries included', async () => {
    const admin = postgres(TEST_ADMIN_URL, { max: 1, onnotice: () => {} });
    const database = new URL(t.db.url).pathname.slice(1);
    let killing = true;
    let kills = 0;
    // Six rounds of killing every connection of the server, a fifth of a second apart, then none.
    const killer = (async () => {
      for (let round = 0; round < 6 && killing; round++) {
        const killed = await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
        kills += killed.length;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    // A dashboard that retries the same submission (same key) until it gets an answer.
    const submit = async (i: number) => {
      const key = randomUUID();
      const answers: number[] = [];
      for (let attempt = 0; attempt < 100; attempt++) {
        const status = await post(report(`Sous panne ${i}`), key).then((r) => r.status, () => 0);
        answers.push(status);
        if (status >= 200 && status < 300) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { key, answers };
    };
    try {
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(i)));
      killing = false;
      await killer;
      expect(kills).toBeGreaterThan(0);
      for (const { key, answers } of results) {
        expect(answers.at(-1)).toBeGreaterThanOrEqual(200);
        expect(answers.at(-1)).toBeLessThan(300);
        expect(answers.filter((s) => s === 201).length).toBeLessThanOrEqual(1);
        expect(await rowsWithKey(key)).toHaveLength(1);
      }
    } finally {
      killing = false;
      await killer.catch(() => undefined);
      await admin.end({ timeout: 5 });
    }
  });
});
