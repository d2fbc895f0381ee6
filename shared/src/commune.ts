/** Public configuration of the commune the instance serves (GET /api/config). */
export interface CommuneConfig {
  code: string;
  name: string;
  postal_code: string;
  centre: { lat: number; lng: number };
  /** GeoJSON polygon ring(s) of the commune, [lng, lat] pairs. */
  boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  police: { address: string; phone: string };
  emergency_number: string;
  tiles: { url: string; attribution: string };
}

// Minimal GeoJSON typing so the shared package needs no @types/geojson.
export declare namespace GeoJSON {
  type Position = [number, number];
  interface Polygon { type: 'Polygon'; coordinates: Position[][] }
  interface MultiPolygon { type: 'MultiPolygon'; coordinates: Position[][][] }
}
