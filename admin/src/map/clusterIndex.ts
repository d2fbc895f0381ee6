import Supercluster from 'supercluster';
import type { PointFeature, PointStore } from './pointStore.ts';

export interface ClusterProps {
  /** Reports still `new` in the cluster: it gets a red ring. */
  fresh: number;
}

export type ClusterIndex = Supercluster<PointFeature['properties'], ClusterProps>;

/** The commune is never seen from further than this; indexing lower zooms would be wasted work. */
export const MIN_ZOOM = 11;
/** Past this zoom every report is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 18;

/** A fresh supercluster index over the store's live rows. */
export function buildClusterIndex(store: PointStore): ClusterIndex {
  const index: ClusterIndex = new Supercluster<PointFeature['properties'], ClusterProps>({
    radius: 56,
    minZoom: MIN_ZOOM,
    maxZoom: CLUSTER_MAX_ZOOM,
    // Supercluster calls `map` for every point at every zoom: hand back the feature's own
    // properties (`fresh` is computed once in toFeatures) rather than a new object each time.
    map: (props) => props,
    reduce: (accumulated, props) => {
      accumulated.fresh += props.fresh;
    },
  });
  const started = performance.now();
  index.load(store.toFeatures());
  performance.measure('vigie:map:index', { start: started });
  return index;
}
