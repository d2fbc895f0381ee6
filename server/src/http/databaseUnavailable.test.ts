import { isDatabaseUnavailable } from '@vigie/db';
import { testEngine } from '@vigie/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../test/harness.ts';

/**
 * A request whose database connection is killed under it (a restart, a failover, an operator's
 * pg_terminate_backend) answers 503 with Retry-After, never 500: it was not wrong, and its retry
 * may succeed. Killing backends needs a real PostgreSQL.
 */
describe.skipIf(testEngine() !== 'postgres')('a request whose database connection dies', () => {
  let t: TestServer;
  let officer: Client;
  let blocker: postgres.Sql;
  beforeAll(async () => {
    t = await startTestServer();
    await createSector(t.sql);
    officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
    blocker = postgres(t.db.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await blocker?.end({ timeout: 5 });
    await t?.stop();
  });

  it('answers 503 with Retry-After, never 500, and requests succeed again once the pool reconnects', async () => {
    // The list waits on a lock this test holds; then every other backend of the database is killed.
    const locked = blocker.begin(async (tx) => {
      await tx`lock table reports in access exclusive mode`;
      const answer = officer.request('GET', '/api/reports', { headers: { 'accept-language': 'fr' } });
      const [me] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      // Until the list's query is waiting on our lock, killing would find it idle.
      for (let i = 0; i < 200; i++) {
        const [waiting] = await tx<{ n: number }[]>`select count(*)::int as n from pg_locks where relation = 'reports'::regclass and not granted`;
        if (waiting!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      // With a timeout, each call returns once its backend is gone (without, it only signals it).
      await tx`select pg_terminate_backend(pid, 5000) from pg_stat_activity where datname = current_database() and pid <> ${me!.pid}`;
      return answer;
    });
    const res = await locked;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    const body = (await res.json()) as { message: string; request_id?: string };
    expect(body.message).toBe('Service momentanément indisponible : réessayez dans quelques secondes.');
    expect(body.request_id).toBe(res.headers.get('x-request-id'));

    // The pool reconnects. A connection killed while idle is noticed only when its socket's close
    // event is handled, a turn or more of the event loop later: a query sent to it meanwhile meets
    // the fault too, and answers 503 as well. Never a 500; then 200 once the pool has caught up.
    const statuses: number[] = [];
    for (let i = 0; i < 20 && statuses.at(-1) !== 200; i++) {
      const again = await officer.request('GET', '/api/reports');
      statuses.push(again.status);
      await again.arrayBuffer();
      if (again.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
  });

  it('tells a dropped connection from a wrong query', () => {
    expect(isDatabaseUnavailable({ code: '57P01' })).toBe(true); // admin_shutdown: pg_terminate_backend
    expect(isDatabaseUnavailable({ code: 'CONNECTION_CLOSED', errno: 'CONNECTION_CLOSED' })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('x', { cause: { code: '08006' } }))).toBe(true);
    expect(isDatabaseUnavailable({ code: '23505' })).toBe(false); // unique violation: 409
    expect(isDatabaseUnavailable({ code: '42P01' })).toBe(false); // a bug: 500
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});
