import { describe, expect, it } from 'vitest';
import { exportUrl } from './exportUrl.ts';

describe('export URL', () => {
  it('carries the filters and sort of the list, as the list request does', () => {
    const url = new URL(exportUrl('reports', { status: ['new'], q: 'vélo' }, { field: 'received_at', order: 'DESC' }), 'http://x');
    expect(url.pathname).toBe('/api/reports/export.csv');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ status: ['new'], q: 'vélo' });
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['received_at', 'DESC']);
  });
});
