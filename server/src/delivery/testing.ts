import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback (plain, no auth) that keeps every message it accepts; `delayMs`
 * holds each answer that long, as a distant mail server would.
 */
export async function startSmtpSink(options: { delayMs?: number } = {}): Promise<{ url: string; mails: ReceivedMail[]; stop(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        if (options.delayMs) setTimeout(() => callback(), options.delayMs);
        else callback();
      });
    },
  });
  // A client that dies mid-session (the crash test SIGKILLs the server) resets its connection:
  // smtp-server reports that as an 'error' event, which must not become an uncaught exception.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface FakeSms {
  recipient: string;
  content: string;
  sender: string;
  tag: string;
  messageId: number;
}

export type FakeReceipt = 'delivered' | 'softBounce' | 'hardBounce' | 'none';

export interface BrevoFakeOptions {
  /** Where to post delivery receipts, with the bearer token Brevo's webhook config carries. */
  webhook?: { url: string; token: string };
  /** The receipt for a message (default `delivered`). */
  receipt?: (sms: FakeSms) => FakeReceipt;
  /** Post the receipt before answering the send call, as a carrier that is faster than our network may. */
  receiptFirst?: boolean;
}

/**
 * A local stand-in for Brevo's transactional SMS API as documented: POST /v3/transactionalSMS/send
 * with an `api-key` header and JSON `{ sender, recipient, content, type, tag, unicodeEnabled }`;
 * 201 `{ reference, messageId, smsCount, usedCredits, remainingCredits }`; 401 on a bad key,
 * 400 `{ code: 'invalid_parameter', message }` on a bad request. `fail(n)` makes calls answer 5xx.
 * GET /v3/transactionalSMS/statistics/events?tags=&phoneNumber= lists `{ events: [{ phoneNumber,
 * date, messageId, event, tag }] }`. Like Brevo, it takes no idempotency key: the same tag sent
 * twice is two text messages (`sent` keeps both, so a test sees a duplicate).
 * With `webhook`, each accepted message gets its receipt POSTed as Brevo's transactional SMS
 * webhook does: `{ msg_status, messageId, to, tag, date, description, ts_event }`.
 */
export async function startBrevoFake(apiKey: string, options: BrevoFakeOptions = {}) {
  const sent: FakeSms[] = [];
  const events: Array<{ phoneNumber: string; date: string; messageId: number; event: string; tag: string }> = [];
  const receipts: Array<Promise<unknown>> = [];
  let failures = 0;
  let failRate = 0;
  let nextId = 1000;
  const postReceipt = async (sms: FakeSms) => {
    const outcome = options.receipt?.(sms) ?? 'delivered';
    if (!options.webhook || outcome === 'none') return;
    events.push({ phoneNumber: sms.recipient, date: new Date().toISOString(), messageId: sms.messageId, event: outcome === 'delivered' ? 'delivered' : outcome === 'softBounce' ? 'softBounces' : 'hardBounces', tag: sms.tag });
    await fetch(options.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.webhook.token}` },
      body: JSON.stringify({ msg_status: outcome, messageId: sms.messageId, to: sms.recipient, tag: sms.tag, date: new Date().toISOString(), description: outcome === 'delivered' ? 'delivered' : 'Unreachable handset', ts_event: Math.floor(Date.now() / 1000) }),
    }).catch(() => {});
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.headers['api-key'] !== apiKey) return reply(401, { code: 'unauthorized', message: 'Key not found' });
      if (req.method === 'GET' && url.pathname === '/v3/transactionalSMS/statistics/events') {
        const tags = url.searchParams.get('tags');
        const phone = url.searchParams.get('phoneNumber');
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const found = events.filter((e) => (!tags || e.tag === tags) && (!phone || e.phoneNumber === phone)).reverse().slice(0, limit);
        return reply(200, { events: found });
      }
      if (req.method !== 'POST' || url.pathname !== '/v3/transactionalSMS/send') return reply(404, { code: 'not_found', message: 'Not found' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString());
      } catch {
        return reply(400, { code: 'bad_request', message: 'Invalid JSON' });
      }
      const { sender, recipient, content, tag } = body as Record<string, string>;
      if (typeof sender !== 'string' || !/^[A-Za-z0-9 ]{1,11}$|^\d{1,15}$/.test(sender)) return reply(400, { code: 'invalid_parameter', message: 'sender is invalid' });
      if (typeof recipient !== 'string' || !/^\d{8,15}$/.test(recipient)) return reply(400, { code: 'invalid_parameter', message: 'recipient is invalid' });
      if (typeof content !== 'string' || !content) return reply(400, { code: 'missing_parameter', message: 'content is missing' });
      if (failures > 0 || Math.random() < failRate) {
        failures = Math.max(0, failures - 1);
        return reply(503, { code: 'internal_error', message: 'Service unavailable' });
      }
      const messageId = nextId++;
      const sms = { recipient, content, sender, tag: String(tag ?? ''), messageId };
      sent.push(sms);
      events.push({ phoneNumber: recipient, date: new Date().toISOString(), messageId, event: 'sent', tag: sms.tag });
      const answer = () => reply(201, { reference: `ref-${messageId}`, messageId, smsCount: 1, usedCredits: 1, remainingCredits: 100 });
      const receipt = postReceipt(sms);
      receipts.push(receipt);
      if (options.receiptFirst) void receipt.then(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    events,
    /** Resolves once every receipt posted so far was answered. */
    receiptsPosted: () => Promise.all(receipts),
    fail(count: number) {
      failures = count;
    },
    failRandomly(rate: number) {
      failRate = rate;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
