import { describe, expect, it } from 'vitest';
import type { Report } from '@vigie/shared';
import { applyLiveRecord, replayHeld, withPulses } from './livePoints.ts';
import { DEFAULT_MAP_FILTERS } from './mapFilters.ts';
import { PointStore, parsePointsPayload } from './pointStore.ts';

const now = Date.parse('2024-03-08T12:00:00Z');
const filters = DEFAULT_MAP_FILTERS;

/** What the points fetch returned: report 10, received an hour ago. */
const fetched = () =>
  new PointStore(
    parsePointsPayload({
      count: 1,
      truncated: false,
      id: [10],
      lat: [48.78],
      lng: [2.31],
      status: ['new'],
      category: ['burglary'],
      priority: ['normal'],
      received_at_delta_s: [(now - 3_600_000) / 1000],
    }),
  );

const report = (overrides: Partial<Report> = {}) =>
  ({
    id: 13,
    lat: 48.781,
    lng: 2.311,
    status: 'new',
    category: 'road_hazard',
    priority: 'urgent',
    neighbourhood_id: null,
    received_at: '2024-03-08T11:59:00Z',
    ...overrides,
  }) as Report;

describe('live records held while the points load', () => {
  it('pulses a report created during the load once the points land', () => {
    const store = fetched();
    expect(replayHeld(store, [{ record: report(), created: true }], filters, now)).toEqual([13]);
    expect(store.row(13)).toBeDefined();
  });

  it('pulses a creation the fetch already had, since nobody saw it arrive', () => {
    const store = fetched();
    const raced = report({ id: 10, lat: 48.78, lng: 2.31, category: 'burglary', priority: 'normal' });
    expect(replayHeld(store, [{ record: raced, created: true }], filters, now)).toEqual([10]);
  });

  it('pulses a report once however many events it had during the load', () => {
    const held = [
      { record: report(), created: true },
      { record: report({ status: 'acknowledged' }), created: false },
    ];
    const store = fetched();
    expect(replayHeld(store, held, filters, now)).toEqual([13]);
    expect(store.status[store.row(13)!]).toBe('acknowledged');
  });

  it('does not pulse an update, nor a creation the filters keep off the map', () => {
    const held = [
      { record: report({ id: 10, status: 'acknowledged' }), created: false },
      { record: report({ id: 14, received_at: '2024-03-01T00:00:00Z' }), created: true },
    ];
    expect(replayHeld(fetched(), held, filters, now)).toEqual([]);
  });
});

describe('live records on a loaded map', () => {
  it('tells a new report from a change to one already shown, and takes off one that left the filters', () => {
    const store = fetched();
    expect(applyLiveRecord(store, report(), filters, now)).toEqual({ changed: true, added: true });
    expect(applyLiveRecord(store, report({ status: 'acknowledged' }), filters, now)).toEqual({ changed: true, added: false });
    expect(applyLiveRecord(store, report({ received_at: '2024-03-01T00:00:00Z' }), filters, now)).toEqual({ changed: true, added: false });
    expect(store.row(13)).toBeUndefined();
  });
});

describe('pulses', () => {
  it('gives every pulse a key above the last one, so each plays once, and keeps the last twenty', () => {
    const first = withPulses([], [4, 5]);
    expect(first).toEqual([
      { id: 4, key: 1 },
      { id: 5, key: 2 },
    ]);
    const many = withPulses(first, Array.from({ length: 25 }, (_, i) => 100 + i));
    expect(many).toHaveLength(20);
    expect(many.at(-1)).toEqual({ id: 124, key: 27 });
    expect(withPulses(many, [])).toBe(many);
  });
});
