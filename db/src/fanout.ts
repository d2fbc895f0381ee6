import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Database } from './client.ts';

/**
 * Carries messages between server processes: live-event ids, ended sessions, changed partners.
 * A message is delivered to this process's own handlers at once, then to the other processes:
 * PostgreSQL LISTEN/NOTIFY on one channel (a process skips the copy of its own message). The
 * embedded engine has only ever one process, and PGlite's notifications do not cross its socket,
 * so there local delivery is all there is.
 */
export interface FanOut {
  /** Tells this process's copies from the other processes' messages. */
  readonly origin: string;
  publish(message: FanOutMessage): Promise<void>;
  subscribe(handler: (message: FanOutMessage) => void): Promise<() => Promise<void>>;
}

export type FanOutMessage =
  /** A live event committed at this position: every process's pump reads on from its cursor. */
  | { kind: 'live'; event_id: number }
  | { kind: 'staff_sessions_ended'; staff_id: number; reason: 'revoked' | 'disabled' | 'role_changed' }
  | { kind: 'session_ended'; session_id: string }
  | { kind: 'partner_changed'; partner_id: string };

/** One NOTIFY carries every message a process published in the same turn of its event loop. */
interface Wire {
  origin: string;
  messages: FanOutMessage[];
}

const CHANNEL = 'vigie_live';
/** How long a message may wait for others to share its NOTIFY: the other processes' extra latency. */
export const NOTIFY_BATCH_MS = 5;
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_900;


/** Messages grouped into payloads under PostgreSQL's limit. */
export function wirePayloads(origin: string, messages: FanOutMessage[]): string[] {
  const envelope = JSON.stringify({ origin, messages: [] } satisfies Wire).length;
  const payloads: string[] = [];
  let batch: string[] = [];
  let length = envelope;
  const flush = () => batch.length && payloads.push(`{"origin":${JSON.stringify(origin)},"messages":[${batch.join(',')}]}`);
  for (const message of messages) {
    const text = JSON.stringify(message);
    if (batch.length && length + text.length + 1 > MAX_PAYLOAD) {
      flush();
      batch = [];
      length = envelope;
    }
    batch.push(text);
    length += text.length + 1;
  }
  flush();
  return payloads;
}

export interface FanOutOptions {
  /** A NOTIFY that failed (it is tried again) or was given up. */
  onError?: (error: unknown, attempt: number, givenUp: boolean) => void;
  /** Tries per NOTIFY, with a doubling delay from `retryDelayMs`. */
  attempts?: number;
  retryDelayMs?: number;
}

/**
 * Publishing follows a commit, so it never rejects: what it carries is already in the database
 * (live events, revoked sessions), and the other processes catch up on their own (the live pump
 * polls; sessions are swept). A failed NOTIFY is retried a few times, with backoff, then logged.
 */
export function createFanOut(db: Database, options: FanOutOptions = {}): FanOut {
  const attempts = options.attempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 100;
  const notify = async (payload: string) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.sql.notify(CHANNEL, payload);
      } catch (error) {
        options.onError?.(error, attempt, attempt >= attempts);
        if (attempt >= attempts) return;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** (attempt - 1)));
      }
    }
  };

  const origin = randomUUID();
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const deliver = (message: FanOutMessage) => void local.emit(CHANNEL, message);

  // Under load, hundreds of messages a second would each cost a round trip and a wake-up of every
  // listening backend: those published within NOTIFY_BATCH_MS share a NOTIFY instead. Only the
  // other processes wait for it; this one had its copy at once.
  let queued: FanOutMessage[] = [];
  let sending: Promise<void> | null = null;
  const notifyQueued = () => {
    sending ??= new Promise<void>((resolve) => setTimeout(resolve, NOTIFY_BATCH_MS)).then(async () => {
      const messages = queued;
      queued = [];
      sending = null;
      for (const payload of wirePayloads(origin, messages)) await notify(payload);
    });
    return sending;
  };

  return {
    origin,
    async publish(message) {
      deliver(message);
      if (db.engine !== 'postgres') return;
      queued.push(message);
      await notifyQueued();
    },
    async subscribe(handler) {
      local.on(CHANNEL, handler);
      if (db.engine !== 'postgres') return async () => void local.off(CHANNEL, handler);
      const { unlisten } = await db.sql.listen(CHANNEL, (payload) => {
        let wire: Wire;
        try {
          wire = JSON.parse(payload) as Wire;
        } catch {
          return; // not ours (a NOTIFY typed by hand on the channel): nothing to deliver
        }
        if (wire.origin !== origin && Array.isArray(wire.messages)) for (const message of wire.messages) handler(message);
      });
      return async () => {
        local.off(CHANNEL, handler);
        await unlisten();
      };
    },
  };
}
