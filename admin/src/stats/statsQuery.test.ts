import { describe, expect, it } from 'vitest';
import { defaultFilters, pivot, statsUrl } from './statsQuery.ts';

describe('statistics page query', () => {
  it('defaults to the last twelve weeks', () => {
    expect(defaultFilters(new Date('2026-12-04T10:00:00Z'))).toEqual({ from: '2026-09-12', to: '2026-12-04', category: '', neighbourhood_id: '' });
  });

  it('sends only the filters that are set', () => {
    expect(statsUrl({ from: '2026-11-01', to: '2026-11-30', category: '', neighbourhood_id: '' })).toBe('/api/stats?from=2026-11-01&to=2026-11-30');
    expect(statsUrl({ from: '2026-11-01', to: '2026-11-30', category: 'burglary', neighbourhood_id: 3 })).toBe(
      '/api/stats?from=2026-11-01&to=2026-11-30&category=burglary&neighbourhood_id=3',
    );
  });

  it('pivots a series into one row per period with every category present', () => {
    expect(pivot([{ period: 'a', category: 'x', count: 1 }, { period: 'b', category: 'y', count: 2 }])).toEqual({
      rows: [{ period: 'a', x: 1, y: 0 }, { period: 'b', x: 0, y: 2 }],
      keys: ['x', 'y'],
    });
  });
});
