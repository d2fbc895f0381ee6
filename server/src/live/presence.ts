import type { Socket } from 'socket.io';
import { canAccess, type ClientToServerEvents, type ReportPresence, type ServerToClientEvents, type SocketData, type Viewer } from '@vigie/shared';
import { isId } from '../rest/validation.ts';
import type { VigieServer } from './io.ts';

type VigieSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** A socket may have a handful of reports open (tabs, the side panel); more is a runaway client. */
export const MAX_VIEWING = 20;

const room = (reportId: number) => `report:${reportId}`;

/**
 * "Who is on it": a socket that opens a report joins its room; the room's members are the viewers.
 * Rooms live in the socket.io adapter, so with a cluster adapter presence spans every process.
 */
export function registerPresenceHandlers(io: VigieServer, socket: VigieSocket, policeRooms: () => string[]) {
  const viewersOf = async (reportId: number): Promise<Viewer[]> => {
    const sockets = await io.in(room(reportId)).fetchSockets();
    const byStaff = new Map<number, Viewer>();
    for (const s of sockets) {
      const since = s.data.viewing?.[reportId];
      if (!since) continue;
      const known = byStaff.get(s.data.staff_id);
      if (!known || since < known.since) byStaff.set(s.data.staff_id, { staff_id: s.data.staff_id, full_name: s.data.full_name, since });
    }
    return [...byStaff.values()].sort((a, b) => a.since.localeCompare(b.since));
  };

  const announce = async (reportId: number): Promise<ReportPresence> => {
    const presence = { report_id: reportId, viewers: await viewersOf(reportId) };
    io.to(policeRooms()).emit('report:presence', presence);
    return presence;
  };

  // The REST rule for ids: a positive int4 number (not "0x10", not 5.5, not beyond int4).
  const reportIdOf = (args: unknown) => {
    const id = args && typeof args === 'object' ? (args as { report_id?: unknown }).report_id : undefined;
    return isId(id) ? id : null;
  };

  socket.on('report:join', async (args, ack) => {
    const reply = typeof ack === 'function' ? ack : () => {};
    if (!canAccess(socket.data.role, { resource: 'reports', action: 'show' })) return reply({ error: 'forbidden' });
    const reportId = reportIdOf(args);
    if (reportId === null) return reply({ error: 'report_id : entier positif attendu.' });
    if (!socket.data.viewing[reportId] && Object.keys(socket.data.viewing).length >= MAX_VIEWING) {
      return reply({ error: `at most ${MAX_VIEWING} reports open at once` });
    }
    socket.data.viewing[reportId] ??= new Date().toISOString();
    await socket.join(room(reportId));
    // A socket handler's rejection would be unhandled (and end the process): answer instead.
    reply(await announce(reportId).catch(() => ({ error: 'unavailable' })));
  });

  socket.on('report:leave', async (args) => {
    const reportId = reportIdOf(args);
    if (reportId === null || !socket.data.viewing[reportId]) return;
    delete socket.data.viewing[reportId];
    await socket.leave(room(reportId));
    await announce(reportId).catch(() => undefined);
  });

  // Presence expires with the socket: closing the laptop lid frees the report for the others.
  socket.on('disconnect', () => {
    const open = Object.keys(socket.data.viewing).map(Number);
    socket.data.viewing = {};
    for (const reportId of open) void announce(reportId).catch(() => undefined);
  });
}
