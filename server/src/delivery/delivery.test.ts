import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage, type OutgoingMessage } from '../outbox/enqueue.ts';
import { ORIGIN, startTestServer, type TestServer } from '../test/harness.ts';
import { startBrevoFake, startSmtpSink } from './testing.ts';
import { signUnsubscribeToken } from './unsubscribeToken.ts';
import { sendOutboxMessage } from './worker.ts';
import { fanOut } from '../routes/broadcasts/fanOut.ts';
import { createStaff } from '../test/harness.ts';

const API_KEY = 'xkeysib-test-key';
const WEBHOOK_TOKEN = 'webhook-token-0123456789';
let t: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let brevo: Awaited<ReturnType<typeof startBrevoFake>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  brevo = await startBrevoFake(API_KEY);
  t = await startTestServer({ SMTP_URL: smtp.url, SMTP_FROM: 'Vigie <alertes@vigie.test>', SMS_PROVIDER: 'brevo', BREVO_API_KEY: API_KEY, BREVO_API_URL: brevo.url, SMS_WEBHOOK_TOKEN: WEBHOOK_TOKEN });
});
afterAll(async () => {
  await t?.stop();
  await smtp?.stop();
  await brevo?.stop();
});

let phoneCounter = 10;
async function member() {
  const phone = `+336120000${String(phoneCounter++).padStart(2, '0')}`;
  const [row] = await t.sql<{ id: number }[]>`
    insert into members (full_name, address, email, phone, status, channels)
    values ('Jeanne Test', '1 rue de la Paix', ${`jeanne${phoneCounter}@example.test`}, ${phone}, 'approved', '{sms,email}')
    returning id`;
  return { id: row!.id, phone, email: `jeanne${phoneCounter}@example.test` };
}

async function enqueue(message: OutgoingMessage) {
  return t.sql.begin((tx) => enqueueMessage(tx, message)).then((row) => row!.id);
}

