import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../routes/intake/signature.ts';
import { adminClient, createPartner, postIntake, validPayload, type TestPartner } from '../routes/intake/testing.ts';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { deliverDueWebhooks } from './partnerWebhooks.ts';

let t: TestServer;
let officer: Client;
let partner: TestPartner;
let receiver: Server;
let answer = 200;
const received: Array<{ body: string; valid: string; eventId: string | undefined }> = [];

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  // The partner's side: a real HTTP server on loopback that checks the signature as a partner would.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ body: body.toString(), valid: verifySignature(req.headers['x-vigie-signature'] as string, body, [Buffer.from(partner.secret)]), eventId: req.headers['x-vigie-event-id'] as string | undefined });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  partner = await createPartner(t);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/vigie-hook`;
  const res = await (await adminClient(t)).json('PUT', `/api/partners/${partner.id}`, { webhook_url: url });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  receiver?.close();
  await t?.stop();
});

const deps = () => t.running.deps;

describe('partner webhooks', () => {
  it('posts each event once, signed with the partner secret, and marks it delivered', async () => {
    const { body } = await postIntake<{ id: number }>(t.base, partner, validPayload());
    await officer.json('PUT', `/api/reports/${body.id}`, { status: 'acknowledged', reply: 'Nous avons bien reçu votre alerte.' });
    expect(await deliverDueWebhooks(deps())).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.valid).toBe('valid');
    expect(JSON.parse(received[0]!.body).events[0]).toMatchObject({ type: 'report.status_changed', status: 'acknowledged', message: 'Nous avons bien reçu votre alerte.' });
    expect(await deliverDueWebhooks(deps())).toBe(0);
    const [row] = await t.sql`select delivered_at, attempts from partner_events where report_id = ${body.id}`;
    expect(row!.delivered_at).not.toBeNull();
    expect(row!.attempts).toBe(1);
  });

  it('backs off after a failure and delivers on a later attempt', async () => {
    const { body } = await postIntake<{ id: number }>(t.base, partner, validPayload());
    await officer.json('PUT', `/api/reports/${body.id}`, { status: 'acknowledged' });
    answer = 503;
    expect(await deliverDueWebhooks(deps())).toBe(0);
    const [failed] = await t.sql`select delivered_at, attempts, last_error, next_attempt_at > now() as later from partner_events where report_id = ${body.id}`;
    expect(failed).toMatchObject({ delivered_at: null, attempts: 1, last_error: 'HTTP 503', later: true });
    expect(await deliverDueWebhooks(deps())).toBe(0); // not due yet: nothing sent
    answer = 204;
    await t.sql`update partner_events set next_attempt_at = now() where report_id = ${body.id}`;
    expect(await deliverDueWebhooks(deps())).toBe(1);
  });

  it('nudges the queue worker from the transaction that recorded the event', async () => {
    await t.sql`delete from pgboss.job where name = 'partner-webhooks'`;
    const { body } = await postIntake<{ id: number }>(t.base, partner, validPayload());
    await officer.json('PUT', `/api/reports/${body.id}`, { status: 'acknowledged' });
    const [row] = await t.sql`select count(*)::int as n from pgboss.job where name = 'partner-webhooks' and singleton_key = 'now' and state = 'created'`;
    expect(row!.n).toBe(1);
  });

  it('refuses a plain-http webhook outside this machine', async () => {
    const res = await (await adminClient(t)).json<{ errors: Record<string, string> }>('PUT', `/api/partners/${partner.id}`, { webhook_url: 'http://partner.example/hook' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('webhook_url');
  });

  describe('targets', () => {
    const queueEvent = async () => {
      const { body } = await postIntake<{ id: number }>(t.base, partner, validPayload());
      await officer.json('PUT', `/api/reports/${body.id}`, { status: 'acknowledged' });
      return body.id;
    };
    const outcome = async (reportId: number) =>
      (await t.sql`select delivered_at, attempts, last_error from partner_events where report_id = ${reportId}`)[0]!;
    let savedUrl: string;
    beforeAll(async () => {
      savedUrl = (await t.sql`select webhook_url from partners where id = ${partner.id}`)[0]!.webhook_url as string;
    });
    const restore = () => t.sql`update partners set webhook_url = ${savedUrl} where id = ${partner.id}`;

    it('refuses a link-local or private address with a clear last_error, in any mode', async () => {
      for (const url of ['https://169.254.169.254/latest/meta-data', 'https://10.1.2.3/hook', 'https://[fe80::1]/hook']) {
        await t.sql`update partners set webhook_url = ${url} where id = ${partner.id}`;
        const reportId = await queueEvent();
        const before = received.length;
        expect(await deliverDueWebhooks(deps())).toBe(0);
        expect(received.length).toBe(before);
        expect(await outcome(reportId)).toMatchObject({ delivered_at: null, attempts: 1, last_error: expect.stringMatching(/refusé/) });
        await t.sql`update partner_events set delivered_at = now() where report_id = ${reportId}`;
      }
      await restore();
    });

    it('refuses loopback in production, by address and by a name resolving to it', async () => {
      const production = { ...deps(), env: { ...deps().env, NODE_ENV: 'production' as const } };
      const port = (receiver.address() as AddressInfo).port;
      for (const url of [`http://127.0.0.1:${port}/vigie-hook`, `http://localhost:${port}/vigie-hook`]) {
        await t.sql`update partners set webhook_url = ${url} where id = ${partner.id}`;
        const reportId = await queueEvent();
        const before = received.length;
        expect(await deliverDueWebhooks(production)).toBe(0);
        expect(received.length, url).toBe(before);
        expect((await outcome(reportId)).last_error).toMatch(/bouclage refusée/);
        // the same event goes out from a development server
        await t.sql`update partner_events set next_attempt_at = now() where report_id = ${reportId}`;
        expect(await deliverDueWebhooks(deps())).toBe(1);
      }
      await restore();
    });

    it('spends the attempt with a last_error when the partner secret cannot be opened', async () => {
      const reportId = await queueEvent();
      const [saved] = await t.sql`select secret_ciphertext from partners where id = ${partner.id}`;
      await t.sql`update partners set secret_ciphertext = '\\x00' where id = ${partner.id}`;
      deps().partnerKeys.forget(partner.id);
      try {
        expect(await deliverDueWebhooks(deps())).toBe(0);
        expect(await outcome(reportId)).toMatchObject({ delivered_at: null, attempts: 1, last_error: expect.stringMatching(/secret/) });
      } finally {
        await t.sql`update partners set secret_ciphertext = ${saved!.secret_ciphertext as Buffer} where id = ${partner.id}`;
        deps().partnerKeys.forget(partner.id);
      }
      await t.sql`update partner_events set next_attempt_at = now() where report_id = ${reportId}`;
      expect(await deliverDueWebhooks(deps())).toBe(1);
    });
  });
});
