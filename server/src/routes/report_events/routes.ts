import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ReportEvent } from '@vigie/shared';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { notFound, validationHook } from '../../errors.ts';
import { contentRange, pageTotal, idList, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const ReportEventSchema = z
  .object({
    id: z.number().int(),
    report_id: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    staff_id: z.number().int().nullable(),
    staff_name: z.string().nullable(),
    action: z.enum(['created', 'status', 'priority', 'assigned', 'note', 'updated']),
    from_value: z.string().nullable(),
    to_value: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('ReportEvent');

const FilterSchema = z.object({ id: idList.optional(), report_id: idList.optional() }).strict();

const tags = ['report_events'];
const list = createRoute({
  method: 'get', path: '/', tags, summary: "A report's timeline (triage notes: police only)",
  middleware: [requireAccess('report_events', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(ReportEventSchema), 'Events'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One timeline event',
  middleware: [requireAccess('report_events', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(ReportEventSchema, 'Event'), 404: jsonContent(ErrorSchema, 'No such event'), ...errorResponses },
});

export function reportEventRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const select = sql`
    select e.id, e.report_id, e.at, e.staff_id, s.full_name as staff_name, e.action, e.from_value, e.to_value, e.note
    from report_events e left join staff s on s.id = e.staff_id`;

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['at', 'id'], defaultSort: ['at', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [f.id && sql`e.id = any(${f.id}::int[])`, f.report_id && sql`e.report_id = any(${f.report_id}::int[])`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<ReportEvent[]>`${select} where ${condition}
      order by ${sql(`e.${query.sort.field}`)} ${direction}, e.id ${direction} limit ${query.limit} offset ${query.offset}`;
    const total = await pageTotal(sql, query, rows.length, sql`report_events e`, condition);
    c.header('Content-Range', contentRange('report_events', query.offset, rows.length, total));
    return c.json(rows as never, 200);
  });

  app.openapi(show, async (c) => {
    const [row] = await sql<ReportEvent[]>`${select} where e.id = ${c.req.valid('param').id}`;
    if (!row) throw notFound();
    return c.json(row as never, 200);
  });
  return app;
}
