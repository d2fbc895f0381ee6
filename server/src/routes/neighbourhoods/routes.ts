import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { notFound, validationHook } from '../../errors.ts';
import { contentRange, pageTotal, idList, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const NeighbourhoodSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    area: z.array(z.tuple([z.number(), z.number()])).openapi({ description: 'Polygon vertices as [lng, lat]' }),
  })
  .openapi('Neighbourhood');

const FilterSchema = z.object({ id: idList.optional(), q: z.string().max(100).optional() }).strict();

const tags = ['neighbourhoods'];
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Sectors of the commune',
  middleware: [requireAccess('neighbourhoods', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(NeighbourhoodSchema), 'Sectors'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One sector',
  middleware: [requireAccess('neighbourhoods', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(NeighbourhoodSchema, 'Sector'), 404: jsonContent(ErrorSchema, 'No such sector'), ...errorResponses },
});

/** Core `polygon` text is ((x,y),…); the API speaks [lng, lat] pairs like GeoJSON. */
const parsePolygon = (text: string): Array<[number, number]> =>
  [...text.matchAll(/\(([-\d.e]+),([-\d.e]+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);

export function neighbourhoodRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'name'], defaultSort: ['name', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [f.id && sql`id = any(${f.id}::int[])`, f.q && sql`name ilike ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'}`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<{ id: number; name: string; area: string }[]>`
      select id, name, area::text as area from neighbourhoods where ${condition}
      order by ${sql(query.sort.field)} ${direction} limit ${query.limit} offset ${query.offset}`;
    const n = await pageTotal(sql, query, rows.length, sql`neighbourhoods`, condition);
    c.header('Content-Range', contentRange('neighbourhoods', query.offset, rows.length, n));
    return c.json(rows.map((r) => ({ ...r, area: parsePolygon(r.area) })), 200);
  });
  app.openapi(show, async (c) => {
    const [row] = await sql<{ id: number; name: string; area: string }[]>`select id, name, area::text as area from neighbourhoods where id = ${c.req.valid('param').id}`;
    if (!row) throw notFound('Secteur introuvable.');
    return c.json({ ...row, area: parsePolygon(row.area) }, 200);
  });
  return app;
}
