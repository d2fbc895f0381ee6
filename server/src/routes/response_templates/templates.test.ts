import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let supervisor: Client;
beforeAll(async () => {
  t = await startTestServer();
  supervisor = await signIn(t.base, (await createStaff(t.sql, 'supervisor')).email);
});
afterAll(async () => {
  await t?.stop();
});

const create = async (title: string) =>
  (await supervisor.json<{ id: number }>('POST', '/api/response_templates', { status: 'resolved', title, body: 'Merci pour votre signalement.', active: true })).body.id;

describe('response templates', () => {
  it('answers 409 naming the title, never 500, when two edits race to one name', async () => {
    for (let round = 0; round < 6; round++) {
      const [a, b] = [await create(`A${round}`), await create(`B${round}`)];
      const same = { status: 'resolved', title: `Même titre ${round}`, body: 'Merci.', active: true };
      const answers = await Promise.all([a, b].map((id) => supervisor.json<{ errors?: Record<string, string> }>('PUT', `/api/response_templates/${id}`, same)));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(answers.find((r) => r.status === 409)!.body.errors).toHaveProperty('title');
    }
  });
});
