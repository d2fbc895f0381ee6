import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createStaff, PASSWORD, startTestServer, type TestServer } from '../test/harness.ts';

// TRUST_PROXY=1 so that each test signs in from an address of its own (the per-IP key is shared otherwise).
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ TRUST_PROXY: '1' });
});
afterAll(async () => {
  await t?.stop();
});

const attempt = (email: string, password: string, ip: string) =>
  client(t.base).request('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

/** Each attempt that reached the password check left one of these (a failure) in the audit log. */
const verified = async (staffId: number) => {
  const rows = await t.sql<{ action: string; n: number }[]>`
    select action, count(*)::int as n from audit_log where staff_id = ${staffId} group by action`;
  return Object.fromEntries(rows.map((r) => [r.action, r.n])) as Record<string, number>;
};

describe('sign-in throttle under concurrency', () => {
  it('checks at most 5 of 40 simultaneous wrong passwords for one account from one address', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const answers = await Promise.all(Array.from({ length: 40 }, () => attempt(officer.email, 'guessing wrongly 123', '198.51.100.20')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect((await verified(officer.id)).sign_in_failed).toBe(5);
  });

  it('lets a success among racing guesses release only its own attempt, never the others’ count', async () => {
    const officer = await createStaff(t.sql, 'officer');
    const guesses = Array.from({ length: 39 }, () => attempt(officer.email, 'guessing wrongly 123', '198.51.100.21'));
    const right = attempt(officer.email, PASSWORD, '198.51.100.21');
    await Promise.all([...guesses, right]);
    const counts = await verified(officer.id);
    expect(counts.sign_in_failed ?? 0).toBeLessThanOrEqual(5);
    // whatever the order, five failures were counted: the next guess waits out the window
    expect((counts.sign_in_failed ?? 0) + (counts.sign_in ?? 0)).toBeGreaterThanOrEqual(5);
    expect((await attempt(officer.email, 'guessing wrongly 123', '198.51.100.21')).status).toBe(429);
  });

  it('does not count refused attempts against the account for other addresses', async () => {
    const officer = await createStaff(t.sql, 'officer');
    await Promise.all(Array.from({ length: 40 }, () => attempt(officer.email, 'guessing wrongly 123', '198.51.100.22')));
    // 5 counted against the account (limit 20), not 40: the officer at the station signs in
    expect((await attempt(officer.email, PASSWORD, '198.51.100.23')).status).toBe(200);
  });

  it('does not let successful sign-ins from one shared address use up its per-address budget', async () => {
    const staff = await Promise.all(Array.from({ length: 3 }, () => createStaff(t.sql, 'officer')));
    // 51 sign-ins: one more than the per-address limit (50)
    for (let round = 0; round < 17; round++) {
      for (const s of staff) expect((await attempt(s.email, PASSWORD, '198.51.100.24')).status).toBe(200);
    }
  });
});
