import { describe, expect, it } from 'vitest';
import { DEFAULT_MAP_FILTERS, isInvertedRange, matchesFilters, pointsFilter, sanitizeFilters, windowRange, type MapFilters } from './mapFilters.ts';

const now = Date.parse('2024-03-08T12:00:00Z');
const filters = (overrides: Partial<MapFilters> = {}): MapFilters => ({ ...DEFAULT_MAP_FILTERS, ...overrides });

describe('time windows', () => {
  it.each([
    ['1h', '2024-03-08T11:00:00.000Z'],
    ['6h', '2024-03-08T06:00:00.000Z'],
    ['24h', '2024-03-07T12:00:00.000Z'],
    ['7d', '2024-03-01T12:00:00.000Z'],
  ] as const)('the last %s starts at %s and has no end', (window, start) => {
    const range = windowRange(filters({ window }), now);
    expect(new Date(range.gte!).toISOString()).toBe(start);
    expect(range.lte).toBeNull();
  });

  it('reads a custom window in Paris time, its last minute included', () => {
    const range = windowRange(filters({ window: 'custom', from: '2024-03-08T08:00', to: '2024-03-08T10:30' }), now);
    expect(new Date(range.gte!).toISOString()).toBe('2024-03-08T07:00:00.000Z');
    expect(new Date(range.lte!).toISOString()).toBe('2024-03-08T09:30:59.999Z');
  });

  it('leaves a custom bound open when it is empty, and spots an inverted window', () => {
    expect(windowRange(filters({ window: 'custom', from: '', to: '2024-03-08T10:30' }), now).gte).toBeNull();
    expect(isInvertedRange(windowRange(filters({ window: 'custom', from: '2024-03-08T10:00', to: '2024-03-08T09:00' }), now))).toBe(true);
    expect(isInvertedRange(windowRange(filters({ window: '1h' }), now))).toBe(false);
  });
});

describe('filters → query', () => {
  it('sends only the filters that are set, with the list filter names', () => {
    expect(pointsFilter(filters({ window: '1h' }), now)).toEqual({ received_at_gte: '2024-03-08T11:00:00.000Z' });
    expect(
      pointsFilter(filters({ window: 'custom', from: '', to: '2024-03-08T10:30', status: ['new', 'acknowledged'], category: ['burglary'], neighbourhood_id: [3] }), now),
    ).toEqual({
      status: ['new', 'acknowledged'],
      category: ['burglary'],
      neighbourhood_id: [3],
      received_at_lte: '2024-03-08T09:30:59.999Z',
    });
  });
});

describe('live reports against the filters', () => {
  const report = { status: 'new', category: 'burglary', neighbourhood_id: 2, received_at: '2024-03-08T11:59:00Z' } as const;

  it('accepts a fresh report when nothing is filtered', () => {
    expect(matchesFilters(report, filters(), now)).toBe(true);
  });

  it('refuses a report outside the status, category, sector or time filters', () => {
    expect(matchesFilters(report, filters({ status: ['resolved'] }), now)).toBe(false);
    expect(matchesFilters(report, filters({ category: ['vandalism'] }), now)).toBe(false);
    expect(matchesFilters(report, filters({ neighbourhood_id: [5] }), now)).toBe(false);
    expect(matchesFilters({ ...report, neighbourhood_id: null }, filters({ neighbourhood_id: [2] }), now)).toBe(false);
    expect(matchesFilters({ ...report, received_at: '2024-03-08T10:00:00Z' }, filters({ window: '1h' }), now)).toBe(false);
    expect(matchesFilters(report, filters({ window: 'custom', from: '', to: '2024-03-08T09:00' }), now)).toBe(false);
  });
});

describe('stored filters', () => {
  it('keeps what still makes sense from an older or broken value', () => {
    expect(sanitizeFilters(undefined)).toEqual(DEFAULT_MAP_FILTERS);
    expect(sanitizeFilters({ window: '2y', status: 'new', neighbourhood_id: [1, 'x'] })).toEqual({ ...DEFAULT_MAP_FILTERS, neighbourhood_id: [1] });
  });
});
