import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback (plain, no auth) that keeps every message it accepts. */
export async function startSmtpSink(): Promise<{ url: string; mails: ReceivedMail[]; stop(): Promise<void> }> {
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
        callback();
      });
    },
  });
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

/**
 * A local stand-in for Brevo's transactional SMS API as documented: POST /v3/transactionalSMS/send
 * with an `api-key` header and JSON `{ sender, recipient, content, type, tag, unicodeEnabled }`;
 * 201 `{ reference, messageId, smsCount, usedCredits, remainingCredits }`; 401 on a bad key,
 * 400 `{ code: 'invalid_parameter', message }` on a bad request. `fail(n)` makes calls answer 5xx.
 */
export async function startBrevoFake(apiKey: string) {
  const sent: FakeSms[] = [];
  let failures = 0;
  let failRate = 0;
  let nextId = 1000;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || req.url !== '/v3/transactionalSMS/send') return reply(404, { code: 'not_found', message: 'Not found' });
      if (req.headers['api-key'] !== apiKey) return reply(401, { code: 'unauthorized', message: 'Key not found' });
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
      sent.push({ recipient, content, sender, tag: String(tag ?? ''), messageId });
      reply(201, { reference: `ref-${messageId}`, messageId, smsCount: 1, usedCredits: 1, remainingCredits: 100 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    fail(count: number) {
      failures = count;
    },
    failRandomly(rate: number) {
      failRate = rate;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
