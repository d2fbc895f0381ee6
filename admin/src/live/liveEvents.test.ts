import { describe, expect, it } from 'vitest';
import { createEventDedupe, toTopicEvents } from './liveEvents.ts';

const envelope = (event_id: number, id = 12) => ({
  event_id,
  date: '2024-03-08T13:05:00.000Z',
  record: { id, status: 'new' },
});

describe('toTopicEvents', () => {
  it('maps report:created onto the list topic and the record topic', () => {
    const events = toTopicEvents('report:created', envelope(1));
    expect(events.map((event) => event.topic)).toEqual(['resource/reports', 'resource/reports/12']);
    expect(events.every((event) => event.type === 'created')).toBe(true);
    expect(events[0]?.payload).toEqual({ ids: [12], record: { id: 12, status: 'new' } });
    expect(events[0]?.date.toISOString()).toBe('2024-03-08T13:05:00.000Z');
  });

  it('maps report:updated onto updated events', () => {
    expect(toTopicEvents('report:updated', envelope(2, 7)).map((event) => [event.type, event.topic])).toEqual([
      ['updated', 'resource/reports'],
      ['updated', 'resource/reports/7'],
    ]);
  });

  it('ignores unknown event names and records without an id', () => {
    expect(toTopicEvents('member:created', envelope(3))).toEqual([]);
    expect(toTopicEvents('__proto__', envelope(3))).toEqual([]);
    expect(toTopicEvents('report:created', { event_id: 4, date: '', record: {} })).toEqual([]);
  });
});

describe('createEventDedupe', () => {
  it('accepts an event once, even when it comes back through a resync', () => {
    const dedupe = createEventDedupe();
    expect(dedupe.accept(5)).toBe(true);
    expect(dedupe.accept(5)).toBe(false);
    expect(dedupe.accept(4)).toBe(true);
    expect(dedupe.highest).toBe(5);
  });

  it('treats ids older than its memory as already seen', () => {
    const dedupe = createEventDedupe(3);
    for (const id of [1, 2, 3, 4]) dedupe.accept(id);
    expect(dedupe.accept(1)).toBe(false);
    expect(dedupe.accept(2)).toBe(false);
    expect(dedupe.accept(5)).toBe(true);
    expect(dedupe.highest).toBe(5);
  });

  it('refuses ids that are not positive integers', () => {
    const dedupe = createEventDedupe();
    expect(dedupe.accept(Number.NaN)).toBe(false);
    expect(dedupe.accept(0)).toBe(false);
    expect(dedupe.accept(1.5)).toBe(false);
  });
});
