import type { CommuneConfig } from '@vigie/shared';
import { outerRing } from '@vigie/db';
import { buildSectors, NEIGHBOURING_STREETS, STREETS } from '@vigie/db/seeds';
import { offset, pointInRing, ringCentroid } from './geometry.ts';
import { normalizeAddress, parseAddress, similarity } from './normalize.ts';
import type { Geocoder, GeocodeResult } from './types.ts';

interface Way {
  name: string;
  town: string;
  /** Points along the street, first house number at the first one. */
  line: Array<[number, number]>;
  maxNumber: number | null;
}

/** Below this similarity a street is not offered at all. */
const MIN_SCORE = 0.35;

/** A stable angle per street name, so a one-sector street does not change direction between runs. */
const angleOf = (name: string) => [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 360, 7);

function pointAlong(line: Array<[number, number]>, t: number): [number, number] {
  if (line.length === 1) return line[0]!;
  const lengths = line.slice(1).map((p, i) => Math.hypot(p[0] - line[i]![0], p[1] - line[i]![1]));
  let remaining = t * lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (remaining <= length || i === lengths.length - 1) {
      const k = length === 0 ? 0 : Math.min(1, remaining / length);
      const [a, b] = [line[i]!, line[i + 1]!];
      return [a[0] + k * (b[0] - a[0]), a[1] + k * (b[1] - a[1])];
    }
    remaining -= length;
  }
  return line.at(-1)!;
}

/**
 * The commune's street list as a geocoder, for the demo, tests and towns without network access.
 * `db/seeds/streets.ts` says which sectors each street runs through: the street is drawn as a line
 * through those sectors' centroids and a house number is interpolated along it (1 at the start,
 * the highest known number at the end). Streets of the neighbouring towns sit 300 m past the
 * boundary, so an address outside the commune is found and flagged.
 */
export function createOfflineGeocoder(commune: CommuneConfig): Geocoder {
  const boundary = outerRing(commune.boundary);
  const centroids = new Map(buildSectors(boundary).map((sector) => [sector.name, ringCentroid(sector.ring)]));
  const centre: [number, number] = [commune.centre.lng, commune.centre.lat];
  const town = `${commune.postal_code} ${commune.name}`;

  const ways: Way[] = STREETS.map((street) => {
    const points = street.sectors.map((name) => centroids.get(name)).filter((p): p is [number, number] => p !== undefined);
    const line: Array<[number, number]> =
      points.length > 1 ? points : [offset(points[0] ?? centre, angleOf(street.name), 120), offset(points[0] ?? centre, angleOf(street.name) + 180, 120)];
    return { name: street.name, town, line, maxNumber: street.maxNumber };
  });
  for (const neighbour of NEIGHBOURING_STREETS) {
    const [name, other] = neighbour.address.split(', ') as [string, string];
    const bearing = (neighbour.bearing[0] + neighbour.bearing[1]) / 2;
    let point = centre;
    for (let metres = 0; metres < 10_000 && pointInRing(point[0], point[1], boundary); metres += 25) point = offset(centre, bearing, metres);
    ways.push({ name, town: other, line: [offset(point, bearing, 300)], maxNumber: null });
  }
  const normalized = ways.map((way) => ({ way, street: normalizeAddress(way.name), town: normalizeAddress(way.town) }));

  // An imported list repeats the same few streets thousands of times: score each spelling once.
  const matches = new Map<string, Array<{ way: Way; score: number }>>();
  const matchStreets = (street: string, town: string | null) => {
    const key = `${street}|${town ?? ''}`;
    let found = matches.get(key);
    if (!found) {
      found = [];
      for (const candidate of normalized) {
        let score = similarity(street, candidate.street);
        if (town) score *= 0.7 + 0.3 * similarity(town, candidate.town);
        if (score >= MIN_SCORE) found.push({ way: candidate.way, score });
      }
      if (matches.size >= 10_000) matches.clear();
      matches.set(key, found);
    }
    return found;
  };

  return {
    name: 'offline',
    async search(q, { limit = 5 } = {}) {
      const parsed = parseAddress(q);
      if (!parsed.street) return [];
      const results: GeocodeResult[] = [];
      for (const { way, score: streetScore } of matchStreets(parsed.street, parsed.town)) {
        let score = streetScore;
        let t = 0.5;
        if (parsed.number !== null && way.maxNumber !== null) {
          t = way.maxNumber > 1 ? Math.min(1, (parsed.number - 1) / (way.maxNumber - 1)) : 0;
          if (parsed.number > way.maxNumber) score *= 0.8; // past the last known number: a guess
        } else if (parsed.number === null) {
          score *= 0.9; // the street, not the door
        }
        const [lng, lat] = pointAlong(way.line, t);
        const number = parsed.number === null ? '' : `${parsed.number}${parsed.suffix ? ` ${parsed.suffix}` : ''} `;
        results.push({
          label: `${number}${way.name} ${way.town}`,
          lat: Math.round(lat * 1e7) / 1e7,
          lng: Math.round(lng * 1e7) / 1e7,
          score: Math.round(score * 100) / 100,
          in_commune: pointInRing(lng, lat, boundary),
        });
      }
      return results.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
