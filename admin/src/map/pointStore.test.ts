import { describe, expect, it } from 'vitest';
import type { Report } from '@vigie/shared';
import { PointStore, parsePointsPayload } from './pointStore.ts';

const payload = () =>
  parsePointsPayload({
    count: 3,
    truncated: false,
    id: [10, 11, 12],
    lat: [48.78, 48.79, 48.77],
    lng: [2.31, 2.32, 2.33],
    status: ['new', 'acknowledged', 'resolved'],
    category: ['burglary', 'vandalism', 'other'],
    priority: ['normal', 'high', 'low'],
    received_at_delta_s: [1000, 2000, -1000], // 1000, 3000, 2000 s
  });

const report = (overrides: Partial<Report> = {}) =>
  ({ id: 13, lat: 48.781, lng: 2.311, status: 'new', category: 'road_hazard', priority: 'urgent', received_at: '2024-03-08T12:00:00Z', ...overrides }) as Report;

describe('points payload', () => {
  it('refuses columns of different lengths', () => {
    expect(() => parsePointsPayload({ ...payload(), lat: [1] })).toThrow(/lat/);
    expect(() => parsePointsPayload(null)).toThrow();
  });

  it('becomes GeoJSON point features, [lng, lat], pointing back at their row', () => {
    const features = new PointStore(payload()).toFeatures();
    expect(features).toHaveLength(3);
    expect(features[0]?.properties.fresh).toBe(1);
    expect(features[1]).toEqual({ type: 'Feature', geometry: { type: 'Point', coordinates: [2.32, 48.79] }, properties: { i: 1, fresh: 0 } });
  });
});

describe('PointStore', () => {
  it('adds a report pushed live, then recolours or moves it', () => {
    const store = new PointStore(payload());
    expect(store.upsert(report())).toBe('added');
    expect(store.row(13)).toBe(3);
    expect(store.upsert(report())).toBe('unchanged');
    expect(store.upsert(report({ status: 'acknowledged' }))).toBe('restyled');
    expect(store.status[3]).toBe('acknowledged');
    expect(store.upsert(report({ lat: 48.8 }))).toBe('moved');
    expect(store.toFeatures()).toHaveLength(4);
  });

  it('ignores records with unknown codes or no position', () => {
    const store = new PointStore(payload());
    expect(store.upsert(report({ status: 'weird' as never }))).toBe('unchanged');
    expect(store.upsert(report({ lat: Number.NaN }))).toBe('unchanged');
    expect(store.size).toBe(3);
  });

  it('takes a report off the map and can put it back', () => {
    const store = new PointStore(payload());
    expect(store.remove(11)).toBe(true);
    expect(store.remove(11)).toBe(false);
    expect(store.row(11)).toBeUndefined();
    expect(store.toFeatures().map((f) => f.properties.i)).toEqual([0, 2]);
    expect(store.upsert(report({ id: 11 }))).toBe('added');
    expect(store.size).toBe(3);
  });

  it('reads payload times as delta-encoded unix seconds, and keeps live ones to the second too', () => {
    const store = new PointStore(payload());
    expect(store.receivedAt).toEqual([1_000_000, 3_000_000, 2_000_000]);
    store.upsert(report({ received_at: '2024-03-08T12:00:00.750Z' }));
    expect(store.receivedAt[3]).toBe(Date.parse('2024-03-08T12:00:00Z'));
    expect(() => parsePointsPayload({ ...payload(), received_at_delta_s: undefined, received_at: [1, 2, 3] })).toThrow(/received_at_delta_s/);
  });

  it('lists the reports inside a box, newest first', () => {
    const store = new PointStore(payload());
    expect(store.rowsWithin({ west: 2.3, east: 2.34, south: 48.7, north: 48.8 }).map((row) => store.id[row])).toEqual([11, 12, 10]);
    expect(store.rowsWithin({ west: 2.315, east: 2.34, south: 48.785, north: 48.8 }).map((row) => store.id[row])).toEqual([11]);
  });
});
