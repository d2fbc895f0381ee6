import nodemailer, { type Transporter } from 'nodemailer';
import type { Env } from '../env.ts';

export interface EmailToSend {
  id: string;
  to: string;
  subject: string;
  body: string;
  headers: Record<string, string>;
}

export interface EmailTransport {
  send(message: EmailToSend): Promise<{ provider_id: string }>;
  close(): void;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The plain text, escaped, paragraphs kept: user text never becomes markup. */
export function renderHtml(body: string): string {
  const paragraphs = body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5">${paragraphs.join('')}</body></html>`;
}

/** A pooled SMTP transport, or null without SMTP_URL (messages are then kept as `captured`). */
export function createEmailTransport(env: Pick<Env, 'SMTP_URL' | 'SMTP_FROM' | 'PUBLIC_URL'>): EmailTransport | null {
  if (!env.SMTP_URL) return null;
  const transporter: Transporter = nodemailer.createTransport({ url: env.SMTP_URL, pool: true, maxConnections: 5, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 } as never);
  const domain = new URL(env.PUBLIC_URL).hostname;
  return {
    async send(message) {
      const info = await transporter.sendMail({
        from: env.SMTP_FROM,
        to: message.to,
        subject: message.subject,
        text: message.body,
        html: renderHtml(message.body),
        // Derived from our own id: a resent copy is recognisable as the same message downstream.
        messageId: `<${message.id}@${domain}>`,
        headers: message.headers,
      });
      return { provider_id: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** SMTP answers 5xx for a permanent refusal (unknown mailbox…): retrying will not help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
