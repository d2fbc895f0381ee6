import type { ClientToServerEvents, LiveEnvelope, LiveResyncReply, ServerToClientEvents } from '@vigie/shared';
import type { Socket } from 'socket.io-client';
import {
  SESSION_TOPIC,
  WIRE_EVENTS,
  createEventDedupe,
  isResourceTopic,
  toTopicEvents,
  type LiveEvent,
  type LiveListener,
} from './liveEvents.ts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline';

const RESYNC_TIMEOUT_MS = 10_000;

/**
 * The live layer behind the data provider's `subscribe`/`unsubscribe`/`publish`: one socket per
 * signed-in session (`start` after login, `stop` on logout), socket events mapped onto
 * react-admin topics, and a resync after every reconnect so no event is lost or applied twice.
 */
export function createLiveClient(connect: () => Promise<LiveSocket>) {
  const listeners = new Map<string, Set<LiveListener>>();
  const statusListeners = new Set<() => void>();
  let status: LiveStatus = 'idle';
  let socket: LiveSocket | null = null;
  let generation = 0;
  let dedupe = createEventDedupe();

  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    for (const notify of statusListeners) notify();
  };

  const publish = (topic: string, event: LiveEvent) => {
    for (const listener of [...(listeners.get(topic) ?? [])]) listener(event);
  };

  const deliver = (name: string, envelope: LiveEnvelope<unknown>) => {
    if (!dedupe.accept(envelope.event_id)) return;
    for (const event of toTopicEvents(name, envelope)) publish(event.topic, event);
  };

  /** After a gap we cannot fill, every mounted list and record refetches. */
  const refreshAll = () => {
    const date = new Date();
    for (const topic of [...listeners.keys()].filter(isResourceTopic)) {
      publish(topic, { type: 'updated', topic, payload: { ids: [] }, date });
    }
  };

  const resync = (current: LiveSocket) => {
    if (dedupe.highest === 0) return refreshAll();
    current
      .timeout(RESYNC_TIMEOUT_MS)
      .emit('live:resync', { since: dedupe.highest }, (error: Error | null, reply?: LiveResyncReply | { error: string }) => {
        if (current !== socket) return;
        if (error || !reply || 'error' in reply) return refreshAll();
        const events = [...reply.events].sort((a, b) => a.event_id - b.event_id);
        for (const { name, ...envelope } of events) deliver(name, envelope);
        if (reply.truncated) refreshAll();
      });
  };

  const attach = (current: LiveSocket) => {
    let connectedBefore = false;
    current.on('connect', () => {
      setStatus('online');
      // A recovered connection had its missed packets replayed by socket.io itself.
      if (connectedBefore && !current.recovered) resync(current);
      connectedBefore = true;
    });
    current.on('disconnect', () => setStatus(current.active ? 'reconnecting' : 'offline'));
    current.on('connect_error', () => setStatus(current.active ? 'reconnecting' : 'offline'));
    for (const name of Object.keys(WIRE_EVENTS) as Array<keyof typeof WIRE_EVENTS>) {
      current.on(name, (envelope) => deliver(name, envelope));
    }
    current.on('session:ended', ({ reason }) => {
      stop();
      publish(SESSION_TOPIC, { type: 'deleted', topic: SESSION_TOPIC, payload: { ids: [], record: { reason } }, date: new Date() });
    });
  };

  async function start() {
    if (socket || status === 'connecting') return;
    const mine = ++generation;
    setStatus('connecting');
    try {
      const created = await connect();
      if (mine !== generation) {
        created.disconnect();
        return;
      }
      socket = created;
      attach(created);
      if (created.connected) setStatus('online');
    } catch {
      if (mine === generation) setStatus('offline');
    }
  }

  function stop() {
    generation++;
    socket?.disconnect();
    socket = null;
    dedupe = createEventDedupe();
    setStatus('idle');
  }

  return {
    start,
    stop,
    publish,
    subscribe(topic: string, listener: LiveListener) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
    },
    unsubscribe(topic: string, listener: LiveListener) {
      const set = listeners.get(topic);
      set?.delete(listener);
      if (set?.size === 0) listeners.delete(topic);
    },
    getStatus: () => status,
    onStatusChange(listener: () => void) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
  };
}

export type LiveClient = ReturnType<typeof createLiveClient>;
