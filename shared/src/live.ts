import type { Broadcast } from './broadcasts.ts';
import type { Report } from './reports.ts';

/** A sector as every role may see it: its outline and how many approved members live in it (never who). */
export interface LiveSector {
  id: number;
  name: string;
  /** Outline vertices as [lng, lat]. */
  area: Array<[number, number]>;
  member_count: number;
}

/**
 * Live events follow react-admin's realtime convention (ra-realtime): topics `resource/reports`
 * and `resource/reports/123`, events `{ type, topic, payload: { ids }, date }`. On the wire,
 * socket.io event names stay `domain:action`; the admin's data provider maps them onto topics.
 */
export type LiveEventType = 'created' | 'updated' | 'deleted';

/** Every live message carries the id of the `live_events` row it came from, for resync. */
export interface LiveEnvelope<T> {
  event_id: number;
  date: string;
  record: T;
}

export interface ServerToClientEvents {
  'report:created': (event: LiveEnvelope<Report>) => void;
  'report:updated': (event: LiveEnvelope<Report>) => void;
  /** A broadcast with its delivery counts: state changes at once, progress about twice a second. */
  'broadcast:updated': (event: LiveEnvelope<Broadcast>) => void;
  /** A sector drawn, reshaped or renamed, or removed (the record as it was): every role's maps follow. */
  'neighbourhood:created': (event: LiveEnvelope<LiveSector>) => void;
  'neighbourhood:updated': (event: LiveEnvelope<LiveSector>) => void;
  'neighbourhood:deleted': (event: LiveEnvelope<LiveSector>) => void;
  /** Who has a report open right now ("who is on it"); sent to every police socket on change. */
  'report:presence': (event: ReportPresence) => void;
  /** The server is closing this socket (session revoked, account disabled or role changed). */
  'session:ended': (event: { reason: 'revoked' | 'expired' | 'disabled' | 'role_changed' }) => void;
}

export interface LiveResyncReply {
  events: Array<{ event_id: number; date: string; name: keyof ServerToClientEvents; record: unknown }>;
  /** True when more than the page limit is missing: the client should refetch its lists. */
  truncated: boolean;
}

/** A staff member looking at a report; presence ends when they leave it or their socket closes. */
export interface Viewer {
  staff_id: number;
  full_name: string;
  since: string;
}

export interface ReportPresence {
  report_id: number;
  viewers: Viewer[];
}

export interface ClientToServerEvents {
  /** I opened this report: answers who else is on it. */
  'report:join': (args: { report_id: number }, ack: (reply: ReportPresence | { error: string }) => void) => void;
  /** I closed this report. */
  'report:leave': (args: { report_id: number }) => void;
  /** Ask for every event after `since` that this role may see (after a reconnect). */
  'live:resync': (args: { since: number }, ack: (reply: LiveResyncReply | { error: string }) => void) => void;
}

/** Data socket.io keeps per socket on the server. */
export interface SocketData {
  staff_id: number;
  full_name: string;
  /** Reports this socket has open, with the time it opened each. */
  viewing: Record<number, string>;
  role: import('./roles.ts').Role;
  session_id: string;
  /** The client's address, read through TRUST_PROXY like an HTTP request's. */
  ip: string | null;
}

/** Map a wire event onto its react-admin topic. */
export const topicFor = (resource: string, id?: number | string) =>
  id === undefined ? `resource/${resource}` : `resource/${resource}/${id}`;
