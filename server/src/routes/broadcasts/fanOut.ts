import type { TxSql } from '@vigie/db';
import type { BroadcastTarget, Channel } from '@vigie/shared';
import { QUEUES, type JobQueue } from '../../jobs/queue.ts';
import { followUpRecipients, recipients } from './recipients.ts';

/** Deliveries per job: a job sends a run of consecutive deliveries, each marked on its own. */
export const DELIVERIES_PER_JOB = 200;

interface Sendable {
  id: number;
  target: BroadcastTarget;
  channels: Channel[];
  follows_id: number | null;
}

/**
 * Freeze the recipients and queue their jobs, inside the transaction that marks the broadcast
 * `sending`: one `insert … select` for the deliveries (the unique key drops duplicates), then
 * one job per run of DELIVERIES_PER_JOB ids. Either all of it commits or none of it.
 */
export async function fanOut(tx: TxSql, queue: JobQueue, broadcast: Sendable): Promise<number> {
  const source = broadcast.follows_id ? followUpRecipients(tx, broadcast.follows_id, broadcast.channels) : recipients(tx, broadcast.target, broadcast.channels);
  const inserted = await tx`
    insert into deliveries (broadcast_id, member_id, relative_id, channel, "to", recipient_key)
    select ${broadcast.id}, member_id, relative_id, channel, "to", recipient_key from (${source}) s
    on conflict (broadcast_id, channel, recipient_key) do nothing`;
  await queueRuns(tx, queue, broadcast.id, tx`status = 'queued'`);
  await tx`update broadcasts set status = 'sending', updated_at = now() where id = ${broadcast.id}`;
  return inserted.count;
}

/** One job per run of deliveries matching `condition`, so a retry of failures re-queues only them. */
export async function queueRuns(tx: TxSql, queue: JobQueue, broadcastId: number, condition: ReturnType<TxSql>) {
  const runs = await tx<{ first: string; last: string }[]>`
    select min(id)::text as first, max(id)::text as last
    from (select id, (row_number() over (order by id) - 1) / ${DELIVERIES_PER_JOB} as run from deliveries where broadcast_id = ${broadcastId} and ${condition}) s
    group by run order by run`;
  for (let i = 0; i < runs.length; i += 1000) {
    await queue.insert(tx, QUEUES.delivery.name, runs.slice(i, i + 1000).map((run) => ({ data: { broadcast_id: broadcastId, first: run.first, last: run.last } })));
  }
}
