import { bbox, distanceToRing, pointInRing, round7, samplePoint, type Point, type Ring } from './geometry.ts';
import type { Random } from './random.ts';
import { sectorIndexAt, type Sector } from './sectors.ts';
import { neighbouringAddress, streetsOfSector, type Street } from './streets.ts';

/** Keep seeded points ~2 m away from any sector edge (see `sectorIndexAt`). */
const EDGE_MARGIN = 2e-5;

export interface Place {
  lng: number;
  lat: number;
  /** Index into the sectors; null outside the commune. */
  sector: number | null;
  street: Street | null;
  number: number | null;
  /** "12 rue Ravon, 92340 Bourg-la-Reine". */
  address: string;
}

export interface PlaceFinder {
  inside(): Place;
  /** Just across the boundary (50–300 m), with a street of the neighbouring town. */
  outside(): Place;
  /** Another street, to say where someone ran off to. */
  otherStreet(than: Street | null): Street;
}

export function createPlaceFinder(random: Random, boundary: Ring, sectors: readonly Sector[], postalTown: string): PlaceFinder {
  const box = bbox(boundary);
  const centre: Point = [(box.minLng + box.maxLng) / 2, (box.minLat + box.maxLat) / 2];
  const lngPerMetre = 1 / (111_320 * Math.cos((centre[1] * Math.PI) / 180));
  const latPerMetre = 1 / 110_574;

  return {
    inside() {
      const point = samplePoint(random, box, (candidate) => sectorIndexAt(sectors, candidate, EDGE_MARGIN) !== null);
      const sector = sectorIndexAt(sectors, point, EDGE_MARGIN);
      const [lng, lat] = point;
      const name = sector === null ? null : (sectors[sector]?.name ?? null);
      const street = random.pick(streetsOfSector(name));
      const number = random.int(1, street.maxNumber);
      const bis = random.chance(0.05) ? ' bis' : '';
      return { lng, lat, sector, street, number, address: `${number}${bis} ${street.name}, ${postalTown}` };
    },
    outside() {
      for (;;) {
        const i = random.int(0, boundary.length - 2);
        const [ax, ay] = boundary[i] as Point;
        const [bx, by] = boundary[i + 1] as Point;
        const t = random.float(0.05, 0.95);
        const metres = random.float(50, 300);
        // Normal to the edge, in metres, then flipped if it points inwards.
        const ex = (bx - ax) / lngPerMetre;
        const ey = (by - ay) / latPerMetre;
        const length = Math.hypot(ex, ey);
        let nx = -ey / length;
        let ny = ex / length;
        const base: Point = [ax + t * (bx - ax), ay + t * (by - ay)];
        const probe: Point = [base[0] + nx * lngPerMetre, base[1] + ny * latPerMetre];
        if (pointInRing(probe, boundary)) [nx, ny] = [-nx, -ny];
        const point: Point = [round7(base[0] + nx * metres * lngPerMetre), round7(base[1] + ny * metres * latPerMetre)];
        if (pointInRing(point, boundary) || distanceToRing(point, boundary) < EDGE_MARGIN) continue;
        const bearing = (Math.atan2((point[0] - centre[0]) / lngPerMetre, (point[1] - centre[1]) / latPerMetre) * 180) / Math.PI;
        return { lng: point[0], lat: point[1], sector: null, street: null, number: null, address: neighbouringAddress(bearing) };
      }
    },
    otherStreet(than) {
      const others = streetsOfSector(null).filter((street) => street !== than);
      return random.pick(others);
    },
  };
}
