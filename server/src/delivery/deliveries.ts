import type { Job } from 'pg-boss';
import type { Deps } from '../context.ts';
import { QUEUES } from '../jobs/queue.ts';
import { isPermanentSmtpError } from './email.ts';
import { PermanentSmsError } from './sms.ts';
import { unsubscribeHeaders, type Transports } from './worker.ts';

interface DeliveryRow {
  id: string;
  broadcast_id: number;
  member_id: number | null;
  relative_id: number | null;
  channel: 'email' | 'sms';
  to: string;
  sms_text: string | null;
  email_subject: string | null;
  email_body: string | null;
}

type Outcome = 'sent' | 'captured' | 'retry' | 'dead' | 'skipped';

/**
 * Send one delivery at most once, as the outbox does: marked `sending` before the call; found
 * `sending` by a later job means a process died mid-call, so it is set `dead` (unknown outcome,
 * not resent: a duplicate alert is worse than a missing one, and « Relancer les échecs » lets a
 * person decide). The provider call carries `delivery-<id>` (e-mail Message-ID, SMS tag).
 */
export async function sendDelivery(deps: Pick<Deps, 'sql' | 'env' | 'logger'>, transports: Transports, id: string, final: boolean): Promise<Outcome> {
  const { sql } = deps;
  const [row] = await sql<DeliveryRow[]>`
    update deliveries d set status = 'sending', attempts = d.attempts + 1, updated_at = now()
    from broadcasts b
    where d.id = ${id} and b.id = d.broadcast_id and d.status in ('queued', 'failed') and b.status = 'sending'
    returning d.id::text, d.broadcast_id, d.member_id, d.relative_id, d.channel, d."to", b.sms_text, b.email_subject, b.email_body`;
  if (!row) {
    const [stuck] = await sql`
      update deliveries set status = 'dead', updated_at = now(),
             last_error = 'Issue inconnue : le processus s''est arrêté pendant l''envoi ; non renvoyé pour éviter un doublon.'
      where id = ${id} and status = 'sending' returning id`;
    return stuck ? 'dead' : 'skipped';
  }
  const transport = row.channel === 'email' ? transports.email : transports.sms;
  if (!transport) {
    await sql`update deliveries set status = 'captured', last_error = null, updated_at = now() where id = ${id}`;
    return 'captured';
  }
  try {
    const key = `delivery-${row.id}`;
    const result =
      row.channel === 'email'
        ? await transports.email!.send({ id: key, to: row.to, subject: row.email_subject ?? '', body: row.email_body ?? '', headers: unsubscribeHeaders(deps, { ...row, kind: 'broadcast' }) })
        : await transports.sms!.send({ key, to: row.to, text: row.sms_text ?? '' });
    await sql`update deliveries set status = 'sent', provider_id = ${result.provider_id.slice(0, 200)}, last_error = null, updated_at = now() where id = ${id}`;
    return 'sent';
  } catch (error) {
    const dead = error instanceof PermanentSmsError || isPermanentSmtpError(error) || final;
    const message = (error as Error).message.slice(0, 1000);
    await sql`update deliveries set status = ${dead ? 'dead' : 'failed'}, last_error = ${message}, updated_at = now() where id = ${id}`;
    return dead ? 'dead' : 'retry';
  }
}

/** A broadcast is `sent` once no delivery is waiting or being retried. */
export async function settleBroadcast(sql: Deps['sql'], broadcastId: number) {
  await sql`
    update broadcasts set status = 'sent', sent_at = coalesce(sent_at, now()), updated_at = now()
    where id = ${broadcastId} and status = 'sending'
      and not exists (select 1 from deliveries where broadcast_id = ${broadcastId} and status in ('queued', 'sending', 'failed'))`;
}

export interface RunJob {
  broadcast_id: number;
  first: string;
  last: string;
}

/** One job: a run of deliveries; a failure in it makes pg-boss retry the run, sent ones skipped. */
export async function sendRun(deps: Pick<Deps, 'sql' | 'env' | 'logger'>, transports: Transports, job: Job<RunJob>, pace: (channel: string) => Promise<void>) {
  const final = job.retryCount >= QUEUES.delivery.retryLimit;
  const ids = await deps.sql<{ id: string; channel: string }[]>`
    select id::text, channel from deliveries
    where broadcast_id = ${job.data.broadcast_id} and id between ${job.data.first} and ${job.data.last} and status in ('queued', 'failed', 'sending')
    order by id`;
  let retry = 0;
  for (const { id, channel } of ids) {
    await pace(channel);
    if ((await sendDelivery(deps, transports, id, final)) === 'retry') retry++;
  }
  await settleBroadcast(deps.sql, job.data.broadcast_id);
  if (retry) throw new Error(`${retry} deliveries of broadcast ${job.data.broadcast_id} will be retried`);
}
