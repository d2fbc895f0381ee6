import type { Env } from '../env.ts';

export interface SmsToSend {
  /** Our key for this message (`outbox-12`, `delivery-34`), carried as the provider's tag. */
  key: string;
  /** E.164 (`+33612345678`). */
  to: string;
  text: string;
}

/** A refusal the provider will give again (bad number, bad request): dead at once, no retry. */
export class PermanentSmsError extends Error {}

export interface SmsProvider {
  name: string;
  send(message: SmsToSend): Promise<{ provider_id: string }>;
}

/**
 * Brevo transactional SMS (POST /v3/transactionalSMS/send, `api-key` header): a French company with
 * French routes, alphanumeric senders, delivery-receipt and reply webhooks and an EU data home,
 * and already the e-mail provider of many communes. Its answer carries `messageId`; our key goes in
 * `tag`, which its webhooks echo, so receipts are matched without a lookup table.
 */
export function createBrevoProvider(env: Pick<Env, 'BREVO_API_KEY' | 'BREVO_API_URL' | 'SMS_SENDER'>): SmsProvider {
  const url = new URL('/v3/transactionalSMS/send', env.BREVO_API_URL).toString();
  return {
    name: 'brevo',
    async send(message) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'api-key': env.BREVO_API_KEY ?? '', 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          sender: env.SMS_SENDER,
          recipient: message.to.replace(/^\+/, ''),
          content: message.text,
          type: 'transactional',
          tag: message.key,
          unicodeEnabled: true,
        }),
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      if (res.status === 400) throw new PermanentSmsError(`Brevo 400: ${text.slice(0, 300)}`);
      if (!res.ok) throw new Error(`Brevo HTTP ${res.status}: ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as { messageId?: number | string };
      if (body.messageId === undefined) throw new Error('Brevo: answer without messageId');
      return { provider_id: String(body.messageId) };
    },
  };
}

export function createSmsProvider(env: Env): SmsProvider | null {
  return env.SMS_PROVIDER === 'brevo' ? createBrevoProvider(env) : null;
}
