/** One candidate address: WGS 84 point, the geocoder's confidence (0..1), and whether it lies in the commune. */
export interface GeocodeResult {
  label: string;
  lat: number;
  lng: number;
  score: number;
  in_commune: boolean;
}

/** Every address search goes through this: the BAN API in production, the street list offline. */
export interface Geocoder {
  readonly name: 'ban' | 'offline';
  search(q: string, options?: { limit?: number }): Promise<GeocodeResult[]>;
}

/** The upstream service failed or timed out: the caller answers 503 or carries on without a point. */
export class GeocoderUnavailable extends Error {}
