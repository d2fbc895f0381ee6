import type { Deps } from '../context.ts';
import { QUEUES } from '../jobs/queue.ts';
import { broadcastProgress } from '../routes/broadcasts/live.ts';

/** A soft-bounced SMS is tried this many times in all, then left `dead` with the carrier's reason. */
export const MAX_DELIVERY_ATTEMPTS = QUEUES.delivery.retryLimit + 1;

/** Seconds before the next try of a soft-bounced SMS: 30 s, 1 min, 2 min… at most an hour. */
export const receiptRetryDelay = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

/**
 * A provider's delivery receipt for `delivery-<id>`. It applies only to the attempt it names (the
 * provider's message id, when we already know it) and only once: a repeated or late receipt, or one
 * for an attempt since replaced, changes nothing. `failed` (soft bounce) is tried again after a
 * delay in a job of its own, or becomes `dead` once the attempts are spent. Answers whether it applied.
 */
export async function receiveDeliveryReceipt(
  deps: Pick<Deps, 'sql' | 'queue' | 'fanOut' | 'logger'>,
  id: string,
  status: 'delivered' | 'failed' | 'dead',
  messageId: string | null,
  error: string | null,
): Promise<boolean> {
  const broadcastId = await deps.sql.begin(async (tx) => {
    const [row] = await tx<{ broadcast_id: number; status: string; attempts: number; provider_id: string | null; broadcast_status: string }[]>`
      select d.broadcast_id, d.status, d.attempts, d.provider_id, b.status as broadcast_status
      from deliveries d join broadcasts b on b.id = d.broadcast_id where d.id = ${id} for update of d`;
    if (!row || (row.status !== 'sending' && row.status !== 'sent')) return null;
    if (messageId !== null && row.provider_id !== null && row.provider_id !== messageId) return null;
    const retry = status === 'failed' && row.attempts < MAX_DELIVERY_ATTEMPTS && row.broadcast_status !== 'cancelled';
    const next = status === 'failed' && !retry ? 'dead' : status;
    await tx`update deliveries set status = ${next}, last_error = ${error}, provider_id = coalesce(provider_id, ${messageId}), updated_at = now() where id = ${id}`;
    if (retry) {
      // The broadcast is not over while one of its messages waits for another try.
      await tx`update broadcasts set status = 'sending', updated_at = now() where id = ${row.broadcast_id} and status = 'sent'`;
      await deps.queue.send(tx, QUEUES.delivery.name, { broadcast_id: row.broadcast_id, first: id, last: id }, { startAfter: receiptRetryDelay(row.attempts) });
    }
    return row.broadcast_id;
  });
  if (broadcastId === null) return false;
  broadcastProgress(deps).touch(broadcastId);
  return true;
}
