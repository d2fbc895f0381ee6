import type { GeoJSON } from '@vigie/shared';
import type { Random } from './random.ts';

/** [lng, lat], like GeoJSON and like the `point(lng, lat)` the schema tests against. */
export type Point = GeoJSON.Position;
export type Ring = GeoJSON.Position[];

export interface BBox {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

export function bbox(ring: Ring): BBox {
  const lngs = ring.map(([lng]) => lng);
  const lats = ring.map(([, lat]) => lat);
  return { minLng: Math.min(...lngs), maxLng: Math.max(...lngs), minLat: Math.min(...lats), maxLat: Math.max(...lats) };
}

/** Even-odd ray casting; a closed ring may repeat its first vertex. */
export function pointInRing([x, y]: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Planar distance in degrees: only compared with small margins, never shown. */
export function distanceToRing([x, y]: Point, ring: Ring): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j] as Point;
    const [bx, by] = ring[i] as Point;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

/** Shoelace area in square degrees (only used to compare pieces of the same commune). */
export function ringArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    twice += xj * yi - xi * yj;
  }
  return Math.abs(twice) / 2;
}

/**
 * A point drawn uniformly in the bounding box until `accept` holds (rejection sampling).
 * Coordinates are rounded to 7 decimals (~1 cm), as a GPS fix would be stored.
 */
export function samplePoint(random: Random, box: BBox, accept: (point: Point) => boolean, attempts = 10_000): Point {
  for (let i = 0; i < attempts; i++) {
    const point: Point = [round7(random.float(box.minLng, box.maxLng)), round7(random.float(box.minLat, box.maxLat))];
    if (accept(point)) return point;
  }
  throw new Error(`No acceptable point found in ${attempts} attempts`);
}

export const round7 = (value: number) => Math.round(value * 1e7) / 1e7;
