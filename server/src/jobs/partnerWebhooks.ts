import type { Deps } from '../context.ts';
import { SIGNATURE_HEADER, signPayload } from '../routes/intake/signature.ts';

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
export async function deliverDueWebhooks(deps: Pick<Deps, 'sql' | 'logger' | 'partnerKeys'>, limit = 20): Promise<number> {
  const { sql, logger } = deps;
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
    const secret = (await deps.partnerKeys.get(event.partner_id))?.current;
    if (!secret) continue;
    const body = JSON.stringify({ events: [{ id: Number(event.position), type: event.type, ...event.payload }] });
    try {
      const res = await fetch(event.webhook_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Vigie-Event-Id': event.position, [SIGNATURE_HEADER]: signPayload(secret, body) },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(5000),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
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

export function startPartnerWebhooks(deps: Pick<Deps, 'sql' | 'logger' | 'partnerKeys'>, everyMs = 2000) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      while ((await deliverDueWebhooks(deps)) > 0);
    } catch (error) {
      deps.logger.warn({ err: error }, 'partner webhook round failed');
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
