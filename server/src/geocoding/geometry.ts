import type { GeoJSON } from '@vigie/shared';

type Ring = GeoJSON.Position[];

/** Even-odd ray casting over a [lng, lat] ring. */
export function pointInRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > lat !== yj! > lat && lng < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/** Area-weighted centroid of a simple ring (vertex averages drift towards densely drawn edges). */
export function ringCentroid(ring: Ring): [number, number] {
  let twice = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    const cross = xj * yi - xi * yj;
    twice += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  if (twice === 0) return ring[0] as [number, number];
  return [cx / (3 * twice), cy / (3 * twice)];
}

const M_PER_DEG_LAT = 111_320;

/** Moves a point `metres` along a compass bearing (degrees clockwise from north); flat earth is fine at a town's scale. */
export function offset([lng, lat]: [number, number], bearingDeg: number, metres: number): [number, number] {
  const rad = (bearingDeg * Math.PI) / 180;
  const dLat = (metres * Math.cos(rad)) / M_PER_DEG_LAT;
  const dLng = (metres * Math.sin(rad)) / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  return [lng + dLng, lat + dLat];
}
