import type { Broadcast, Delivery } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signIn, startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { deliveryKey, sendDelivery } from './deliveries.ts';
import { createBrevoProvider } from './sms.ts';
import { startBrevoFake, type BrevoFakeOptions, type FakeReceipt } from './testing.ts';

const API_KEY = 'xkeysib-receipts';
const TOKEN = 'receipt-token-0123456789';
const options: BrevoFakeOptions = {};
/** What the carrier answers for a number, in order of sends (the last one repeats). */
const plan = new Map<string, FakeReceipt[]>();
let t: TestServer;
let brevo: Awaited<ReturnType<typeof startBrevoFake>>;
let officer: Client;
const CENTER = { lng: 2.32, lat: 48.78 };

beforeAll(async () => {
  options.receipt = (sms) => {
    const outcomes = plan.get(sms.recipient) ?? ['delivered'];
    return outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!;
  };
  brevo = await startBrevoFake(API_KEY, options);
  t = await startTestServer({ SMS_PROVIDER: 'brevo', BREVO_API_KEY: API_KEY, BREVO_API_URL: brevo.url, SMS_WEBHOOK_TOKEN: TOKEN, LOG_LEVEL: 'error' });
  options.webhook = { url: `${t.base}/api/public/sms/brevo/status`, token: TOKEN };
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
});
afterAll(async () => {
  await t?.stop();
  await brevo?.stop();
});

let n = 0;
let place = { ...CENTER };
/** Each test's members live somewhere of their own, so that its broadcast reaches them alone. */
async function members(count: number) {
  place = { lng: CENTER.lng, lat: CENTER.lat + n * 0.001 };
  const rows = await t.sql<{ id: number; phone: string }[]>`
    insert into members (full_name, address, phone, status, channels, lat, lng)
    select 'Membre ' || i, 'rue', '+3365' || lpad((${n} + i)::text, 7, '0'), 'approved', '{sms}', ${place.lat}, ${place.lng}
    from generate_series(1, ${count}) i returning id, phone`;
  n += count;
  return rows;
}

async function sendSms(title: string) {
  const res = await officer.json<Broadcast>('POST', '/api/broadcasts', {
    category: 'information', title, sms_text: `${title} : message`, channels: ['sms'],
    target: { zones: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [place.lng, place.lat] }, properties: { radius_m: 30 } }] } },
  });
  expect(res.status).toBe(201);
  expect((await officer.json('POST', `/api/broadcasts/${res.body.id}/send`, {})).status).toBe(200);
  return res.body.id;
}

const statuses = async (broadcastId: number) =>
  t.sql<Array<Pick<Delivery, 'status' | 'attempts' | 'last_error' | 'provider_id'> & { id: string; to: string }>>`
    select id::text, "to", status, attempts, last_error, provider_id from deliveries where broadcast_id = ${broadcastId} order by id`;

