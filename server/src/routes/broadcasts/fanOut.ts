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
 * `sending`: one `insert … select` for the deliveries, then one job per run of DELIVERIES_PER_JOB
 * ids. Either all of it commits or none of it.
 *
 * A broadcast is frozen once: the status moves out of draft/pending_approval/scheduled first (the
 * row lock orders two concurrent calls, and none of those states is ever re-entered), so a second
 * call throws before inserting. The insert therefore needs no `on conflict`: the recipients are
 * already one per person per channel, and the unique key stays as the schema's guarantee.
 */
export async function fanOut(tx: TxSql, queue: JobQueue, broadcast: Sendable): Promise<number> {
  const [started] = await tx`
    update broadcasts set status = 'sending', updated_at = now()
    where id = ${broadcast.id} and status in ('draft', 'pending_approval', 'scheduled') returning id`;
  if (!started) throw new Error(`broadcast ${broadcast.id} is already frozen: its recipients are never resolved twice (a follow-up is a new broadcast)`);
  const source = broadcast.follows_id ? followUpRecipients(tx, broadcast.follows_id, broadcast.channels) : recipients(tx, broadcast.target, broadcast.channels);
  // The inserted ids' range comes back with the insert: numbering them again from the table
  // (a window over rows not yet visible to all, one heap fetch each) cost up to a second at 100k.
  const [range] = await tx<{ first: string | null; last: string | null; count: number }[]>`
    with inserted as (
      insert into deliveries (broadcast_id, member_id, relative_id, channel, "to", recipient_key)
      select ${broadcast.id}, member_id, relative_id, channel, "to", recipient_key from (${source}) s
      returning id)
    select min(id)::text as first, max(id)::text as last, count(*)::int as count from inserted`;
  if (range!.first !== null) await queueRange(tx, queue, broadcast.id, BigInt(range!.first), BigInt(range!.last!));
  return range!.count;
}

/**
 * One job per DELIVERIES_PER_JOB consecutive ids of [first, last]. One statement's identity values
 * are consecutive unless another fan-out draws from the sequence at the same moment; a job then
 * simply finds fewer of its broadcast's rows in its range (it selects by broadcast and id).
 */
async function queueRange(tx: TxSql, queue: JobQueue, broadcastId: number, first: bigint, last: bigint) {
  const jobs: Array<{ data: { broadcast_id: number; first: string; last: string } }> = [];
  const step = BigInt(DELIVERIES_PER_JOB);
  for (let from = first; from <= last; from += step) {
    const to = from + step - 1n < last ? from + step - 1n : last;
    jobs.push({ data: { broadcast_id: broadcastId, first: String(from), last: String(to) } });
  }
  for (let i = 0; i < jobs.length; i += 1000) await queue.insert(tx, QUEUES.delivery.name, jobs.slice(i, i + 1000));
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
