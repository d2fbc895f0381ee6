import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../context.ts';
import { receiveDeliveryReceipt } from '../../delivery/receipts.ts';
import { optOutPhone } from '../../delivery/optOut.ts';
import { ApiError, badRequest } from '../../errors.ts';

/** Brevo SMS webhook events we act on, mapped to our statuses. */
const STATUS_OF: Record<string, 'delivered' | 'failed' | 'dead'> = {
  delivered: 'delivered',
  softBounce: 'failed',
  soft_bounce: 'failed',
  hardBounce: 'dead',
  hard_bounce: 'dead',
  rejected: 'dead',
  blacklisted: 'dead',
  unsubscribed: 'dead',
};

const STOP_WORDS = /^\s*(stop|arret|arrêt|arreter|arrêter|desabonner|désabonner|unsubscribe)\b/i;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The SMS provider's webhooks: delivery receipts and replies. No session; Brevo presents the bearer
 * token configured on the webhook (`auth: { type: 'bearer', token }`), compared in constant time.
 * Without SMS_WEBHOOK_TOKEN the routes answer 404, as if absent. Exempt from the browser CSRF check.
 */
export function smsWebhookRoutes(deps: Deps) {
  const { sql, env } = deps;
  const app = new Hono<AppEnv>();

  app.use('/brevo/*', async (c, next) => {
    if (!env.SMS_WEBHOOK_TOKEN) throw new ApiError(404, 'Route inconnue.');
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(env.SMS_WEBHOOK_TOKEN))) throw new ApiError(401, 'Jeton du fournisseur SMS invalide.');
    return next();
  });

  // Delivery receipts: `tag` is the key we sent (`outbox-12`, `delivery-34`), `messageId` theirs.
  app.post('/brevo/status', async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') throw badRequest({ body: 'JSON attendu.' });
    const event = String(body.msg_status ?? body.event ?? '');
    const tag = typeof body.tag === 'string' ? body.tag : '';
    const status = STATUS_OF[event];
    const match = /^(outbox|delivery)-(\d{1,15})$/.exec(tag);
    if (event === 'reply' && typeof body.reply === 'string' && typeof body.to === 'string') return c.json(await inbound(`+${body.to.replace(/^\+/, '')}`, body.reply));
    if (!status || !match) return c.json({ ignored: true });
    const error = status === 'delivered' ? null : `Accusé de réception : ${event}${typeof body.description === 'string' ? ` (${body.description.slice(0, 200)})` : ''}`;
    if (match[1] === 'delivery') {
      const messageId = typeof body.messageId === 'number' || typeof body.messageId === 'string' ? String(body.messageId) : null;
      return c.json({ updated: await receiveDeliveryReceipt(deps, match[2]!, status, messageId, error) });
    }
    const id = Number(match[2]);
    if (id > 2147483647) return c.json({ ignored: true });
    await sql`update outbox_messages set status = ${status}, error = ${error} where id = ${id} and status in ('sending', 'sent', 'failed')`;
    return c.json({ updated: true });
  });

  // Replies: a STOP turns off SMS for every member and relative with that number.
  const inbound = async (phone: string, text: string) => {
    if (!STOP_WORDS.test(text)) return { opted_out: 0 };
    return { opted_out: await optOutPhone(sql, phone, 'réponse STOP') };
  };
  app.post('/brevo/inbound', async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const from = body?.from ?? body?.sender ?? body?.msisdn;
    const text = body?.text ?? body?.reply ?? body?.content;
    if (typeof from !== 'string' || typeof text !== 'string') throw badRequest({ from: 'Numéro et texte attendus.' });
    return c.json(await inbound(`+${from.replace(/^\+/, '')}`, text));
  });

  return app;
}
