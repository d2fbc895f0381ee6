import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveResyncReply, ReportPresence } from '@vigie/shared';
import { createLiveClient, type LiveSocket } from './createLiveClient.ts';
import { SESSION_TOPIC, type LiveEvent } from './liveEvents.ts';

type Handler = (...args: any[]) => void;

/** Just enough of a socket.io client socket: server events are fired by hand. */
function fakeSocket(resyncReply?: LiveResyncReply | { error: string }, joinReply?: (args: { report_id: number }) => ReportPresence) {
  const handlers = new Map<string, Handler[]>();
  const emitted: Array<{ name: string; args: unknown }> = [];
  const socket = {
    connected: false,
    active: true,
    on(name: string, handler: Handler) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
      return socket;
    },
    timeout: () => ({
      emit(name: string, args: unknown, ack: Handler) {
        emitted.push({ name, args });
        const reply = name === 'report:join' ? joinReply?.(args as { report_id: number }) : resyncReply;
        if (reply) ack(null, reply);
      },
    }),
    emit(name: string, args: unknown) {
      emitted.push({ name, args });
    },
    disconnect: vi.fn(() => {
      socket.active = false;
    }),
    connect: vi.fn(() => {
      socket.active = true;
    }),
    fire(name: string, ...args: unknown[]) {
      for (const handler of handlers.get(name) ?? []) handler(...args);
    },
    emitted,
  };
  return socket;
}

const report = (event_id: number, id: number) => ({ event_id, date: '2024-03-08T13:05:00Z', record: { id } });

async function startedClient(socket: ReturnType<typeof fakeSocket>) {
  const client = createLiveClient(async () => socket as unknown as LiveSocket);
  await client.start();
  socket.fire('connect');
  return client;
}

