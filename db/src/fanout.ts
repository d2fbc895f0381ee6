import { EventEmitter } from 'node:events';
import type { Database } from './client.ts';

/**
 * Carries live-event ids between server processes. PostgreSQL: LISTEN/NOTIFY on one channel.
 * Embedded: PGlite's notifications do not cross its socket, and there is only ever one process,
 * so an in-process emitter does the same job.
 */
export interface FanOut {
  publish(message: FanOutMessage): Promise<void>;
  subscribe(handler: (message: FanOutMessage) => void): Promise<() => Promise<void>>;
}

export type FanOutMessage =
  | { kind: 'live'; event_id: number }
  | { kind: 'staff_sessions_ended'; staff_id: number; reason: 'revoked' | 'disabled' | 'role_changed' }
  | { kind: 'session_ended'; session_id: string };

const CHANNEL = 'vigie_live';

export function createFanOut(db: Database): FanOut {
  if (db.engine === 'embedded') {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    return {
      async publish(message) {
        emitter.emit(CHANNEL, message);
      },
      async subscribe(handler) {
        emitter.on(CHANNEL, handler);
        return async () => void emitter.off(CHANNEL, handler);
      },
    };
  }
  return {
    async publish(message) {
      await db.sql.notify(CHANNEL, JSON.stringify(message));
    },
    async subscribe(handler) {
      const { unlisten } = await db.sql.listen(CHANNEL, (payload) => handler(JSON.parse(payload) as FanOutMessage));
      return unlisten;
    },
  };
}
