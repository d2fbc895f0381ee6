import type { Job } from 'pg-boss';
import type { Deps } from '../context.ts';
import { QUEUES } from '../jobs/queue.ts';
import { broadcastProgress, recordBroadcastUpdated } from '../routes/broadcasts/live.ts';
import { announceLiveEvent } from '../live/events.ts';
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
  /** The row was `sending` when claimed: a process died during that attempt. */
  resumed: boolean;
}

type Outcome = 'sent' | 'captured' | 'retry' | 'dead' | 'skipped' | 'busy';

/**
 * A delivery found `sending` is taken over only when its claim is older than this: younger, its
 * sender may still be waiting on the provider (SMTP and SMS calls time out within 15 s).
 */
export const IN_FLIGHT_LEASE_SECONDS = 20;

/** The provider call's key, stable across attempts: e-mail Message-ID, SMS tag. */
export const deliveryKey = (id: string | number) => `delivery-${id}`;

/**
 * Send one delivery exactly once to the person. The row is claimed (`sending`) before the call,
 * and the call carries the delivery's stable key. A row still `sending` after its lease is the
 * attempt of a process that died mid-call: its outcome is unknown, so it is resent with the same
 * key, and the receiving side removes the duplicate: mailbox providers thread and drop copies by
 * Message-ID; for SMS, Brevo has no idempotency key, so its event log is asked first whether it
 * already took a message with that tag (see README, « Distribution »).
 * The claim forgets the previous attempt's provider id: the new attempt's receipt can arrive
 * before its own id is recorded, and must not be refused as naming another attempt.
 */
export async function sendDelivery(deps: Pick<Deps, 'sql' | 'env' | 'logger'>, transports: Transports, id: string, final: boolean): Promise<Outcome> {
  const { sql } = deps;
  const [row] = await sql<DeliveryRow[]>`
    update deliveries d set status = 'sending', attempts = d.attempts + 1, provider_id = null, updated_at = now()
    from broadcasts b, (select status = 'sending' as resumed from deliveries where id = ${id}) before
    where d.id = ${id} and b.id = d.broadcast_id and b.status in ('sending', 'sent')
      and (d.status in ('queued', 'failed') or (d.status = 'sending' and d.updated_at < now() - make_interval(secs => ${IN_FLIGHT_LEASE_SECONDS})))
    returning d.id::text, d.broadcast_id, d.member_id, d.relative_id, d.channel, d."to", b.sms_text, b.email_subject, b.email_body, before.resumed`;
  if (!row) {
    const [current] = await sql<{ status: string }[]>`select status from deliveries where id = ${id}`;
    return current?.status === 'sending' ? 'busy' : 'skipped';
  }
  const transport = row.channel === 'email' ? transports.email : transports.sms;
  if (!transport) {
    await sql`update deliveries set status = 'captured', last_error = null, updated_at = now() where id = ${id} and status = 'sending'`;
    return 'captured';
  }
  const key = deliveryKey(row.id);
  try {
    const already = row.resumed && row.channel === 'sms' && transports.sms!.find ? await transports.sms!.find(key, row.to) : null;
    const result =
      already ??
      (row.channel === 'email'
        ? await transports.email!.send({ id: key, to: row.to, subject: row.email_subject ?? '', body: row.email_body ?? '', headers: unsubscribeHeaders(deps, { ...row, kind: 'broadcast' }) })
        : await transports.sms!.send({ key, to: row.to, text: row.sms_text ?? '' }));
    // A receipt may have arrived before this mark (`delivered`): only a claim still held is moved.
    await sql`update deliveries set status = 'sent', provider_id = ${result.provider_id.slice(0, 200)}, last_error = null, updated_at = now() where id = ${id} and status = 'sending'`;
    return 'sent';
  } catch (error) {
    const dead = error instanceof PermanentSmsError || isPermanentSmtpError(error) || final;
    const message = (error as Error).message.slice(0, 1000);
    await sql`update deliveries set status = ${dead ? 'dead' : 'failed'}, last_error = ${message}, updated_at = now() where id = ${id} and status = 'sending'`;
    return dead ? 'dead' : 'retry';
  }
}

/** A broadcast is `sent` once no delivery is waiting or being retried; that change is announced live. */
export async function settleBroadcast(deps: Pick<Deps, 'sql' | 'logger'> & Partial<Pick<Deps, 'fanOut'>>, broadcastId: number) {
  const position = await deps.sql.begin(async (tx) => {
    const [settled] = await tx`
      update broadcasts set status = 'sent', sent_at = coalesce(sent_at, now()), updated_at = now()
      where id = ${broadcastId} and status = 'sending'
        and not exists (select 1 from deliveries where broadcast_id = ${broadcastId} and status in ('queued', 'sending', 'failed'))
      returning id`;
    return settled && deps.fanOut ? recordBroadcastUpdated(tx, broadcastId) : null;
  });
  if (position !== null && deps.fanOut) announceLiveEvent({ fanOut: deps.fanOut, logger: deps.logger }, position);
  return position !== null;
}

/**
 * Deliveries of one run sent at once. More than the SMTP pool's connections (5), so that each
 * connection has its next message ready while the database marks the previous one; one at a
 * time, a run kept its connection idle for two round trips per message (0.37× nodemailer alone).
 * Each delivery is still claimed and marked on its own, so a crash loses or repeats nothing more.
 */
export const SENDS_IN_FLIGHT = 8;

/** `task` over `items`, at most `limit` at a time, in order of start. */
async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export interface RunJob {
  broadcast_id: number;
  first: string;
  last: string;
}

/**
 * One job: a run of deliveries; a failure in it makes pg-boss retry the run, sent ones skipped.
 * With `fanOut` in deps (the server, not the bench), progress is announced live, throttled.
 */
export async function sendRun(
  deps: Pick<Deps, 'sql' | 'env' | 'logger'> & Partial<Pick<Deps, 'fanOut'>>,
  transports: Transports,
  job: Job<RunJob>,
  pace: (channel: string) => Promise<void>,
) {
  const final = job.retryCount >= QUEUES.delivery.retryLimit;
  const progress = deps.fanOut ? broadcastProgress({ sql: deps.sql, fanOut: deps.fanOut, logger: deps.logger }) : null;
  const ids = await deps.sql<{ id: string; channel: string }[]>`
    select id::text, channel from deliveries
    where broadcast_id = ${job.data.broadcast_id} and id between ${job.data.first} and ${job.data.last} and status in ('queued', 'failed', 'sending')
    order by id`;
  let retry = 0;
  await inParallel(ids, SENDS_IN_FLIGHT, async ({ id, channel }) => {
    await pace(channel);
    const outcome = await sendDelivery(deps, transports, id, final);
    if (outcome === 'retry' || outcome === 'busy') retry++;
    if (outcome !== 'skipped' && outcome !== 'busy') progress?.touch(job.data.broadcast_id);
  });
  if (await settleBroadcast(deps, job.data.broadcast_id)) progress?.drop(job.data.broadcast_id);
  if (retry) throw new Error(`${retry} deliveries of broadcast ${job.data.broadcast_id} will be retried`);
}
