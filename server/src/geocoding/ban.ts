import type { CommuneConfig } from '@vigie/shared';
import { outerRing } from '@vigie/db';
import { z } from 'zod';
import { pointInRing } from './geometry.ts';
import { GeocoderUnavailable, type Geocoder } from './types.ts';

// The documented answer of the BAN's /search/: a GeoJSON FeatureCollection whose features carry
// `geometry.coordinates` [lon, lat] and `properties.{label, score, type, citycode, postcode…}`.
const BanAnswer = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({ label: z.string(), score: z.number() }).loose(),
    }),
  ),
});

/**
 * The Base Adresse Nationale's search API (api-adresse.data.gouv.fr, or any server speaking it).
 * Results are biased towards the commune's centre (`lat`/`lon`) but not filtered by `citycode`:
 * a resident living just across the boundary must be found, then flagged outside the commune.
 */
export function createBanGeocoder(commune: CommuneConfig, options: { url: string; timeoutMs: number; fetch?: typeof fetch }): Geocoder {
  const boundary = outerRing(commune.boundary);
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'ban',
    async search(q, { limit = 5 } = {}) {
      const url = new URL(options.url);
      url.searchParams.set('q', q);
      url.searchParams.set('limit', String(limit));
      url.searchParams.set('lat', String(commune.centre.lat));
      url.searchParams.set('lon', String(commune.centre.lng));
      let body: unknown;
      try {
        const res = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`BAN answered ${res.status}`);
        body = await res.json();
      } catch (error) {
        throw new GeocoderUnavailable(`BAN geocoder unavailable: ${(error as Error).message}`, { cause: error });
      }
      const parsed = BanAnswer.safeParse(body);
      if (!parsed.success) throw new GeocoderUnavailable('BAN geocoder answered an unexpected shape');
      return parsed.data.features.slice(0, limit).map(({ geometry: { coordinates: [lng, lat] }, properties }) => ({
        label: properties.label,
        lat,
        lng,
        score: Math.max(0, Math.min(1, Math.round(properties.score * 100) / 100)),
        in_commune: pointInRing(lng, lat, boundary),
      }));
    },
  };
}