async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('SMS delivery receipts', () => {
  it('marks deliveries delivered, retries a soft bounce with the same tag, and leaves a hard bounce dead with its reason', async () => {
    const [ok, soft, hard] = await members(3);
    plan.set(soft!.phone.slice(1), ['softBounce', 'delivered']);
    plan.set(hard!.phone.slice(1), ['hardBounce']);
    const id = await sendSms('Receipts');
    // The soft bounce waits 30 s before its next try: bring it forward.
    await until(async () => (await statuses(id)).some((d) => d.to === soft!.phone && d.status === 'failed'));
    await t.sql`update pgboss.job set start_after = now() where name = 'delivery' and data->>'broadcast_id' = ${String(id)} and state = 'created'`;
    await until(async () => (await statuses(id)).every((d) => d.status === 'delivered' || d.status === 'dead'));
    const rows = await statuses(id);
    const of = (phone: string) => rows.find((d) => d.to === phone)!;
    expect(of(ok!.phone)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(of(soft!.phone)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(of(hard!.phone)).toMatchObject({ status: 'dead', attempts: 1 });
    expect(of(hard!.phone).last_error).toMatch(/hardBounce/);
    expect(brevo.sent.filter((s) => s.tag === deliveryKey(of(soft!.phone).id))).toHaveLength(2);
    await until(async () => (await officer.json<Broadcast>('GET', `/api/broadcasts/${id}`)).body.status === 'sent');
  });

  it('takes the receipt of a retry that arrives before the provider has answered the send', async () => {
    const [m] = await members(1);
    plan.set(m!.phone.slice(1), ['softBounce', 'delivered']);
    options.receiptFirst = true;
    try {
      const id = await sendSms('Receipt first');
      await until(async () => (await statuses(id))[0]?.status === 'failed');
      await t.sql`update pgboss.job set start_after = now() where name = 'delivery' and data->>'broadcast_id' = ${String(id)} and state = 'created'`;
      await until(async () => (await statuses(id))[0]?.attempts === 2 && (await statuses(id))[0]?.status !== 'sending');
      expect((await statuses(id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    } finally {
      options.receiptFirst = false;
    }
  });

  it('applies a receipt once, to the attempt it names, and only with the provider token', async () => {
    const [m] = await members(1);
    plan.set(m!.phone.slice(1), ['none']);
    const id = await sendSms('Idempotent');
    await until(async () => (await statuses(id))[0]?.status === 'sent');
    const [row] = await statuses(id);
    const post = (body: object, token = TOKEN) =>
      fetch(options.webhook!.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const receipt = (status: string, messageId: string) => ({ msg_status: status, messageId: Number(messageId), to: m!.phone.slice(1), tag: deliveryKey(row!.id) });
    expect((await post(receipt('delivered', row!.provider_id!), 'not-the-token-00000000')).status).toBe(401);
    expect(await (await post(receipt('softBounce', '999999'))).json()).toEqual({ updated: false }); // another attempt's
    expect(await (await post(receipt('delivered', row!.provider_id!))).json()).toEqual({ updated: true });
    expect(await (await post(receipt('delivered', row!.provider_id!))).json()).toEqual({ updated: false });
    expect(await (await post(receipt('hardBounce', row!.provider_id!))).json()).toEqual({ updated: false });
    expect((await statuses(id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});

describe('an SMS whose sender died mid-call', () => {
  it('is not sent again when the provider already logged its tag, and is sent once when it did not', async () => {
    const [a, b] = await members(2);
    plan.set(a!.phone.slice(1), ['none']);
    plan.set(b!.phone.slice(1), ['none']);
    const id = await sendSms('Crash');
    await until(async () => (await statuses(id)).every((d) => d.status === 'sent'));
    const [first, second] = await statuses(id);
    // As a crash leaves them: claimed long ago, no answer recorded; only the first reached Brevo.
    await t.sql`update deliveries set status = 'sending', provider_id = null, updated_at = now() - interval '1 minute' where broadcast_id = ${id}`;
    const before = brevo.sent.length;
    const lostEvent = brevo.events.findIndex((e) => e.tag === deliveryKey(second!.id));
    brevo.events.splice(lostEvent, 1);
    const sms = createBrevoProvider({ BREVO_API_KEY: API_KEY, BREVO_API_URL: brevo.url, SMS_SENDER: 'Vigie' });
    const deps = t.running.deps;
    expect(await sendDelivery(deps, { email: null, sms }, first!.id, false)).toBe('sent');
    expect(await sendDelivery(deps, { email: null, sms }, second!.id, false)).toBe('sent');
    expect(brevo.sent.slice(before).map((s) => s.tag)).toEqual([deliveryKey(second!.id)]);
    const after = await statuses(id);
    expect(after[0]).toMatchObject({ status: 'sent', provider_id: first!.provider_id });
    expect(after[1]!.provider_id).not.toBe(second!.provider_id);
  });

  it('is left alone while its claim is fresh (another worker may be waiting on the provider)', async () => {
    const [m] = await members(1);
    plan.set(m!.phone.slice(1), ['none']);
    const id = await sendSms('Fresh claim');
    await until(async () => (await statuses(id)).every((d) => d.status === 'sent'));
    const [row] = await statuses(id);
    await t.sql`update deliveries set status = 'sending', updated_at = now() where id = ${row!.id}`;
    const sms = createBrevoProvider({ BREVO_API_KEY: API_KEY, BREVO_API_URL: brevo.url, SMS_SENDER: 'Vigie' });
    expect(await sendDelivery(t.running.deps, { email: null, sms }, row!.id, false)).toBe('busy');
  });
});
