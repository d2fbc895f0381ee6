import polygonClipping from 'polygon-clipping';
import { bbox, distanceToRing, pointInRing, ringArea, type Point, type Ring } from './geometry.ts';

export interface Sector {
  name: string;
  /** Closed ring of [lng, lat] vertices. */
  ring: Ring;
}

/**
 * Real Bourg-la-Reine quartier names laid on a 2 × 4 grid over the commune's bounding box,
 * north to south, west | east. The grid lines are not the town's official quartier limits.
 */
const GRID_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Bas-Coquarts', 'Hôpital'],
  ['Gare', 'Centre-ville'],
  ['Les Blagis', 'Condorcet'],
  ['Joffre', 'Faïencerie'],
];
const COLUMNS = 2;

/** Cuts the commune into sectors that tile it; a cell missing the commune yields no sector. */
export function buildSectors(boundary: Ring): Sector[] {
  const box = bbox(boundary);
  const rows = GRID_NAMES.length;
  const width = (box.maxLng - box.minLng) / COLUMNS;
  const height = (box.maxLat - box.minLat) / rows;
  const sectors: Sector[] = [];
  GRID_NAMES.forEach((names, row) => {
    names.forEach((name, column) => {
      // Outer grid lines sit a little outside the bbox so the cells cover the boundary exactly.
      const west = column === 0 ? box.minLng - 1e-3 : box.minLng + column * width;
      const east = column === COLUMNS - 1 ? box.maxLng + 1e-3 : box.minLng + (column + 1) * width;
      const north = row === 0 ? box.maxLat + 1e-3 : box.maxLat - row * height;
      const south = row === rows - 1 ? box.minLat - 1e-3 : box.maxLat - (row + 1) * height;
      const cell: Ring = [[west, south], [east, south], [east, north], [west, north], [west, south]];
      const pieces = polygonClipping.intersection([boundary], [cell]);
      const largest = pieces
        .map((polygon) => polygon[0])
        .filter((ring): ring is Ring => ring !== undefined && ring.length >= 4)
        .sort((a, b) => ringArea(b) - ringArea(a))[0];
      if (largest) sectors.push({ name, ring: largest.map(([lng, lat]) => [lng, lat] as Point) });
    });
  });
  return sectors;
}

/**
 * Index of the sector holding the point, or null. Points within `margin` degrees of a sector
 * edge are refused too, so that PostgreSQL's `polygon @> point` (which has its own epsilon)
 * never disagrees with this test about which sector a seeded point is in.
 */
export function sectorIndexAt(sectors: readonly Sector[], point: Point, margin = 0): number | null {
  const index = sectors.findIndex((sector) => pointInRing(point, sector.ring));
  if (index < 0) return null;
  const sector = sectors[index];
  if (margin > 0 && sector && distanceToRing(point, sector.ring) < margin) return null;
  return index;
}
