import type { Sql, TxSql } from '@vigie/db';
import type { Deps } from '../context.ts';
import type { Env } from '../env.ts';
import { createBanGeocoder } from './ban.ts';
import { createOfflineGeocoder } from './offline.ts';
import type { Geocoder } from './types.ts';

export { GeocoderUnavailable, type Geocoder, type GeocodeResult } from './types.ts';

/** Offline in demo and without DATABASE_URL (embedded), the BAN otherwise, unless GEOCODER says. */
export function createGeocoder({ env, commune }: Pick<Deps, 'env' | 'commune'>): Geocoder {
  const kind = env.GEOCODER ?? (env.VIGIE_DEMO || !env.DATABASE_URL ? 'offline' : 'ban');
  return kind === 'ban' ? createBanGeocoder(commune, { url: env.GEOCODER_URL, timeoutMs: env.GEOCODER_TIMEOUT_MS }) : createOfflineGeocoder(commune);
}

// One geocoder per started server (its env), built on first use: no change to Deps for routes that never geocode.
const built = new WeakMap<Env, Geocoder>();
export function geocoderFor(deps: Pick<Deps, 'env' | 'commune'>): Geocoder {
  let geocoder = built.get(deps.env);
  if (!geocoder) built.set(deps.env, (geocoder = createGeocoder(deps)));
  return geocoder;
}

export interface GeocodedPlace {
  lat: number;
  lng: number;
  geocode_score: number;
  out_of_area: boolean;
  neighbourhood_id: number | null;
  label: string;
}

/**
 * The best match for a resident's address, with its sector: what a registration stores in
 * lat/lng/geocode_score/out_of_area/neighbourhood_id. Null when nothing matched or the geocoder is
 * down: the registration goes on without a point and staff place it on the map.
 */
export async function geocodeAddress(deps: Pick<Deps, 'env' | 'commune' | 'sql'>, address: string, sql: Sql | TxSql = deps.sql): Promise<GeocodedPlace | null> {
  let best;
  try {
    [best] = await geocoderFor(deps).search(address, { limit: 1 });
  } catch {
    return null;
  }
  if (!best) return null;
  const [row] = await sql<{ id: number }[]>`select id from neighbourhoods where area @> point(${best.lng}, ${best.lat}) order by id limit 1`;
  return { lat: best.lat, lng: best.lng, geocode_score: best.score, out_of_area: !best.in_commune, neighbourhood_id: row?.id ?? null, label: best.label };
}

/** A geocoded place as the columns `insertMember` takes (nothing when the address was not found). */
export function placeOrigin(place: GeocodedPlace | null) {
  if (!place) return {};
  return { lat: place.lat, lng: place.lng, geocode_score: place.geocode_score, neighbourhood_id: place.neighbourhood_id, out_of_area: place.out_of_area };
}
