import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let admin: Client;
beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.base, (await createStaff(t.sql, 'admin')).email);
});
afterAll(async () => {
  await t?.stop();
});

describe('concurrent staff edits', () => {
  it('never undoes a disable with a rename sent at the same moment, and always revokes', async () => {
    for (let round = 0; round < 6; round++) {
      const officer = await createStaff(t.sql, 'officer');
      const session = await signIn(t.base, officer.email);
      const answers = await Promise.all([
        admin.json('PUT', `/api/staff/${officer.id}`, { full_name: `Renommé ${round}` }),
        admin.json('PUT', `/api/staff/${officer.id}`, { disabled: true }),
        admin.json('PUT', `/api/staff/${officer.id}`, { full_name: `Renommé encore ${round}` }),
      ]);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      const [row] = await t.sql`select disabled from staff where id = ${officer.id}`;
      expect(row!.disabled, `round ${round}`).toBe(true);
      expect((await session.json('GET', '/api/auth/me')).status).toBe(401);
      const [open] = await t.sql`select count(*)::int as n from sessions where staff_id = ${officer.id} and revoked_at is null`;
      expect(open!.n).toBe(0);
    }
  });
});