async function settled(id: number, statuses = ['sent', 'dead', 'captured', 'delivered']) {
  for (;;) {
    const [row] = await t.sql<{ status: string; error: string | null; provider_id: string | null; attempts: number }[]>`
      select status, error, provider_id, attempts from outbox_messages where id = ${id}`;
    if (row && statuses.includes(row.status)) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the outbox worker', () => {
  it('sends an e-mail over SMTP with one-click unsubscribe headers and an escaped HTML part', async () => {
    const m = await member();
    const id = await enqueue({ channel: 'email', to: m.email, subject: 'Cambriolages rue Ravon', body: 'Soyez vigilants <script>x</script>', kind: 'broadcast', member_id: m.id });
    expect(await settled(id)).toMatchObject({ status: 'sent', attempts: 1 });
    const mail = smtp.mails.find((x) => x.to.includes(m.email))!;
    const headers = mail.raw.replace(/\r\n[ \t]+/g, ' '); // unfold (RFC 5322)
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/vigie\.test\/api\/public\/unsubscribe\?token=[\w.-]+>, <mailto:alertes@vigie\.test\?subject=unsubscribe-[\w.-]+>/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(mail.raw).toContain(`Message-ID: <outbox-${id}@vigie.test>`);
    expect(mail.raw).toContain('&lt;script&gt;');
    expect(headers).not.toMatch(/<p>Soyez vigilants <script>/); // the text/plain part keeps it as typed
  });

  it('sends no unsubscribe header on a confirmation e-mail', async () => {
    const m = await member();
    const id = await enqueue({ channel: 'email', to: m.email, subject: 'Confirmez', body: 'Lien', kind: 'member_confirmation', member_id: m.id });
    await settled(id);
    expect(smtp.mails.find((x) => x.to.includes(m.email))!.raw).not.toContain('List-Unsubscribe');
  });

  it('sends an SMS through the provider with our key as its tag', async () => {
    const m = await member();
    const id = await enqueue({ channel: 'sms', to: m.phone, body: 'Alerte : route fermée', kind: 'broadcast', member_id: m.id });
    const row = await settled(id);
    const sms = brevo.sent.find((x) => x.tag === `outbox-${id}`)!;
    expect(sms).toMatchObject({ recipient: m.phone.slice(1), content: 'Alerte : route fermée', sender: 'Vigie' });
    expect(row).toMatchObject({ status: 'sent', provider_id: String(sms.messageId) });
  });

  it('retries after provider errors and sends once', async () => {
    const m = await member();
    brevo.fail(1);
    const id = await t.sql.begin((tx) => enqueueMessage(tx, { channel: 'sms', to: m.phone, body: 'Essai', kind: 'broadcast', member_id: m.id })).then((r) => r!.id);
    // pg-boss waits out its backoff before the retry; bring the retry forward instead of waiting.
    // The message is `failed` a moment before pg-boss files its job as `retry`: wait for the job.
    for (;;) {
      const moved = await t.sql`update pgboss.job set start_after = now() where name = 'outbox' and data->>'id' = ${String(id)} and state = 'retry'`;
      if (moved.count > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const row = await settled(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(brevo.sent.filter((x) => x.tag === `outbox-${id}`)).toHaveLength(1);
  });

  it('marks a message refused by the provider dead at once', async () => {
    const id = await enqueue({ channel: 'sms', to: '+33', body: 'Numéro trop court', kind: 'broadcast' });
    const row = await settled(id);
    expect(row.status).toBe('dead');
    expect(row.error).toContain('recipient is invalid');
  });

  it('never resends a message a crashed process left `sending`', async () => {
    const m = await member();
    const [row] = await t.sql<{ id: number }[]>`
      insert into outbox_messages (channel, "to", body, kind, member_id, status, attempts) values ('sms', ${m.phone}, 'Déjà parti ?', 'broadcast', ${m.id}, 'sending', 1) returning id::int`;
    const outcome = await sendOutboxMessage(t.running.deps, { email: null, sms: { name: 'x', send: () => Promise.reject(new Error('must not be called')) } }, row!.id, false);
    expect(outcome).toBe('dead');
    const [after] = await t.sql`select status, error from outbox_messages where id = ${row!.id}`;
    expect(after!.error).toMatch(/Issue inconnue/);
  });

  it('keeps messages as `captured` when no transport is configured', async () => {
    const [row] = await t.sql<{ id: number }[]>`
      insert into outbox_messages (channel, "to", body, kind) values ('email', 'x@example.test', 'Bonjour', 'member_confirmation') returning id::int`;
    expect(await sendOutboxMessage(t.running.deps, { email: null, sms: null }, row!.id, false)).toBe('captured');
  });
});

describe('unsubscribe and STOP', () => {
  const token = (id: number, channel: 'email' | 'sms') => signUnsubscribeToken(t.running.deps.env.VIGIE_SECRET_KEY, { kind: 'member', id, channel });

  it('honours an RFC 8058 one-click POST from a mail client, cross-site', async () => {
    const m = await member();
    const res = await fetch(`${t.base}/api/public/unsubscribe?token=${token(m.id, 'email')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const [row] = await t.sql`select email_opt_out_at, sms_opt_out_at from members where id = ${m.id}`;
    expect(row!.email_opt_out_at).not.toBeNull();
    expect(row!.sms_opt_out_at).toBeNull();
    const [event] = await t.sql`select action from member_events where member_id = ${m.id}`;
    expect(event!.action).toBe('opt_out');
  });

  it('honours a JSON POST { token } from the unsubscribe page', async () => {
    const m = await member();
    const res = await fetch(`${t.base}/api/public/unsubscribe`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ token: token(m.id, 'sms') }) });
    expect(await res.json()).toEqual({ unsubscribed: true, channel: 'sms' });
  });

  it('refuses a forged or altered token', async () => {
    const m = await member();
    const good = token(m.id, 'email');
    const forged = `${Buffer.from(`m:${m.id + 1}:email`).toString('base64url')}.${good.split('.')[1]}`;
    for (const bad of [forged, 'abc', `${good}x`]) {
      const res = await fetch(`${t.base}/api/public/unsubscribe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: bad }) });
      expect(res.status).toBe(400);
    }
  });

  it('turns a STOP reply into an SMS opt-out, only with the provider token', async () => {
    const m = await member();
    const post = (auth: string) =>
      fetch(`${t.base}/api/public/sms/brevo/inbound`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ from: m.phone.slice(1), text: 'STOP' }) });
    expect((await post('Bearer wrong-token-0000000000')).status).toBe(401);
    const res = await post(`Bearer ${WEBHOOK_TOKEN}`);
    expect(await res.json()).toEqual({ opted_out: 1 });
    const [row] = await t.sql`select sms_opt_out_at from members where id = ${m.id}`;
    expect(row!.sms_opt_out_at).not.toBeNull();
  });

  it('records a delivery receipt against the message it names', async () => {
    const m = await member();
    const id = await enqueue({ channel: 'sms', to: m.phone, body: 'Reçu ?', kind: 'broadcast', member_id: m.id });
    await settled(id);
    const res = await fetch(`${t.base}/api/public/sms/brevo/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${WEBHOOK_TOKEN}` },
      body: JSON.stringify({ msg_status: 'delivered', tag: `outbox-${id}`, to: m.phone.slice(1), messageId: 1 }),
    });
    expect(res.status).toBe(200);
    expect((await settled(id, ['delivered'])).status).toBe('delivered');
  });
});

describe('a broadcast through a flaky provider', () => {
  it('ends every SMS delivered or dead with its reason, none sent twice, when 30 % of calls fail', async () => {
    for (let i = 0; i < 40; i++) await member();
    const author = await createStaff(t.sql, 'officer');
    const [b] = await t.sql<{ id: number }[]>`
      insert into broadcasts (category, title, sms_text, channels, target, created_by)
      values ('information', 'Flaky', 'Essai de robustesse', '{sms}', '{"commune": true}', ${author.id}) returning id`;
    brevo.failRandomly(0.3);
    try {
      await t.sql.begin((tx) => fanOut(tx, t.running.deps.queue, { id: b!.id, target: { commune: true }, channels: ['sms'], follows_id: null }));
      for (;;) {
        const [state] = await t.sql`select status from broadcasts where id = ${b!.id}`;
        if (state!.status === 'sent') break;
        // pg-boss waits out its backoff (15 s and up) between tries; bring each retry forward.
        await t.sql`update pgboss.job set start_after = now() where name = 'delivery' and state = 'retry'`;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      brevo.failRandomly(0);
    }
    const rows = await t.sql<{ id: string; status: string; last_error: string | null; provider_id: string | null }[]>`
      select id::text, status, last_error, provider_id from deliveries where broadcast_id = ${b!.id}`;
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const row of rows) {
      expect(['sent', 'dead']).toContain(row.status);
      if (row.status === 'dead') expect(row.last_error).toBeTruthy();
      const calls = brevo.sent.filter((sms) => sms.tag === `delivery-${row.id}`);
      expect(calls.length, `delivery ${row.id}`).toBe(row.status === 'sent' ? 1 : 0);
      if (row.status === 'sent') expect(row.provider_id).toBe(String(calls[0]!.messageId));
    }
  });
});
