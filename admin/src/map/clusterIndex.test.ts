import { describe, expect, it } from 'vitest';
import { buildClusterIndex, CLUSTER_MAX_ZOOM } from './clusterIndex.ts';
import { PointStore } from './pointStore.ts';

/** Reports spread over a few hundred metres: clustered when far, one by one when close. */
function store(n: number) {
  const columns = { id: [] as number[], lat: [] as number[], lng: [] as number[], status: [] as string[], category: [] as string[], priority: [] as string[], received_at_delta_s: [] as number[] };
  for (let k = 0; k < n; k++) {
    columns.id.push(k + 1);
    columns.lat.push(48.775 + (k % 40) * 0.0002);
    columns.lng.push(2.31 + Math.floor(k / 40) * 0.0002);
    columns.status.push(k % 3 === 0 ? 'new' : 'resolved');
    columns.category.push('other');
    columns.priority.push('normal');
    columns.received_at_delta_s.push(k);
  }
  return new PointStore({ count: n, truncated: false, ...columns } as never);
}

const bbox: [number, number, number, number] = [2.3, 48.77, 2.33, 48.79];

describe('cluster index', () => {
  it('groups many reports into a few clusters when zoomed out, keeping every one counted', () => {
    const index = buildClusterIndex(store(1200));
    const clusters = index.getClusters(bbox, 13);
    expect(clusters.length).toBeLessThan(20);
    const total = clusters.reduce((sum, c) => sum + ((c.properties as { point_count?: number }).point_count ?? 1), 0);
    expect(total).toBe(1200);
  });

  it('counts the new reports of each cluster, for the red ring', () => {
    const index = buildClusterIndex(store(1200));
    const fresh = index.getClusters(bbox, 13).reduce((sum, c) => sum + ((c.properties as { fresh: number }).fresh ?? 0), 0);
    expect(fresh).toBe(400);
  });

  it('draws every report on its own past the last clustered zoom', () => {
    const index = buildClusterIndex(store(100));
    const points = index.getClusters(bbox, CLUSTER_MAX_ZOOM + 1);
    expect(points).toHaveLength(100);
    expect(points.every((p) => typeof (p.properties as { i?: number }).i === 'number')).toBe(true);
  });
});
