import type { TxSql } from '@vigie/db';
import type { Broadcast } from '@vigie/shared';
import type { Deps } from '../context.ts';
import { announceLiveEvent } from '../live/events.ts';
import { fanOut } from '../routes/broadcasts/fanOut.ts';
import { recordBroadcastUpdated } from '../routes/broadcasts/live.ts';
import { loadBroadcast } from '../routes/broadcasts/load.ts';
import { QUEUES, type JobQueue } from './queue.ts';

/** Data of a `broadcast-send` job: a scheduled send, or (kind `reopen`) a road closure's end. */
export interface BroadcastJob {
  broadcast_id: number;
  kind?: 'send' | 'reopen';
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * When a road-closure alert starts sending, book its reopening at `closure.ends_at`, in the same
 * transaction: a closure announced is a reopening announced (or proposed), whatever restarts between.
 */
export async function scheduleReopen(tx: TxSql, queue: JobQueue, b: Pick<Broadcast, 'id' | 'category' | 'closure' | 'follows_id'>) {
  if (b.category !== 'road_closure' || !b.closure || b.follows_id) return;
  await queue.send(tx, QUEUES.broadcastSend.name, { broadcast_id: b.id, kind: 'reopen' } satisfies BroadcastJob, { startAfter: new Date(b.closure.ends_at), singletonKey: `reopen-${b.id}` });
}

/** The « Route rouverte » follow-up's texts, from the closure alert's title (GSM-7 in the SMS). */
export function reopenTexts(title: string) {
  return {
    title: clip(`Route rouverte : ${title}`, 120),
    sms_text: clip(`Route rouverte : ${title}. La circulation est rétablie. Merci de votre vigilance.`, 1000),
    email_subject: clip(`Route rouverte : ${title}`, 200),
    email_body: `La fermeture annoncée (« ${clip(title, 200)} ») a pris fin : la circulation est rétablie.\n\nMerci de votre vigilance.`,
  };
}

/**
 * At `ends_at`: a « Route rouverte » follow-up to the same frozen recipients, as a draft the
 * officer sends in one click (`reopen: "propose"`) or sent at once (`"send"`). At most one per
 * closure, even if the job runs twice (the parent row is locked, an existing one is kept).
 * A cancelled closure, or one whose ends_at was moved by an edit (no longer possible once sent), gets none.
 */
export async function reopenRoad(deps: Pick<Deps, 'sql' | 'queue' | 'fanOut' | 'logger'>, broadcastId: number): Promise<number | null> {
  const positions = await deps.sql.begin(async (tx) => {
    const [locked] = await tx<{ status: string }[]>`select status from broadcasts where id = ${broadcastId} for update`;
    if (locked?.status !== 'sending' && locked?.status !== 'sent') return [];
    const [existing] = await tx`select id from broadcasts where follows_id = ${broadcastId} and follow_kind = 'reopen'`;
    if (existing) return [];
    const parent = (await loadBroadcast(tx, broadcastId))!;
    if (!parent.closure) return [];
    const values = {
      category: 'road_closure', ...reopenTexts(parent.title), channels: parent.channels, target: tx.json(parent.target as never),
      follows_id: parent.id, follow_kind: 'reopen', report_id: parent.report_id, created_by: parent.created_by,
    };
    const [row] = await tx<{ id: number }[]>`insert into broadcasts ${tx(values as never, ['category', 'title', 'sms_text', 'email_subject', 'email_body', 'channels', 'target', 'follows_id', 'follow_kind', 'report_id', 'created_by'])} returning id`;
    const id = row!.id;
    if (parent.closure.reopen === 'send') await fanOut(tx, deps.queue, { id, target: parent.target, channels: parent.channels, follows_id: parent.id });
    const position = await recordBroadcastUpdated(tx, id);
    return position === null ? [] : [{ id, position }];
  });
  for (const { position } of positions) announceLiveEvent(deps, position);
  return positions[0]?.id ?? null;
}
