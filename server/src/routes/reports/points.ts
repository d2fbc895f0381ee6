import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { REPORT_CATEGORIES, REPORT_PRIORITIES, REPORT_STATUSES } from '@vigie/shared';
import { compress } from 'hono/compress';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { parseListQuery } from '../../rest/listQuery.ts';
import { errorResponses, jsonContent, ListQuerySchema } from '../../rest/openapi.ts';
import { reportPoints } from './queries.ts';
import { ReportFilterSchema } from './schemas.ts';

/** Enough for any commune's map over a week; past it, the answer says it is truncated. */
export const MAX_POINTS = 100_000;

const PointsSchema = z
  .object({
    count: z.number().int(),
    truncated: z.boolean(),
    id: z.array(z.number().int()),
    lat: z.array(z.number()),
    lng: z.array(z.number()),
    status: z.array(z.enum(REPORT_STATUSES)),
    category: z.array(z.enum(REPORT_CATEGORIES)),
    priority: z.array(z.enum(REPORT_PRIORITIES)),
    received_at_delta_s: z
      .array(z.number().int())
      .openapi({ description: 'received_at in unix seconds, each as the difference from the row before: row i is the sum of the first i + 1 values' }),
  })
  .openapi('ReportPoints');

const points = createRoute({
  method: 'get', path: '/points', tags: ['reports'],
  summary: 'Every report matching the filter as parallel arrays, for the map (gzip)',
  middleware: [requireAccess('reports', 'list'), compress()] as const,
  request: { query: ListQuerySchema.pick({ filter: true }) },
  responses: { 200: jsonContent(PointsSchema, 'Points, newest first'), ...errorResponses },
});

/** Successive differences: rows come newest first, so times shrink to a few digits each. */
const deltas = (values: number[]) => values.map((value, i) => value - (i === 0 ? 0 : values[i - 1]!));

/**
 * The map needs tens of thousands of points but only a few fields: parallel arrays cost a fraction
 * of an array of objects, and coordinates rounded to 1e-5° (about a metre) compress well. Times go
 * as whole seconds (the map shows minutes) delta-encoded: epoch milliseconds took 100,000 points
 * over a week to ~1.2 MB gzip, plain seconds ~1.05 MB, deltas ~0.9 MB. The name says the encoding,
 * so a page from before the change refuses the payload rather than misreading it.
 */
export function registerPointsRoute(app: OpenAPIHono<AppEnv>, { sql }: Deps) {
  app.openapi(points, async (c) => {
    const { filter } = parseListQuery({ filter: c.req.valid('query').filter }, { sortable: [], defaultSort: ['received_at', 'DESC'], filter: ReportFilterSchema });
    const rows = await reportPoints(sql, filter, MAX_POINTS + 1);
    const truncated = rows.length > MAX_POINTS;
    const kept = truncated ? rows.slice(0, MAX_POINTS) : rows;
    const round = (x: number) => Math.round(x * 1e5) / 1e5;
    return c.json({
      count: kept.length,
      truncated,
      id: kept.map((r) => r.id),
      lat: kept.map((r) => round(r.lat)),
      lng: kept.map((r) => round(r.lng)),
      status: kept.map((r) => r.status),
      category: kept.map((r) => r.category),
      priority: kept.map((r) => r.priority),
      received_at_delta_s: deltas(kept.map((r) => Math.floor(r.received_at.getTime() / 1000))),
    }, 200);
  });
}
