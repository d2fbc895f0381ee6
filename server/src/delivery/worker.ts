import type { Job } from 'pg-boss';
import type { Deps } from '../context.ts';
import { QUEUES } from '../jobs/queue.ts';
import { createEmailTransport, isPermanentSmtpError, type EmailTransport } from './email.ts';
import { sendRun, type RunJob } from './deliveries.ts';
import { createRateLimiter } from './rateLimit.ts';
import { createSmsProvider, PermanentSmsError, type SmsProvider } from './sms.ts';
import { signUnsubscribeToken } from './unsubscribeToken.ts';

/** Kinds a person can opt out of: they carry RFC 8058 one-click unsubscribe headers. */
export const UNSUBSCRIBABLE_KINDS = new Set(['broadcast', 'newsletter']);
/** No phone or mailbox gets more than this many messages a minute (carriers flag bursts as spam). */
export const PER_RECIPIENT_PER_MINUTE = 5;

interface OutboxRow {
  id: number;
  channel: 'email' | 'sms';
  to: string;
  subject: string | null;
  body: string;
  kind: string;
  member_id: number | null;
  relative_id: number | null;
  headers: Record<string, string> | null;
  attempts: number;
}

/** Runs of deliveries a process works on at once (each sends SENDS_IN_FLIGHT messages at a time). */
export const deliveryRunsAtOnce = (embedded: boolean) => (embedded ? 1 : 2);

export interface Transports {
  email: EmailTransport | null;
  sms: SmsProvider | null;
}

export type SendOutcome = 'sent' | 'captured' | 'retry' | 'dead' | 'skipped' | 'deferred';

/** The List-Unsubscribe pair of RFC 2369 / RFC 8058 for a message to a member or relative. */
export function unsubscribeHeaders(deps: Pick<Deps, 'env'>, row: Pick<OutboxRow, 'member_id' | 'relative_id' | 'kind' | 'channel'>): Record<string, string> {
  if (!UNSUBSCRIBABLE_KINDS.has(row.kind)) return {};
  const subject = row.relative_id ? { kind: 'relative' as const, id: row.relative_id } : row.member_id ? { kind: 'member' as const, id: row.member_id } : null;
  if (!subject) return {};
  const token = signUnsubscribeToken(deps.env.VIGIE_SECRET_KEY, { ...subject, channel: row.channel });
  const url = `${deps.env.PUBLIC_URL}/api/public/unsubscribe?token=${encodeURIComponent(token)}`;
  const mailbox = /<([^>]+)>/.exec(deps.env.SMTP_FROM)?.[1] ?? deps.env.SMTP_FROM;
  return {
    'List-Unsubscribe': `<${url}>, <mailto:${mailbox}?subject=unsubscribe-${token}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/**
 * Send one outbox message at most once. The attempt is marked `sending` durably before the
 * transport is called; a job that finds its message still `sending` is the retry of a process
 * that died between the call and the mark: the outcome is unknown, and resending could duplicate
 * an alert, so the message is set `dead` with that reason and left to a human (never resent).
 */
export async function sendOutboxMessage(deps: Pick<Deps, 'sql' | 'env' | 'logger'>, transports: Transports, id: number, final: boolean): Promise<SendOutcome> {
  const { sql } = deps;
  const [row] = await sql<OutboxRow[]>`
    update outbox_messages set status = 'sending', attempts = attempts + 1
    where id = ${id} and status in ('queued', 'failed')
      and (select count(*) from outbox_messages o where o."to" = outbox_messages."to" and o.sent_at > now() - interval '1 minute') < ${PER_RECIPIENT_PER_MINUTE}
    returning id::int, channel, "to", subject, body, kind, member_id, relative_id, headers, attempts`;
  if (!row) {
    const [current] = await sql<{ status: string }[]>`select status from outbox_messages where id = ${id}`;
    if (current?.status === 'sending') {
      await sql`update outbox_messages set status = 'dead', error = 'Issue inconnue : le processus s''est arrêté pendant l''envoi ; non renvoyé pour éviter un doublon.' where id = ${id} and status = 'sending'`;
      return 'dead';
    }
    if (current?.status === 'queued' || current?.status === 'failed') return 'deferred';
    return 'skipped';
  }
  const transport = row.channel === 'email' ? transports.email : transports.sms;
  if (!transport) {
    await sql`update outbox_messages set status = 'captured', sent_at = now(), error = null where id = ${id}`;
    return 'captured';
  }
  try {
    const result =
      row.channel === 'email'
        ? await transports.email!.send({ id: `outbox-${row.id}`, to: row.to, subject: row.subject ?? '', body: row.body, headers: { ...unsubscribeHeaders(deps, row), ...(row.headers ?? {}) } })
        : await transports.sms!.send({ key: `outbox-${row.id}`, to: row.to, text: row.body });
    await sql`update outbox_messages set status = 'sent', sent_at = now(), provider_id = ${result.provider_id.slice(0, 200)}, error = null where id = ${id}`;
    return 'sent';
  } catch (error) {
    const permanent = error instanceof PermanentSmsError || isPermanentSmtpError(error);
    const message = (error as Error).message.slice(0, 1000);
    const dead = permanent || final;
    await sql`update outbox_messages set status = ${dead ? 'dead' : 'failed'}, error = ${message} where id = ${id}`;
    deps.logger.warn({ outbox_id: id, channel: row.channel, err: message, dead }, 'message not sent');
    return dead ? 'dead' : 'retry';
  }
}

/** The outbox worker: one job per message, retried with backoff by pg-boss, SMS paced per provider. */
export async function startDeliveryWorkers(deps: Deps, transports: Transports = { email: createEmailTransport(deps.env), sms: createSmsProvider(deps.env) }) {
  const limiter = createRateLimiter(deps.env.SMS_RATE_PER_SECOND);
  const { queue } = deps;
  // The embedded engine has one session for everything: one poller per queue is plenty there.
  const embedded = deps.db.engine === 'embedded';
  await queue.work<{ id: number }>(QUEUES.outbox.name, { localConcurrency: embedded ? 1 : 4, pollingIntervalSeconds: embedded ? 2 : 1 }, async (job: Job<{ id: number }>) => {
    const [channel] = await deps.sql<{ channel: string }[]>`select channel from outbox_messages where id = ${job.data.id}`;
    if (channel?.channel === 'sms' && transports.sms) await limiter.wait();
    const outcome = await sendOutboxMessage(deps, transports, job.data.id, job.retryCount >= QUEUES.outbox.retryLimit);
    // pg-boss retries a job whose handler throws, with its exponential backoff.
    if (outcome === 'retry') throw new Error(`outbox ${job.data.id}: will retry`);
    if (outcome === 'deferred') await queue.send(deps.sql, QUEUES.outbox.name, job.data, { startAfter: 30 });
  });
  const pace = async (channel: string) => {
    if (channel === 'sms' && transports.sms) await limiter.wait();
  };
  await queue.work<RunJob>(QUEUES.delivery.name, { localConcurrency: deliveryRunsAtOnce(embedded), pollingIntervalSeconds: embedded ? 2 : 1 }, (job) => sendRun(deps, transports, job, pace));
  return {
    transports,
    async close() {
      transports.email?.close();
    },
  };
}
