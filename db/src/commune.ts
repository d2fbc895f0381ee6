import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommuneConfig, GeoJSON } from '@vigie/shared';

export const DEFAULT_COMMUNE_FILE = path.resolve(import.meta.dirname, '../../config/communes/bourg-la-reine.geojson');

const TILE_PRESETS = {
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '© OpenStreetMap contributors',
  },
  ign: {
    url: 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
    attribution: '© IGN – Plan IGN v2',
  },
} as const;

interface CommuneFeature {
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  properties: {
    code: string;
    nom: string;
    codePostal: string;
    centre: [number, number];
    policeMunicipale: { adresse: string; telephone: string };
    urgence?: string;
  };
}

/**
 * A commune is a GeoJSON file (boundary + a few properties), not code: another town runs Vigie
 * by pointing VIGIE_COMMUNE_FILE at its own file.
 */
export function loadCommune(file = DEFAULT_COMMUNE_FILE, tiles: { preset?: string; url?: string; attribution?: string } = {}): CommuneConfig {
  let parsed: { features?: CommuneFeature[] };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the commune file ${file}: ${(error as Error).message}`);
  }
  const feature = parsed.features?.[0];
  const p = feature?.properties;
  if (!feature || !p?.nom || !p.centre || !feature.geometry) {
    throw new Error(`The commune file ${file} needs one feature with a polygon and the properties nom, code, codePostal, centre, policeMunicipale`);
  }
  const preset = TILE_PRESETS[(tiles.preset ?? 'osm') as keyof typeof TILE_PRESETS] ?? TILE_PRESETS.osm;
  return {
    code: p.code,
    name: p.nom,
    postal_code: p.codePostal,
    centre: { lng: p.centre[0], lat: p.centre[1] },
    boundary: feature.geometry,
    police: { address: p.policeMunicipale.adresse, phone: p.policeMunicipale.telephone },
    emergency_number: p.urgence ?? '17',
    tiles: { url: tiles.url ?? preset.url, attribution: tiles.attribution ?? preset.attribution },
  };
}

/** The outer ring of the commune as [lng, lat] pairs (the largest polygon of a MultiPolygon). */
export function outerRing(boundary: CommuneConfig['boundary']): GeoJSON.Position[] {
  if (boundary.type === 'Polygon') return boundary.coordinates[0] ?? [];
  const rings = boundary.coordinates.map((poly) => poly[0] ?? []);
  return rings.sort((a, b) => b.length - a.length)[0] ?? [];
}

/** Core PostgreSQL `polygon` literal, vertices as (lng, lat) so that `point(lng, lat)` tests against it. */
export const toPgPolygon = (ring: GeoJSON.Position[]) => `(${ring.map(([lng, lat]) => `(${lng},${lat})`).join(',')})`;

/** A named sector polygon from the commune file (`sectors`: a FeatureCollection beside the commune's own). */
export interface CommuneSector {
  name: string;
  ring: GeoJSON.Position[];
}

/**
 * The shape rules a drawn sector obeys (closed, not self-crossing, inside the commune), given by the
 * server that owns them: the reason a ring is refused, or null.
 */
export type SectorCheck = (ring: GeoJSON.Position[]) => string | null;

/**
 * The commune file's optional `sectors` FeatureCollection: each feature a Polygon named by its
 * `nom` (or `name`) property. A town describes its quartiers once, in the file, not in code.
 * A mistake in it stops the start with the feature's index, not with a database error.
 */
export function loadCommuneSectors(file = DEFAULT_COMMUNE_FILE, check?: SectorCheck): CommuneSector[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { sectors?: { features?: unknown } };
  if (parsed.sectors === undefined) return [];
  const features = parsed.sectors?.features;
  if (!Array.isArray(features)) throw new Error(`The commune file ${file}: \`sectors\` must be a FeatureCollection (with a \`features\` array)`);
  const position = (p: unknown) =>
    Array.isArray(p) && p.length >= 2 && p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n)) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
  const seen = new Set<string>();
  return features.map((feature: { geometry?: { type?: string; coordinates?: unknown[] }; properties?: { nom?: unknown; name?: unknown } }, index) => {
    const where = `The commune file ${file}: sectors.features[${index}]`;
    const raw = feature?.properties?.nom ?? feature?.properties?.name;
    const name = typeof raw === 'string' ? raw.trim() : '';
    const ring = feature?.geometry?.type === 'Polygon' ? feature.geometry.coordinates?.[0] : undefined;
    if (!name || !Array.isArray(ring) || ring.length < 4) throw new Error(`${where} needs a \`nom\` property and a Polygon geometry`);
    if (!ring.every(position)) throw new Error(`${where} (${name}): every vertex must be [longitude, latitude] in degrees`);
    if (seen.has(name)) throw new Error(`${where}: the name « ${name} » is used twice`);
    seen.add(name);
    const sectorRing = ring.map((p) => [p[0], p[1]]) as GeoJSON.Position[];
    const refused = check?.(sectorRing);
    if (refused) throw new Error(`${where} (${name}) is refused: ${refused}`);
    return { name, ring: sectorRing };
  });
}

/**
 * On a first start without any sector, the commune file's sectors become the neighbourhoods
 * (the demo seeds its own before this runs). Returns how many were created.
 */
export async function loadSectorsIfNone(sql: import('./types.ts').Sql, file = DEFAULT_COMMUNE_FILE, check?: SectorCheck): Promise<number> {
  const sectors = loadCommuneSectors(file, check);
  if (sectors.length === 0) return 0;
  return sql.begin(async (tx) => {
    await tx`lock table neighbourhoods in share row exclusive mode`; // two processes starting together create them once
    const [{ n }] = (await tx`select count(*)::int as n from neighbourhoods`) as unknown as [{ n: number }];
    if (n > 0) return 0;
    for (const sector of sectors) await tx`insert into neighbourhoods (name, area) values (${sector.name}, ${toPgPolygon(sector.ring)}::polygon)`;
    // A town that ran without sectors already has members and reports: each gets the sector of its
    // point (the lowest id where sectors overlap, as `locate()` does), like a sector drawn later.
    await tx`
      update members m set neighbourhood_id = (select n.id from neighbourhoods n where n.area @> point(m.lng, m.lat) order by n.id limit 1), updated_at = now()
      where m.lat is not null and m.lng is not null and exists (select 1 from neighbourhoods n where n.area @> point(m.lng, m.lat))`;
    await tx`
      update reports r set neighbourhood_id = (select n.id from neighbourhoods n where n.area @> point(r.lng, r.lat) order by n.id limit 1)
      where exists (select 1 from neighbourhoods n where n.area @> point(r.lng, r.lat))`;
    return sectors.length;
  });
}
