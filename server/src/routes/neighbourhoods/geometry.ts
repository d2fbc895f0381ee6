import type { GeoJSON } from '@vigie/shared';
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping';

type Ring = GeoJSON.Position[];

/** Core `polygon` text is ((x,y),…); the API speaks [lng, lat] pairs like GeoJSON. */
export const parsePolygon = (text: string): Array<[number, number]> =>
  [...text.matchAll(/\(([-\d.e]+),([-\d.e]+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** Square metres per square degree around a latitude (equirectangular: exact enough for a town). */
const m2PerDeg2 = (lat: number) => 111_320 * 111_320 * Math.cos((lat * Math.PI) / 180);

function ringArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return Math.abs(twice) / 2;
}

/** Area of a polygon-clipping result, holes subtracted, in m². */
export function areaM2(multi: MultiPolygon, lat: number): number {
  let deg2 = 0;
  for (const polygon of multi) polygon.forEach((ring, i) => (deg2 += (i === 0 ? 1 : -1) * ringArea(ring as Ring)));
  return deg2 * m2PerDeg2(lat);
}

const closed = (ring: Ring): Ring => {
  const first = ring[0]!;
  const last = ring.at(-1)!;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
};

function segmentsCross(a: GeoJSON.Position, b: GeoJSON.Position, c: GeoJSON.Position, d: GeoJSON.Position): boolean {
  const orient = (p: GeoJSON.Position, q: GeoJSON.Position, r: GeoJSON.Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/**
 * A sector drawn on the map: a simple closed ring of at least three distinct points, with an area,
 * that touches the commune. Returns the closed ring, or a French message for the `area` field.
 */
export function validateSectorRing(input: Ring, commune: Ring): { ring: Ring } | { error: string } {
  const ring = closed(input);
  const distinct = new Set(ring.map(([lng, lat]) => `${lng},${lat}`));
  if (distinct.size < 3) return { error: 'Un secteur a au moins trois sommets distincts.' };
  if (ringArea(ring) === 0) return { error: 'Les sommets sont alignés : le secteur n’a pas de surface.' };
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 2; j < edges; j++) {
      if (i === 0 && j === edges - 1) continue; // the first and last edges share the closing vertex
      if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return { error: 'Le contour se croise lui-même : redessinez le secteur.' };
    }
  }
  if (polygonClipping.intersection([ring] as Polygon, [closed(commune)] as Polygon).length === 0) {
    return { error: 'Le secteur est entièrement hors de la commune.' };
  }
  return { ring };
}

/**
 * The commune file's sectors obey the rules of a drawn one: a file with a sector outside the commune
 * or crossing itself stops the start, naming it, instead of filling the sector map with nonsense.
 */
export const communeSectorCheck = (commune: Ring) => (ring: Ring) => {
  const checked = validateSectorRing(ring, commune);
  return 'error' in checked ? checked.error : null;
};

export interface Coverage {
  /** `area`: where the two sectors overlap, GeoJSON MultiPolygon coordinates ([lng, lat]). */
  overlaps: Array<{ a: { id: number; name: string }; b: { id: number; name: string }; area_m2: number; area: MultiPolygon }>;
  commune_area_m2: number;
  uncovered_area_m2: number;
  /** Share of the commune in no sector, 0..1. */
  uncovered_share: number;
  /** The parts of the commune in no sector (crumbs under 1 m² left out), for the map. */
  uncovered: MultiPolygon;
}

/** Pieces under 1 m² are rounding crumbs along shared edges, not something a supervisor can fix. */
const visible = (multi: MultiPolygon, lat: number): MultiPolygon => multi.filter((polygon) => areaM2([polygon], lat) >= 1);

/** Which sectors overlap (and by how much), and how much of the commune no sector covers. */
export function coverage(sectors: ReadonlyArray<{ id: number; name: string; ring: Ring }>, commune: Ring, lat: number): Coverage {
  const polygons = sectors.map((s) => [closed(s.ring)] as Polygon);
  const overlaps: Coverage['overlaps'] = [];
  for (let i = 0; i < sectors.length; i++) {
    for (let j = i + 1; j < sectors.length; j++) {
      const shared = polygonClipping.intersection(polygons[i]!, polygons[j]!);
      const area = areaM2(shared, lat);
      // Below 1 m²: two sectors sharing an edge, not an overlap.
      if (area >= 1) {
        overlaps.push({ a: { id: sectors[i]!.id, name: sectors[i]!.name }, b: { id: sectors[j]!.id, name: sectors[j]!.name }, area_m2: Math.round(area), area: visible(shared, lat) });
      }
    }
  }
  const communePolygon = [closed(commune)] as Polygon;
  const communeArea = areaM2([communePolygon], lat);
  const uncovered = polygons.length ? polygonClipping.difference(communePolygon, ...polygons) : [communePolygon];
  const uncoveredArea = Math.max(0, areaM2(uncovered, lat));
  return {
    overlaps,
    commune_area_m2: Math.round(communeArea),
    uncovered_area_m2: Math.round(uncoveredArea),
    uncovered_share: communeArea > 0 ? Math.round((uncoveredArea / communeArea) * 10_000) / 10_000 : 0,
    uncovered: visible(uncovered, lat),
  };
}
