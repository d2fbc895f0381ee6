import type { Deps } from '../../context.ts';
import { QUEUES } from '../../jobs/queue.ts';
import { fanOut } from './fanOut.ts';
import { loadBroadcast } from './load.ts';

/** Scheduled broadcasts: at `send_at` the job freezes recipients, unless cancelled or edited meanwhile. */
export async function startBroadcastScheduler(deps: Deps) {
  await deps.queue.work<{ broadcast_id: number }>(QUEUES.broadcastSend.name, { pollingIntervalSeconds: 2 }, async (job) => {
    await deps.sql.begin(async (tx) => {
      const [locked] = await tx`select status from broadcasts where id = ${job.data.broadcast_id} for update`;
      if (locked?.status !== 'scheduled') return;
      const b = (await loadBroadcast(tx, job.data.broadcast_id))!;
      await fanOut(tx, deps.queue, b);
      if (b.report_id) await tx`insert into report_events (report_id, staff_id, action, to_value, note) values (${b.report_id}, ${b.created_by}, 'broadcast', ${String(b.id)}, ${b.title})`;
    });
  });
}
