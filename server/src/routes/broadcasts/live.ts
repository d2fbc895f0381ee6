import type { Sql, TxSql } from '@vigie/db';
import type { Deps } from '../../context.ts';
import { announceLiveEvent, recordLiveEvent } from '../../live/events.ts';
import { loadBroadcast } from './load.ts';

/** At most one progress event per broadcast in this interval (about two a second), per process. */
export const BROADCAST_LIVE_INTERVAL_MS = 500;

/**
 * `broadcast:updated` with the broadcast and its counts, in the caller's transaction: a state
 * change (sent, approved, cancelled, settled) is announced exactly when it commits, never throttled.
 */
export async function recordBroadcastUpdated(tx: Sql | TxSql, id: number): Promise<number | null> {
  const broadcast = await loadBroadcast(tx, id);
  if (!broadcast) return null;
  return recordLiveEvent(tx, 'broadcast:updated', 'broadcasts', id, broadcast);
}

type LiveDeps = Pick<Deps, 'sql' | 'fanOut' | 'logger'>;

interface Slot {
  last: number;
  timer: NodeJS.Timeout | null;
}

export interface BroadcastProgress {
  /** A delivery of this broadcast changed: an event now, or one at the end of the interval. */
  touch(broadcastId: number): void;
  /** The broadcast reached its final state (announced by its own event): no progress frame after it. */
  drop(broadcastId: number): void;
}

// One throttle per database handle, so that every worker of a process shares a broadcast's budget.
const perSql = new WeakMap<object, BroadcastProgress>();

/**
 * Delivery progress, throttled: a 10,000-recipient broadcast changes thousands of rows a minute,
 * but a progress bar needs about two frames a second. Leading edge (the first change shows at
 * once) and trailing edge (the last change always shows), each event recorded in `live_events`
 * so `live:resync` replays it like a report event.
 */
export function broadcastProgress(deps: LiveDeps): BroadcastProgress {
  const known = perSql.get(deps.sql);
  if (known) return known;
  const slots = new Map<number, Slot>();
  const emit = async (id: number) => {
    try {
      const position = await deps.sql.begin((tx) => recordBroadcastUpdated(tx, id));
      if (position !== null) announceLiveEvent(deps, position);
    } catch (error) {
      // Progress is a view of the deliveries table: a lost frame is caught up by the next one.
      deps.logger.warn({ err: error, broadcast_id: id }, 'broadcast progress event not recorded');
    }
  };
  const progress: BroadcastProgress = {
    touch(id) {
      const slot = slots.get(id) ?? { last: 0, timer: null };
      slots.set(id, slot);
      if (slot.timer) return;
      const wait = slot.last + BROADCAST_LIVE_INTERVAL_MS - Date.now();
      const fire = () => {
        slot.timer = null;
        slot.last = Date.now();
        void emit(id);
      };
      if (wait <= 0) return fire();
      slot.timer = setTimeout(fire, wait);
      slot.timer.unref();
    },
    drop(id) {
      const slot = slots.get(id);
      if (slot?.timer) clearTimeout(slot.timer);
      slots.delete(id);
    },
  };
  perSql.set(deps.sql, progress);
  return progress;
}
