import { topicFor, type LiveEnvelope, type LiveEventType, type ServerToClientEvents } from '@vigie/shared';

/** An event in react-admin's realtime shape (ra-realtime); Vigie adds the record to spare a fetch. */
export interface LiveEvent {
  type: LiveEventType;
  topic: string;
  payload: { ids: Array<number | string>; record?: unknown };
  date: Date;
}

export type LiveListener = (event: LiveEvent) => void;

/** Topic of the session itself: the server ended it and the admin must sign out. */
export const SESSION_TOPIC = 'vigie/session';

/** Wire events that carry a record (presence and session events have their own handling). */
type RecordEventName = Extract<
  keyof ServerToClientEvents,
  'report:created' | 'report:updated' | 'broadcast:updated' | 'neighbourhood:created' | 'neighbourhood:updated' | 'neighbourhood:deleted'
>;

/** socket.io `domain:action` names → the resource and event type they stand for. */
export const WIRE_EVENTS: Record<RecordEventName, { resource: string; type: LiveEventType }> = {
  'report:created': { resource: 'reports', type: 'created' },
  'report:updated': { resource: 'reports', type: 'updated' },
  'broadcast:updated': { resource: 'broadcasts', type: 'updated' },
  'neighbourhood:created': { resource: 'neighbourhoods', type: 'created' },
  'neighbourhood:updated': { resource: 'neighbourhoods', type: 'updated' },
  'neighbourhood:deleted': { resource: 'neighbourhoods', type: 'deleted' },
};

export const isRecordEventName = (name: string): name is RecordEventName => Object.hasOwn(WIRE_EVENTS, name);

/** One wire event fans out to its list topic and its record topic. */
export function toTopicEvents(name: string, envelope: LiveEnvelope<unknown>): LiveEvent[] {
  if (!isRecordEventName(name)) return [];
  const { resource, type } = WIRE_EVENTS[name];
  const id = (envelope.record as { id?: number | string } | null)?.id;
  if (id === undefined || id === null) return [];
  const date = new Date(envelope.date);
  const payload = { ids: [id], record: envelope.record };
  return [
    { type, topic: topicFor(resource), payload, date },
    { type, topic: topicFor(resource, id), payload, date },
  ];
}

/** ra-realtime's lock topics: `lock/reports` for every report, `lock/reports/12` for one. */
export const lockTopic = (resource: string, id?: number | string) => (id === undefined ? `lock/${resource}` : `lock/${resource}/${id}`);

/** List topics (`resource/reports`) and record topics (`resource/reports/12`), not the session topic. */
export const isResourceTopic = (topic: string) => topic.startsWith('resource/');

/**
 * Remembers which event ids were delivered, so that an event arriving both live and through a
 * resync is handled once, and knows the highest id to ask `live:resync` for after a reconnect.
 * Ids older than everything retained count as seen: replaying them could only go backwards.
 */
export function createEventDedupe(capacity = 1000) {
  const seen = new Set<number>();
  const order: number[] = [];
  let floor = 0;
  let highest = 0;
  return {
    accept(eventId: number): boolean {
      if (!Number.isInteger(eventId) || eventId <= floor || seen.has(eventId)) return false;
      seen.add(eventId);
      order.push(eventId);
      if (eventId > highest) highest = eventId;
      if (order.length > capacity) {
        order.sort((a, b) => a - b);
        const dropped = order.shift()!;
        seen.delete(dropped);
        floor = Math.max(floor, dropped);
      }
      return true;
    },
    get highest() {
      return highest;
    },
  };
}
