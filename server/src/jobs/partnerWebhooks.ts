import type { Sql, TxSql } from '@vigie/db';
import type { Deps } from '../context.ts';
import { activeQueue, QUEUES, type JobQueue } from './queue.ts';
import { SIGNATURE_HEADER, signPayload } from '../routes/intake/signature.ts';
import { postWebhook } from './webhookTarget.ts';

/** Retries back off from 10 s to an hour (in SQL below); past this many the event waits for a poll. */
export const MAX_WEBHOOK_ATTEMPTS = 30;

interface Due {
  id: number;
  /** The event's public id, the same the partner polls with (`GET /api/intake/events`). */
  position: string;
  partner_id: string;
  webhook_url: string;
  type: string;
  payload: { external_id: string; status: string; message: string | null; at: string };
}

/**
 * Push partner events to partners that gave a webhook URL. Each round claims due events by moving
 * their next attempt forward (`for update skip locked`), so several server processes never send
 * the same event at once; a crash mid-delivery only means the event is sent again later.
 */
export async function deliverDueWebhooks(deps: Pick<Deps, 'sql' | 'logger' | 'partnerKeys' | 'env'>, limit = 20): Promise<number> {
  const { sql, logger } = deps;
  const allowLoopback = deps.env.NODE_ENV !== 'production';
  const due = await sql<Due[]>`
    with due as (
      select pe.id from partner_events pe join partners p on p.id = pe.partner_id
      where pe.delivered_at is null and pe.next_attempt_at <= now() and pe.attempts < ${MAX_WEBHOOK_ATTEMPTS}
        and p.webhook_url is not null and not p.disabled
      order by pe.position limit ${limit}
      for update of pe skip locked
    )
    update partner_events pe set attempts = pe.attempts + 1,
           next_attempt_at = now() + make_interval(secs => least(3600, 10 * power(2, pe.attempts)))
    from due, partners p
    where pe.id = due.id and p.id = pe.partner_id
    returning pe.id, pe.position, pe.partner_id, p.webhook_url, pe.type, pe.payload`;
  let delivered = 0;
  for (const event of due) {
    try {
      // The attempt is already spent (claimed above): say why it could not be made.
      const secret = await deps.partnerKeys.get(event.partner_id).then(
        (keys) => keys?.current,
        () => undefined,
      );
      if (!secret) throw new Error('secret du partenaire illisible (VIGIE_SECRET_KEY a-t-elle changé ?)');
      const body = JSON.stringify({ events: [{ id: Number(event.position), type: event.type, ...event.payload }] });
      const headers = { 'content-type': 'application/json', 'X-Vigie-Event-Id': String(event.position), [SIGNATURE_HEADER]: signPayload(secret, body) };
      const status = await postWebhook(event.webhook_url, headers, body, { allowLoopback, timeoutMs: 5000 });
      if (status < 200 || status >= 300) throw new Error(`HTTP ${status}`);
      await sql`update partner_events set delivered_at = now(), last_error = null where id = ${event.id}`;
      delivered++;
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      await sql`update partner_events set last_error = ${message} where id = ${event.id}`;
      logger.warn({ partner_id: event.partner_id, event_id: event.id, err: message }, 'partner webhook failed');
    }
  }
  return delivered;
}

/** Nudge the webhook worker from the transaction that recorded a partner event. */
export async function kickPartnerWebhooks(tx: Sql | TxSql): Promise<void> {
  await activeQueue().send(tx, QUEUES.partnerWebhooks.name, {}, { singletonKey: 'now' });
}

/**
 * The webhook loop on the job queue: a job pushes every due event, then books the next one at the
 * earliest retry time; a once-a-minute schedule is the floor that also catches events recorded by
 * code that did not nudge. `stately` keeps at most one waiting and one running nudge per key, and
 * the claim above keeps several processes from sending one event twice.
 */
export async function startPartnerWebhooks(deps: Pick<Deps, 'sql' | 'logger' | 'partnerKeys' | 'env'>, queue: JobQueue, options: { schedule?: boolean } = {}) {
  const name = QUEUES.partnerWebhooks.name;
  await queue.work(name, { pollingIntervalSeconds: 2 }, async () => {
    while ((await deliverDueWebhooks(deps)) > 0);
    const [next] = await deps.sql<{ at: Date | null }[]>`
      select min(pe.next_attempt_at) as at from partner_events pe join partners p on p.id = pe.partner_id
      where pe.delivered_at is null and pe.attempts < ${MAX_WEBHOOK_ATTEMPTS} and p.webhook_url is not null and not p.disabled`;
    if (next?.at) await queue.send(deps.sql, name, {}, { singletonKey: 'retry', startAfter: next.at });
  });
  if (options.schedule !== false) await queue.boss.schedule(name, '* * * * *', {}, { singletonKey: 'cron' });
}
