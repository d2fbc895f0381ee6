import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Where globalSetup tells the workers how to read what the server mailed. */
export const INBOX_ENV = 'VIGIE_E2E_INBOX_URL';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as delivered (headers and body, transfer encoding as sent). */
  raw: string;
}

/**
 * A real SMTP server on loopback for the e2e run (the Vigie server gets `SMTP_URL`), keeping every
 * message in memory, and a loopback HTTP endpoint (random path) through which specs, in other
 * processes, read them. No TLS, no auth: nothing leaves the machine.
 */
export async function startSmtpInbox(): Promise<{ smtpUrl: string; inboxUrl: string; stop(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const token = randomBytes(16).toString('hex');
  const http: Server = createHttpServer((request, response) => {
    if (request.method !== 'GET' || request.url !== `/${token}/messages`) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(mails));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const httpPort = (http.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl: `http://127.0.0.1:${httpPort}/${token}/messages`,
    async stop() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

/** Quoted-printable soft breaks and escapes undone, so a long link reads in one piece. */
export const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** Every message delivered so far to `address` (read from the runner's inbox). */
export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const url = process.env[INBOX_ENV];
  if (!url) throw new Error(`${INBOX_ENV} is not set: the e2e globalSetup starts the SMTP inbox.`);
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const mails = (await response.json()) as ReceivedMail[];
  return mails.filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** The first link in the mails to `address` matching `pattern`, once one has arrived. */
export async function linkInMailTo(address: string, pattern: RegExp): Promise<string | null> {
  for (const mail of await mailsTo(address)) {
    const found = decodeQuotedPrintable(mail.raw).match(pattern);
    if (found) return found[0].replace(/&amp;/g, '&');
  }
  return null;
}
