import type { ZoneCollection, ZoneFeature } from './broadcastTypes.ts';

/** A circle of `radiusM` metres around a point, as the API takes it (a Point with `radius_m`). */
export const circleZone = (lat: number, lng: number, radiusM: number): ZoneFeature => ({
  type: 'Feature',
  properties: { radius_m: Math.round(radiusM) },
  geometry: { type: 'Point', coordinates: [round(lng), round(lat)] },
});

/** A polygon from Leaflet's [lat, lng] ring, closed as GeoJSON wants it ([lng, lat], first = last). */
export function polygonZone(ring: ReadonlyArray<readonly [number, number]>): ZoneFeature {
  const coordinates = ring.map(([lat, lng]) => [round(lng), round(lat)]);
  const first = coordinates[0];
  const last = coordinates.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) coordinates.push([...first]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [coordinates] } };
}

export const zoneCollection = (features: ZoneFeature[]): ZoneCollection => ({ type: 'FeatureCollection', features });

/** 1e-6° is about 10 cm: enough for a zone, and the JSON stays short. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** « 2 zones : 1 polygone, 1 cercle » — for the summary under the map. */
export function zoneSummary(zones: ZoneCollection | undefined): { polygons: number; circles: number } {
  const features = zones?.features ?? [];
  return {
    polygons: features.filter((f) => f.geometry.type === 'Polygon').length,
    circles: features.filter((f) => f.geometry.type === 'Point').length,
  };
}
