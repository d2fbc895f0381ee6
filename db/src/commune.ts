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
