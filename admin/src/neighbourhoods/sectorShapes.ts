import type { MultiPolygonCoordinates } from './sectorTypes.ts';

type LatLngLike = { lat: number; lng: number };

/**
 * A ring Leaflet gives (lat/lng objects) as the API's [lng, lat] pairs: rounded to 7 decimals
 * (about 1 cm, beyond what a click can mean) and without the repeated vertices a double click
 * leaves, so the server sees the shape the supervisor saw.
 */
export function ringFromLatLngs(latLngs: readonly LatLngLike[]): Array<[number, number]> {
  const round = (value: number) => Math.round(value * 1e7) / 1e7;
  const ring: Array<[number, number]> = [];
  for (const { lat, lng } of latLngs) {
    const point: [number, number] = [round(lng), round(lat)];
    const previous = ring.at(-1);
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) ring.push(point);
  }
  const first = ring[0];
  const last = ring.at(-1);
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) ring.pop();
  return ring;
}

/** A MultiPolygon's rings as Leaflet [lat, lng] positions (outer ring first, then its holes). */
export const multiPolygonLatLngs = (multi: MultiPolygonCoordinates): Array<Array<Array<[number, number]>>> =>
  multi.map((polygon) => polygon.map((ring) => ring.map(([lng, lat]) => [lat!, lng!] as [number, number])));

/** An area for people: m² under a hectare, hectares above (« 850 m² », « 12,3 ha »). */
export function formatArea(m2: number, locale: string): string {
  if (m2 < 10_000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(m2)} m²`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(m2 / 10_000)} ha`;
}

/** A share 0..1 as a percentage; a sliver never reads « 0 % » (that would say the commune is covered). */
export function formatShare(share: number, locale: string): string {
  const shown = share > 0 && share < 0.001 ? 0.001 : share;
  const text = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(shown);
  return shown !== share ? `< ${text}` : text;
}
