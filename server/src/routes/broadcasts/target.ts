import type { Sql, TxSql } from '@vigie/db';
import type { BroadcastTarget } from '@vigie/shared';
import type { PendingQuery, Row } from 'postgres';
import { z } from '@hono/zod-openapi';

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], { error: 'Position [lng, lat] attendue.' });

const PolygonSchema = z.object({
  type: z.literal('Polygon'),
  // The outer ring only: a drawn zone has no holes; closed (first = last), at least a triangle.
  coordinates: z
    .array(z.array(Position).min(4, 'Un polygone a au moins trois sommets.').max(5000, '5000 sommets au plus.'))
    .length(1, 'Un seul contour par zone (pas de trou).')
    .refine((rings) => {
      const ring = rings[0]!;
      const [a, b] = [ring[0]!, ring.at(-1)!];
      return a[0] === b[0] && a[1] === b[1];
    }, 'Le contour doit être fermé (premier point = dernier point).'),
});
const PointSchema = z.object({ type: z.literal('Point'), coordinates: Position });

const FeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: z.discriminatedUnion('type', [PolygonSchema, PointSchema], { error: 'Polygone ou point attendu.' }),
    properties: z.object({ radius_m: z.number().positive().max(20_000, '20 km au plus.').optional() }).passthrough().nullable().optional(),
  })
  .refine((f) => f.geometry.type !== 'Point' || f.properties?.radius_m !== undefined, { message: 'Un cercle a besoin de properties.radius_m (mètres).', path: ['properties', 'radius_m'] });

export const TargetSchema = z.union(
  [
    z.object({ commune: z.literal(true) }).strict(),
    z.object({ neighbourhood_ids: z.array(z.number().int().positive().max(2147483647)).min(1, 'Au moins un secteur.').max(500) }).strict(),
    z.object({ zones: z.object({ type: z.literal('FeatureCollection'), features: z.array(FeatureSchema).min(1, 'Au moins une zone.').max(50, '50 zones au plus.') }) }).strict(),
  ],
  { error: 'Cible attendue : { commune: true }, { neighbourhood_ids: [...] } ou { zones: FeatureCollection }.' },
);

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * The SQL condition on members `m` for a target. Zones use the GiST index on `point(lng, lat)`:
 * polygons directly (`<@ polygon`), circles through their bounding box, then an equirectangular
 * distance in metres (cos(lat) scaling), exact to well under a metre at a commune's scale.
 * Coordinates are sent as bound parameters; polygon text is built from validated numbers only.
 */
export function targetCondition(sql: Sql | TxSql, target: BroadcastTarget): PendingQuery<Row[]> {
  if ('commune' in target) return sql`true`;
  if ('neighbourhood_ids' in target) return sql`m.neighbourhood_id = any(${target.neighbourhood_ids}::int[])`;
  const parts = target.zones.features.map((feature) => {
    const geometry = feature.geometry;
    if (geometry.type === 'Polygon') {
      const ring = geometry.coordinates[0]!.map(([lng, lat]) => `(${Number(lng)},${Number(lat)})`).join(',');
      return sql`point(m.lng, m.lat) <@ ${`(${ring})`}::polygon`;
    }
    const [lng, lat] = geometry.coordinates;
    const radius = feature.properties!.radius_m!;
    const dLat = ((radius / EARTH_RADIUS_M) * 180) / Math.PI;
    const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
    const box = `((${lng - dLng * 1.01},${lat - dLat * 1.01}),(${lng + dLng * 1.01},${lat + dLat * 1.01}))`;
    return sql`(point(m.lng, m.lat) <@ ${box}::box
      and (radians(m.lng - ${lng}) * cos(radians(${lat}::float8)) * ${EARTH_RADIUS_M})^2 + (radians(m.lat - ${lat}) * ${EARTH_RADIUS_M})^2 <= ${radius * radius}::float8)`;
  });
  const union = parts.reduce((acc, part) => sql`${acc} or ${part}`);
  return sql`(m.lat is not null and (${union}))`;
}
