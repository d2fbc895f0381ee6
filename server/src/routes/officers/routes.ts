import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { notFound, validationHook } from '../../errors.ts';
import { contentRange, pageTotal, idList, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const OfficerSchema = z
  .object({ id: z.number().int(), full_name: z.string(), role: z.enum(['officer', 'supervisor']) })
  .openapi('Officer');

const FilterSchema = z.object({ id: idList.optional(), q: z.string().trim().max(100).optional() }).strict();

const tags = ['officers'];
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Active officers and supervisors a report can be assigned to',
  middleware: [requireAccess('officers', 'list')] as const, request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(OfficerSchema), 'Officers'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One officer', middleware: [requireAccess('officers', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(OfficerSchema, 'Officer'), 404: jsonContent(ErrorSchema, 'No such officer'), ...errorResponses },
});

/** A read-only projection of staff: police assign reports without reading accounts (e-mails, status). */
export function officerRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const base = sql`role in ('officer', 'supervisor') and not disabled`;
  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'full_name'], defaultSort: ['full_name', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [base, f.id && sql`id = any(${f.id}::int[])`, f.q && sql`full_name ilike ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`}`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql`select id, full_name, role from staff where ${condition}
      order by ${sql(query.sort.field)} ${direction}, id limit ${query.limit} offset ${query.offset}`;
    const n = await pageTotal(sql, query, rows.length, sql`staff`, condition);
    c.header('Content-Range', contentRange('officers', query.offset, rows.length, n));
    return c.json(rows as never, 200);
  });
  app.openapi(show, async (c) => {
    const [row] = await sql`select id, full_name, role from staff where id = ${c.req.valid('param').id} and ${base}`;
    if (!row) throw notFound('Agent introuvable.');
    return c.json(row as never, 200);
  });
  return app;
}