describe('live client', () => {
  it('delivers socket events to list and record subscribers', async () => {
    const socket = fakeSocket();
    const client = await startedClient(socket);
    const list: LiveEvent[] = [];
    const record: LiveEvent[] = [];
    client.subscribe('resource/reports', (event) => list.push(event));
    client.subscribe('resource/reports/3', (event) => record.push(event));
    socket.fire('report:created', report(1, 3));
    socket.fire('report:updated', report(2, 4));
    expect(list.map((event) => [event.type, event.payload.ids])).toEqual([
      ['created', [3]],
      ['updated', [4]],
    ]);
    expect(record).toHaveLength(1);
    expect(client.getStatus()).toBe('online');
  });

  it('stops delivering after unsubscribe', async () => {
    const socket = fakeSocket();
    const client = await startedClient(socket);
    const listener = vi.fn();
    client.subscribe('resource/reports', listener);
    client.unsubscribe('resource/reports', listener);
    socket.fire('report:created', report(1, 3));
    expect(listener).not.toHaveBeenCalled();
  });

  it('asks for what it missed after a reconnect and applies each event once', async () => {
    const socket = fakeSocket({
      events: [
        { event_id: 3, date: '2024-03-08T13:06:00Z', name: 'report:updated', record: { id: 9 } },
        { event_id: 2, date: '2024-03-08T13:05:30Z', name: 'report:created', record: { id: 9 } },
      ],
      truncated: false,
    });
    const client = await startedClient(socket);
    const seen: number[] = [];
    client.subscribe('resource/reports', (event) => seen.push(event.payload.ids[0] as number));
    socket.fire('report:created', report(1, 8));
    socket.fire('report:created', report(2, 9));
    socket.fire('disconnect', 'transport close');
    expect(client.getStatus()).toBe('reconnecting');
    socket.fire('connect');
    expect(socket.emitted).toEqual([{ name: 'live:resync', args: { since: 2 } }]);
    expect(seen).toEqual([8, 9, 9]); // event 2 was not replayed; event 3 was delivered
    socket.fire('report:updated', report(3, 9));
    expect(seen).toHaveLength(3);
  });

  it('tells every subscribed list and record to refetch when the resync is truncated', async () => {
    const socket = fakeSocket({ events: [], truncated: true });
    const client = await startedClient(socket);
    socket.fire('report:created', report(1, 8));
    const list = vi.fn();
    const record = vi.fn();
    const session = vi.fn();
    client.subscribe('resource/reports', list);
    client.subscribe('resource/reports/8', record);
    client.subscribe(SESSION_TOPIC, session);
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ type: 'updated', payload: { ids: [] } }));
    expect(record).toHaveBeenCalledTimes(1);
    expect(session).not.toHaveBeenCalled();
  });

  it('refetches instead of resyncing when it never saw an event', async () => {
    const socket = fakeSocket({ events: [], truncated: false });
    const client = await startedClient(socket);
    const list = vi.fn();
    client.subscribe('resource/reports', list);
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    expect(socket.emitted).toEqual([]);
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('closes the socket and announces it when the server ends the session', async () => {
    const socket = fakeSocket();
    const client = await startedClient(socket);
    const session = vi.fn();
    client.subscribe(SESSION_TOPIC, session);
    socket.fire('session:ended', { reason: 'revoked' });
    expect(socket.disconnect).toHaveBeenCalled();
    expect(session).toHaveBeenCalledWith(expect.objectContaining({ payload: { ids: [], record: { reason: 'revoked' } } }));
    expect(client.getStatus()).toBe('idle');
  });

  it('opens one socket per session, however often it is started', async () => {
    const socket = fakeSocket();
    const connect = vi.fn(async () => socket as unknown as LiveSocket);
    const client = createLiveClient(connect);
    await Promise.all([client.start(), client.start()]);
    await client.start();
    expect(connect).toHaveBeenCalledTimes(1);
    client.stop();
    expect(socket.disconnect).toHaveBeenCalled();
  });

  it('does not keep a socket that connected after sign-out', async () => {
    const socket = fakeSocket();
    let resolve: (value: LiveSocket) => void = () => undefined;
    const client = createLiveClient(() => new Promise<LiveSocket>((done) => (resolve = done)));
    const starting = client.start();
    client.stop();
    resolve(socket as unknown as LiveSocket);
    await starting;
    expect(socket.disconnect).toHaveBeenCalled();
    expect(client.getStatus()).toBe('idle');
  });

  it('reconnects by itself when the server closed the socket to restart', async () => {
    vi.useFakeTimers();
    try {
      const socket = fakeSocket();
      const client = await startedClient(socket);
      socket.active = false;
      socket.fire('disconnect', 'io server disconnect');
      expect(client.getStatus()).toBe('reconnecting');
      vi.advanceTimersByTime(1500);
      expect(socket.connect).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  describe('after a deploy (server restarted, maybe refusing while it starts)', () => {
    beforeEach(() => void vi.useFakeTimers());
    afterEach(() => void vi.useRealTimers());

    /** The server answers the handshake with a middleware error: socket.io gives the socket up. */
    const refuse = (socket: ReturnType<typeof fakeSocket>) => {
      socket.active = false;
      socket.fire('connect_error', new Error('unavailable'));
    };

    it('keeps trying, backing off, while the server refuses the socket it closed', async () => {
      const socket = fakeSocket();
      const client = await startedClient(socket);
      socket.active = false;
      socket.fire('disconnect', 'io server disconnect');
      await vi.advanceTimersByTimeAsync(1_000);
      expect(socket.connect).toHaveBeenCalledTimes(1);
      refuse(socket);
      expect(client.getStatus()).toBe('reconnecting');
      await vi.advanceTimersByTimeAsync(2_000);
      expect(socket.connect).toHaveBeenCalledTimes(2);
      refuse(socket);
      await vi.advanceTimersByTimeAsync(1_999); // at least half of the next 4 s
      expect(socket.connect).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(2_001);
      expect(socket.connect).toHaveBeenCalledTimes(3);
    });

    it('waits at most 30 s between attempts, however long the server stays away', async () => {
      const socket = fakeSocket();
      const client = await startedClient(socket);
      refuse(socket);
      for (let attempt = 1; attempt <= 10; attempt++) {
        await vi.advanceTimersByTimeAsync(30_000);
        expect(socket.connect).toHaveBeenCalledTimes(attempt);
        refuse(socket);
      }
      expect(client.getStatus()).toBe('reconnecting');
    });

    it('catches up once connected again: what it missed, once, and nothing it already had', async () => {
      const socket = fakeSocket({
        events: [
          { event_id: 1, date: '2024-03-08T13:05:00Z', name: 'report:created', record: { id: 8 } },
          { event_id: 2, date: '2024-03-08T13:06:00Z', name: 'report:created', record: { id: 9 } },
        ],
        truncated: false,
      });
      const client = await startedClient(socket);
      const seen: number[] = [];
      client.subscribe('resource/reports', (event) => seen.push(event.payload.ids[0] as number));
      socket.fire('report:created', report(1, 8));
      socket.active = false;
      socket.fire('disconnect', 'io server disconnect');
      await vi.advanceTimersByTimeAsync(1_000);
      refuse(socket);
      await vi.advanceTimersByTimeAsync(2_000);
      socket.fire('connect');
      expect(client.getStatus()).toBe('online');
      expect(socket.emitted).toEqual([{ name: 'live:resync', args: { since: 1 } }]);
      expect(seen).toEqual([8, 9]);
      // Connected again, the backoff starts over from 1 s.
      socket.active = false;
      socket.fire('disconnect', 'io server disconnect');
      await vi.advanceTimersByTimeAsync(1_000);
      expect(socket.connect).toHaveBeenCalledTimes(3);
    });

    it('tries again when the socket could not even be created, and refetches what it may have missed', async () => {
      const socket = fakeSocket({ events: [], truncated: false });
      const connect = vi
        .fn<() => Promise<LiveSocket>>()
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockResolvedValue(socket as unknown as LiveSocket);
      const client = createLiveClient(connect);
      const list = vi.fn();
      client.subscribe('resource/reports', list);
      await client.start();
      expect(client.getStatus()).toBe('reconnecting');
      await vi.advanceTimersByTimeAsync(1_000);
      expect(connect).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(connect).toHaveBeenCalledTimes(3);
      socket.fire('connect');
      expect(client.getStatus()).toBe('online');
      expect(list).toHaveBeenCalledWith(expect.objectContaining({ type: 'updated', payload: { ids: [] } }));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(connect).toHaveBeenCalledTimes(3);
    });

    it('tries at once when the browser is back online or the tab is shown again', async () => {
      let wake = () => {};
      const socket = fakeSocket();
      const client = createLiveClient(async () => socket as unknown as LiveSocket, { onWake: (retry) => ((wake = retry), () => (wake = () => {})) });
      await client.start();
      socket.fire('connect');
      wake(); // connected: nothing to do
      expect(socket.connect).not.toHaveBeenCalled();
      refuse(socket);
      wake();
      expect(socket.connect).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(socket.connect).toHaveBeenCalledTimes(1); // the retry that was pending happened early, not twice
    });

    it('stops trying for good on sign-out', async () => {
      const stopWaking = vi.fn();
      const connect = vi.fn<() => Promise<LiveSocket>>().mockRejectedValue(new TypeError('Failed to fetch'));
      const client = createLiveClient(connect, { onWake: () => stopWaking });
      await client.start();
      client.stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(connect).toHaveBeenCalledTimes(1);
      expect(stopWaking).toHaveBeenCalled();
      expect(client.getStatus()).toBe('idle');
    });

    it('does not reconnect a socket whose session the server ended', async () => {
      const socket = fakeSocket();
      const client = await startedClient(socket);
      socket.fire('session:ended', { reason: 'revoked' });
      socket.fire('disconnect', 'io server disconnect');
      await vi.advanceTimersByTimeAsync(120_000);
      expect(socket.connect).not.toHaveBeenCalled();
      expect(client.getStatus()).toBe('idle');
    });
  });

  describe('presence ("who is on it", ra-realtime lock API)', () => {
    const julien = { staff_id: 7, full_name: 'Julien Marchand', since: '2024-03-08T13:05:00Z' };
    const presenceOf = ({ report_id }: { report_id: number }): ReportPresence => ({ report_id, viewers: [julien] });

    async function connectedClient() {
      const socket = fakeSocket(undefined, presenceOf);
      const client = await startedClient(socket);
      socket.connected = true;
      return { socket, client };
    }

    it('joins a report once however many views hold it, and leaves with the last one', async () => {
      const { socket, client } = await connectedClient();
      client.lock(12);
      client.lock(12);
      expect(socket.emitted).toEqual([{ name: 'report:join', args: { report_id: 12 } }]);
      expect(client.getLock(12)).toEqual([julien]);
      client.unlock(12);
      expect(socket.emitted).toHaveLength(1);
      client.unlock(12);
      expect(socket.emitted.at(-1)).toEqual({ name: 'report:leave', args: { report_id: 12 } });
    });

    it('publishes presence changes on the lock topics and forgets empty rooms', async () => {
      const { socket, client } = await connectedClient();
      const all = vi.fn();
      const one = vi.fn();
      client.subscribe('lock/reports', all);
      client.subscribe('lock/reports/5', one);
      socket.fire('report:presence', { report_id: 5, viewers: [julien] });
      expect(client.getLocks().get(5)).toEqual([julien]);
      expect(one).toHaveBeenCalledWith(expect.objectContaining({ payload: { ids: [5], record: { report_id: 5, viewers: [julien] } } }));
      socket.fire('report:presence', { report_id: 5, viewers: [] });
      expect(client.getLocks().has(5)).toBe(false);
      expect(all).toHaveBeenCalledTimes(2);
    });

    it('opens the reports it holds again after a reconnect, since the server dropped them', async () => {
      const { socket, client } = await connectedClient();
      client.lock(3);
      socket.emitted.length = 0;
      socket.fire('disconnect', 'transport close');
      socket.fire('connect');
      expect(socket.emitted).toEqual([{ name: 'report:join', args: { report_id: 3 } }]);
    });

    it('waits for the connection before joining, and forgets everything on sign-out', async () => {
      const socket = fakeSocket(undefined, presenceOf);
      const client = await startedClient(socket);
      client.lock(4);
      expect(socket.emitted).toEqual([]);
      socket.connected = true;
      socket.fire('connect');
      expect(socket.emitted).toEqual([{ name: 'report:join', args: { report_id: 4 } }]);
      client.stop();
      expect(client.getLock(4)).toEqual([]);
    });
  });
});
