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
  /**
   * Whether the provider already took a message with this key for this number (its id if so):
   * asked before resending an attempt whose outcome a crash left unknown.
   */
  find?(key: string, to: string): Promise<{ provider_id: string } | null>;
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
    /**
     * Brevo's SMS API takes no idempotency key; its event log (GET /v3/transactionalSMS/statistics/
     * events, filtered by `tags` and `phoneNumber`) is where an accepted message shows, so a resend
     * after a crash looks there first. Any event with our tag means the message left us.
     */
    async find(key, to) {
      const query = new URLSearchParams({ tags: key, phoneNumber: to.replace(/^\+/, ''), days: '7', limit: '1', sort: 'desc' });
      const res = await fetch(new URL(`/v3/transactionalSMS/statistics/events?${query}`, env.BREVO_API_URL), {
        headers: { 'api-key': env.BREVO_API_KEY ?? '', accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`Brevo events HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
      const body = (await res.json()) as { events?: Array<{ messageId?: number | string; tag?: string }> };
      const event = body.events?.find((e) => e.tag === key && e.messageId !== undefined);
      return event ? { provider_id: String(event.messageId) } : null;
    },
  };
}

export function createSmsProvider(env: Env): SmsProvider | null {
  return env.SMS_PROVIDER === 'brevo' ? createBrevoProvider(env) : null;
}
