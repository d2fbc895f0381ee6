import type { Sql } from '@vigie/db';
import { liveEventsSince, type LiveEventRow } from './events.ts';

const PAGE = 500;
/** A read that has not answered by then is given up (its connection was killed mid-query): read again. */
const READ_TIMEOUT_MS = 5_000;
/** How often a process reads on even without a wake-up: a lost NOTIFY costs at most this delay. */
export const PUMP_POLL_MS = 1000;

export interface LivePump {
  /** A live event committed at this position: read until it is served. */
  wake(position: number): void;
  close(): void;
}

/**
 * One reader per process carries live events to its sockets in commit order: it serves only
 * positions below the commit horizon, so the `event_id`s a socket receives never skip an event
 * that commits later, and a client resuming from its last one (`live:resync`) misses nothing.
 * An event whose older neighbours are still in flight waits for them (retries back off to 200 ms).
 */
export async function startLivePump(sql: Sql, deliver: (event: LiveEventRow) => void, onError: (error: unknown) => void): Promise<LivePump> {
  let cursor: number | null = null;
  let wanted = 0;
  let running = false;
  let again = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = 5;

  const read = (since: number, limit: number) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('live pump read timed out')), READ_TIMEOUT_MS)));
    return Promise.race([liveEventsSince(sql, since, null, limit), timeout]).finally(() => clearTimeout(timer));
  };

  const run = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        if (cursor === null) cursor = (await read(Number.MAX_SAFE_INTEGER, 0)).horizon - 1;
        const { events, horizon } = await read(cursor, PAGE);
        for (const event of events) deliver(event);
        if (events.length) cursor = events.at(-1)!.position;
        if (events.length === PAGE) again = true;
        else if (horizon <= wanted && !closed) {
          retry ??= setTimeout(() => ((retry = null), void run()), delay);
          delay = Math.min(delay * 2, 200);
        } else delay = 5;
      } while (again && !closed);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };

  const poll = setInterval(() => void run(), PUMP_POLL_MS);
  poll.unref();
  await run(); // the starting cursor: nothing that commits from now on is skipped
  return {
    wake(position) {
      if (position > wanted) wanted = position;
      void run();
    },
    close() {
      closed = true;
      clearInterval(poll);
      if (retry) clearTimeout(retry);
    },
  };
}
