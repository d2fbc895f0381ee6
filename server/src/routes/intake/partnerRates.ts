import type { Sql } from '@vigie/db';

export interface PartnerRates {
  /** Count one signed request of the partner: 0 to go ahead, or the seconds to wait (429's Retry-After). */
  take(partnerId: string, perMinute: number): number;
  /** Share what this process counted now (tests, shutdown). */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

export const RATE_WINDOW_MS = 60_000;
/** How often a process shares its counts: a partner may exceed its rate by this much traffic per process. */
export const RATE_SYNC_MS = 250;

interface Window {
  /** When the window started, on this process's clock. */
  startedAt: number;
  /** The count of every process, as of the last sync. */
  shared: number;
  /** Counted here and not yet shared. */
  pending: number;
  /** Counted here and being shared right now. */
  sending: number;
}

/**
 * Fixed 60-second windows per partner, counted in memory and shared through the `throttle` table
 * every RATE_SYNC_MS by one statement for all partners. A signed request thus costs no round trip
 * for its count, the heaviest price of rate-limiting in PostgreSQL row by row (every request of a
 * partner updating one hot row). The database's count is the truth every process converges to;
 * between two syncs, a process sees its own requests at once and the others' a quarter of a
 * second late, which is all a rate limit needs.
 */
export function createPartnerRates(sql: Sql, options: { syncMs?: number; now?: () => number; onError?: (error: unknown) => void } = {}): PartnerRates {
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();
  let syncing: Promise<void> | null = null;

  const windowOf = (partnerId: string, at: number) => {
    let window = windows.get(partnerId);
    if (!window || at >= window.startedAt + RATE_WINDOW_MS) {
      // A new window as far as this process knows; the next sync tells where the shared one stands.
      window = { startedAt: at, shared: 0, pending: 0, sending: 0 };
      windows.set(partnerId, window);
    }
    return window;
  };

  async function share() {
    const batch = [...windows].filter(([, w]) => w.pending > 0);
    if (batch.length === 0) return;
    for (const [, w] of batch) {
      w.sending = w.pending;
      w.pending = 0;
    }
    try {
      const rows = await sql<Array<{ key: string; hits: number; remaining_ms: number }>>`
        insert into throttle as t (key, hits, window_started_at)
        select key, hits, now() from unnest(${batch.map(([id]) => `intake:${id}`)}::text[], ${batch.map(([, w]) => w.sending)}::int[]) as u (key, hits)
        on conflict (key) do update set
          hits = case when t.window_started_at <= now() - interval '60 seconds' then excluded.hits else t.hits + excluded.hits end,
          window_started_at = case when t.window_started_at <= now() - interval '60 seconds' then now() else t.window_started_at end
        returning key, hits, extract(epoch from (window_started_at + interval '60 seconds' - now())) * 1000 as remaining_ms`;
      const at = now();
      for (const row of rows) {
        const window = windows.get(row.key.slice('intake:'.length));
        if (!window) continue;
        // The database's window, placed on this clock by what remains of it (no clock is shared).
        window.startedAt = at + Number(row.remaining_ms) - RATE_WINDOW_MS;
        window.shared = row.hits;
        window.sending = 0;
      }
    } catch (error) {
      // Not shared this time: counted again at the next sync, so nothing is forgotten.
      for (const [, w] of batch) {
        w.pending += w.sending;
        w.sending = 0;
      }
      throw error;
    }
  }

  const sync = () => {
    syncing ??= share().finally(() => (syncing = null));
    return syncing;
  };

  const timer = setInterval(() => {
    sync().catch((error) => options.onError?.(error));
  }, options.syncMs ?? RATE_SYNC_MS);
  timer.unref();

  return {
    take(partnerId, perMinute) {
      const at = now();
      const window = windowOf(partnerId, at);
      window.pending += 1;
      if (window.shared + window.sending + window.pending <= perMinute) return 0;
      return Math.max(1, Math.ceil((window.startedAt + RATE_WINDOW_MS - at) / 1000));
    },
    sync,
    async stop() {
      clearInterval(timer);
      await sync().catch((error) => options.onError?.(error));
    },
  };
}
