import type { CommuneConfig } from '@vigie/shared';

type LatLng = [number, number];

/** GeoJSON rings are [lng, lat]; Leaflet wants [lat, lng]. Outer rings only: holes do not matter here. */
export function boundaryLatLngs(boundary: CommuneConfig['boundary']): LatLng[][] {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return polygons.map((rings) => (rings[0] ?? []).map(([lng, lat]) => [lat, lng] as LatLng));
}

/** A sector's `area` ([lng, lat] pairs) as Leaflet positions. */
export const areaLatLngs = (area: ReadonlyArray<readonly [number, number]>): LatLng[] => area.map(([lng, lat]) => [lat, lng]);

/** South-west and north-east corners of every ring, to fit the map to the commune. */
export function boundsOf(rings: LatLng[][]): [LatLng, LatLng] | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const ring of rings) {
    for (const [lat, lng] of ring) {
      south = Math.min(south, lat);
      north = Math.max(north, lat);
      west = Math.min(west, lng);
      east = Math.max(east, lng);
    }
  }
  return Number.isFinite(south) ? [[south, west], [north, east]] : null;
}
