import type { ClientToServerEvents, LiveEnvelope, LiveResyncReply, ReportPresence, ServerToClientEvents, Viewer } from '@vigie/shared';
import type { Socket } from 'socket.io-client';
import {
  SESSION_TOPIC,
  WIRE_EVENTS,
  createEventDedupe,
  isResourceTopic,
  lockTopic,
  toTopicEvents,
  type LiveEvent,
  type LiveListener,
} from './liveEvents.ts';
import { onBrowserWake, retryDelayMs, waitingStatus } from './reconnect.ts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline';

const RESYNC_TIMEOUT_MS = 10_000;
const JOIN_TIMEOUT_MS = 5_000;

export interface LiveClientOptions {
  /** Calls `retry` when reconnecting at once is worth it; returns how to stop listening. */
  onWake?: (retry: () => void) => () => void;
  random?: () => number;
}

/**
 * The live layer behind the data provider's `subscribe`/`unsubscribe`/`publish`: one socket per
 * signed-in session (`start` after login, `stop` on logout), socket events mapped onto
 * react-admin topics, and a resync after every reconnect so no event is lost or applied twice.
 * It never gives up while signed in: where socket.io would stop trying, it retries with backoff.
 */
export function createLiveClient(connect: () => Promise<LiveSocket>, { onWake = onBrowserWake, random = Math.random }: LiveClientOptions = {}) {
  const listeners = new Map<string, Set<LiveListener>>();
  const statusListeners = new Set<() => void>();
  let status: LiveStatus = 'idle';
  let socket: LiveSocket | null = null;
  let generation = 0;
  let started = false;
  let dedupe = createEventDedupe();
  /** Set once the session connected or failed to: any later connect may have missed events. */
  let resyncOnConnect = false;
  let retry: { timer: ReturnType<typeof setTimeout>; action: () => void } | null = null;
  let attempts = 0;
  let stopWaking = () => {};
  /** Who has each report open, as last announced by the server ("who is on it"). */
  const viewers = new Map<number, Viewer[]>();
  /** Reports this tab has open, counted: the side panel and the show page may hold the same one. */
  const held = new Map<number, number>();

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

  const setPresence = ({ report_id, viewers: list }: ReportPresence) => {
    if (list.length) viewers.set(report_id, list);
    else viewers.delete(report_id);
    const date = new Date();
    const payload = { ids: [report_id], record: { report_id, viewers: list } };
    publish(lockTopic('reports'), { type: 'updated', topic: lockTopic('reports'), payload, date });
    publish(lockTopic('reports', report_id), { type: 'updated', topic: lockTopic('reports', report_id), payload, date });
  };

  const join = (current: LiveSocket, reportId: number) =>
    current.timeout(JOIN_TIMEOUT_MS).emit('report:join', { report_id: reportId }, (error: Error | null, reply?: ReportPresence | { error: string }) => {
      if (current !== socket || error || !reply || 'error' in reply) return;
      setPresence(reply);
    });

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

  const cancelRetry = () => {
    if (retry) clearTimeout(retry.timer);
    retry = null;
  };

  /** Tries `action` again after the next backoff delay (1 s doubling to 30 s, with jitter). */
  const scheduleRetry = (action: () => void) => {
    cancelRetry();
    setStatus(waitingStatus());
    const timer = setTimeout(() => {
      retry = null;
      action();
    }, retryDelayMs(attempts++, random));
    retry = { timer, action };
  };

  /** Back online or tab shown again: the pending retry, if any, happens now. */
  const retryNow = () => {
    if (!retry) return;
    const { action } = retry;
    cancelRetry();
    action();
  };

  const reconnect = (current: LiveSocket) => () => {
    if (current === socket && !current.connected) current.connect();
  };

  const connected = (current: LiveSocket) => {
    cancelRetry();
    attempts = 0;
    setStatus('online');
    // A recovered connection had its missed packets replayed by socket.io itself.
    if (resyncOnConnect && !current.recovered) resync(current);
    resyncOnConnect = true;
    // The server drops a socket's presence when it disconnects: say again what this tab has open.
    for (const reportId of held.keys()) join(current, reportId);
  };

  const attach = (current: LiveSocket) => {
    current.on('connect', () => connected(current));
    // socket.io retries a lost transport by itself (`active`), but leaves to the application a
    // socket the server closed (restart, deploy) or refused (middleware error while it starts).
    const lost = () => {
      if (current !== socket) return;
      resyncOnConnect = true;
      if (current.active) setStatus(waitingStatus());
      else scheduleRetry(reconnect(current));
    };
    current.on('disconnect', lost);
    current.on('connect_error', lost);
    for (const name of Object.keys(WIRE_EVENTS) as Array<keyof typeof WIRE_EVENTS>) {
      current.on(name, (envelope: LiveEnvelope<unknown>) => deliver(name, envelope));
    }
    current.on('report:presence', (presence) => setPresence(presence));
    current.on('session:ended', ({ reason }) => {
      stop();
      publish(SESSION_TOPIC, { type: 'deleted', topic: SESSION_TOPIC, payload: { ids: [], record: { reason } }, date: new Date() });
    });
  };

  /** Creates the session's socket; if that fails (server down, a chunk gone after a deploy), again later. */
  async function open(mine: number) {
    try {
      const created = await connect();
      if (mine !== generation) {
        created.disconnect();
        return;
      }
      socket = created;
      attach(created);
      if (created.connected) connected(created);
    } catch {
      if (mine !== generation) return;
      resyncOnConnect = true;
      scheduleRetry(() => void open(mine));
    }
  }

  async function start() {
    if (started) return retryNow();
    started = true;
    const mine = ++generation;
    stopWaking = onWake(retryNow);
    setStatus('connecting');
    await open(mine);
  }

  function stop() {
    generation++;
    started = false;
    stopWaking();
    stopWaking = () => {};
    cancelRetry();
    attempts = 0;
    resyncOnConnect = false;
    // Forgotten first, so that its own 'disconnect' is not taken for a loss to retry.
    const closing = socket;
    socket = null;
    closing?.disconnect();
    dedupe = createEventDedupe();
    viewers.clear();
    held.clear();
    setStatus('idle');
  }

  /** ra-realtime's `lock`: this tab has the report open (joins its presence room while connected). */
  function lock(reportId: number) {
    const count = held.get(reportId) ?? 0;
    held.set(reportId, count + 1);
    if (count === 0 && socket?.connected) join(socket, reportId);
  }

  /** ra-realtime's `unlock`: the last view of the report in this tab closed. */
  function unlock(reportId: number) {
    const count = held.get(reportId) ?? 0;
    if (count > 1) return void held.set(reportId, count - 1);
    held.delete(reportId);
    if (count === 1 && socket?.connected) socket.emit('report:leave', { report_id: reportId });
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
    lock,
    unlock,
    /** Who has this report open (everyone, this user included); empty when nobody. */
    getLock: (reportId: number): Viewer[] => viewers.get(reportId) ?? [],
    getLocks: (): ReadonlyMap<number, Viewer[]> => viewers,
    getStatus: () => status,
    onStatusChange(listener: () => void) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
  };
}

export type LiveClient = ReturnType<typeof createLiveClient>;
