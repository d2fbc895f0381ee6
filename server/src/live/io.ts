import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  canAccess,
  RESOURCES,
  ROLES,
  type ClientToServerEvents,
  type Role,
  type ServerToClientEvents,
  type SocketData,
} from '@vigie/shared';
import type { FanOutMessage } from '@vigie/db';
import { tokenFromCookieHeader } from '../auth/cookie.ts';
import { findSession, invalidSessions, touchSessions } from '../auth/sessions.ts';
import type { Deps } from '../context.ts';
import { clientAddress } from '../http/clientIp.ts';
import { liveEventsSince, type LiveEventRow } from './events.ts';
import { startLivePump } from './pump.ts';
import { isCursor } from '../rest/validation.ts';
import { registerPresenceHandlers } from './presence.ts';

export type VigieServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Rooms: `role:<role>` for fan-out by permission, `staff:<id>` and `session:<id>` to end sessions. */
export const roleRoom = (role: Role) => `role:${role}`;

/** Roles allowed to receive live events about a resource: the `subscribe` column of the matrix. */
export const subscriberRoles = (resource: string) => ROLES.filter((role) => canAccess(role, { action: 'subscribe', resource }));

export const resourcesFor = (role: Role) => RESOURCES.filter((resource) => canAccess(role, { action: 'subscribe', resource }));

export const RESYNC_LIMIT = 500;

export interface Live {
  io: VigieServer;
  close(): Promise<void>;
}

/**
 * socket.io on the HTTP server. Every handshake — including a recovered connection, since
 * `skipMiddlewares` is off — must carry a valid session cookie and come from our own origin.
 */
export async function attachLive(httpServer: HttpServer, deps: Deps, options: { sweepMs?: number } = {}): Promise<Live> {
  const { sql, env, logger } = deps;
  const io: VigieServer = new Server(httpServer, {
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // Cross-site WebSocket hijacking: browsers always send Origin on a handshake.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || env.ALLOWED_ORIGINS.includes(origin));
    },
  });

  io.use(async (socket, next) => {
    try {
      const ip = clientAddress(socket.request.headers['x-forwarded-for'], socket.request.socket.remoteAddress, env.TRUST_PROXY);
      const token = tokenFromCookieHeader(socket.request.headers.cookie, env);
      const session = token ? await findSession(sql, env, token) : null;
      if (!session) {
        logger.debug({ ip }, 'socket handshake without a valid session');
        return next(new Error('unauthorized'));
      }
      socket.data = { staff_id: session.staff_id, full_name: session.full_name, role: session.role, session_id: session.session_id, viewing: {}, ip };
      next();
    } catch (error) {
      logger.error({ err: error }, 'socket handshake failed');
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    const { role, staff_id, session_id } = socket.data;
    void socket.join([roleRoom(role), `staff:${staff_id}`, `session:${session_id}`]);

    socket.on('live:resync', async (args, ack) => {
      if (typeof ack !== 'function') return;
      const since = args && typeof args === 'object' ? (args as { since?: unknown }).since : undefined;
      if (!isCursor(since)) return ack({ error: 'since : entier positif ou nul attendu.' });
      const resources = resourcesFor(socket.data.role);
      if (resources.length === 0) return ack({ events: [], truncated: false });
      try {
        const { events } = await liveEventsSince(sql, since, resources, RESYNC_LIMIT + 1);
        ack({
          events: events.slice(0, RESYNC_LIMIT).map((r) => ({ event_id: r.position, date: r.at.toISOString(), name: r.name, record: r.record })),
          truncated: events.length > RESYNC_LIMIT,
        });
      } catch (error) {
        logger.error({ err: error }, 'live resync failed');
        ack({ error: 'unavailable' });
      }
    });
    registerPresenceHandlers(io, socket, () => subscriberRoles('reports').map(roleRoom));
  });

  const endSessions = (room: string, reason: 'revoked' | 'disabled' | 'role_changed' | 'expired') => {
    io.to(room).emit('session:ended', { reason });
    io.in(room).disconnectSockets(true);
  };

  // Each process reads committed events in commit order and hands each to the roles that may see it.
  const deliver = (event: LiveEventRow) => {
    const rooms = subscriberRoles(event.resource).map(roleRoom);
    if (rooms.length) io.to(rooms).emit(event.name, { event_id: event.position, date: event.at.toISOString(), record: event.record as never });
  };
  const pump = await startLivePump(sql, deliver, (error) => logger.warn({ err: error }, 'live pump read failed'));

  const onMessage = async (message: FanOutMessage) => {
    if (message.kind === 'live') {
      pump.wake(message.event_id);
    } else if (message.kind === 'staff_sessions_ended') {
      endSessions(`staff:${message.staff_id}`, message.reason);
    } else if (message.kind === 'session_ended') {
      endSessions(`session:${message.session_id}`, 'revoked');
    }
  };
  const unsubscribe = await deps.fanOut.subscribe((message) => {
    onMessage(message).catch((error) => logger.error({ err: error }, 'live fan-out failed'));
  });

  // Safety net behind the immediate fan-out: sessions that expired or went idle lose their sockets,
  // and an open socket counts as activity (an officer watching the map is not idle).
  const sweep = setInterval(async () => {
    try {
      const sockets = await io.fetchSockets();
      const ids = [...new Set(sockets.map((s) => s.data.session_id))];
      const dead = new Set(await invalidSessions(sql, env, ids));
      for (const id of dead) endSessions(`session:${id}`, 'expired');
      await touchSessions(sql, ids.filter((id) => !dead.has(id)));
    } catch (error) {
      logger.warn({ err: error }, 'live sweep failed');
    }
  }, options.sweepMs ?? 30_000);
  sweep.unref();

  return {
    io,
    async close() {
      clearInterval(sweep);
      pump.close();
      await unsubscribe();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
