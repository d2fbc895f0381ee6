import type { Deps } from '../../context.ts';
import { announceLiveEvent } from '../../live/events.ts';
import { QUEUES } from '../../jobs/queue.ts';
import { reopenRoad, scheduleReopen, type BroadcastJob } from '../../jobs/roadReopen.ts';
import { fanOut } from './fanOut.ts';
import { recordBroadcastUpdated } from './live.ts';
import { loadBroadcast } from './load.ts';

/**
 * `broadcast-send` jobs: a scheduled broadcast at `send_at` (recipients frozen then, unless it was
 * cancelled or edited meanwhile), or a road closure's reopening at its `ends_at`.
 */
export async function startBroadcastScheduler(deps: Deps) {
  await deps.queue.work<BroadcastJob>(QUEUES.broadcastSend.name, { pollingIntervalSeconds: 2 }, async (job) => {
    if (job.data.kind === 'reopen') {
      await reopenRoad(deps, job.data.broadcast_id);
      return;
    }
    const position = await deps.sql.begin(async (tx) => {
      const [locked] = await tx`select status from broadcasts where id = ${job.data.broadcast_id} for update`;
      if (locked?.status !== 'scheduled') return null;
      const b = (await loadBroadcast(tx, job.data.broadcast_id))!;
      await fanOut(tx, deps.queue, b);
      await scheduleReopen(tx, deps.queue, b);
      if (b.report_id) await tx`insert into report_events (report_id, staff_id, action, to_value, note) values (${b.report_id}, ${b.created_by}, 'broadcast', ${String(b.id)}, ${b.title})`;
      return recordBroadcastUpdated(tx, b.id);
    });
    if (position !== null) announceLiveEvent(deps, position);
  });
}
