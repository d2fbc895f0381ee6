import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MEMBER_EVENT_ACTIONS, MEMBER_STATUSES } from '@vigie/shared';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { notFound, validationHook } from '../../errors.ts';
import { contentRange, idList, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { ErrorSchema, errorResponses, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const tags = ['member_events'];

const MemberEventSchema = z
  .object({
    id: z.number().int(),
    member_id: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    staff_id: z.number().int().nullable(),
    staff_name: z.string().nullable(),
    action: z.enum(MEMBER_EVENT_ACTIONS),
    from_status: z.enum(MEMBER_STATUSES).nullable(),
    to_status: z.enum(MEMBER_STATUSES).nullable(),
    reason: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('MemberEvent');

const FilterSchema = z.object({ id: idList.optional(), member_id: idList.optional() }).strict();

const list = createRoute({
  method: 'get', path: '/', tags, summary: "A member's history (filter member_id), oldest first by default",
  middleware: [requireAccess('member_events', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(MemberEventSchema), 'A page of events'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One history line',
  middleware: [requireAccess('member_events', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(MemberEventSchema, 'The event'), 404: jsonContent(ErrorSchema, 'No such event'), ...errorResponses },
});

export function memberEventRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const columns = () => sql`e.id, e.member_id, e.at, e.staff_id, s.full_name as staff_name, e.action, e.from_status, e.to_status, e.reason, e.note`;
  const from = () => sql`member_events e left join staff s on s.id = e.staff_id`;

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'at'], defaultSort: ['at', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [f.id && sql`e.id = any(${f.id}::int[])`, f.member_id && sql`e.member_id = any(${f.member_id}::int[])`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql`
      select ${columns()} from ${from()} where ${condition}
      order by ${sql(`e.${query.sort.field}`)} ${direction}, e.id ${direction} limit ${query.limit} offset ${query.offset}`;
    c.header('Content-Range', contentRange('member_events', query.offset, rows.length, await pageTotal(sql, query, rows.length, sql`member_events e`, condition)));
    return c.json(rows as never, 200);
  });

  app.openapi(show, async (c) => {
    const { id } = c.req.valid('param');
    const [row] = await sql`select ${columns()} from ${from()} where e.id = ${id}`;
    if (!row) throw notFound('Événement introuvable.');
    return c.json(row as never, 200);
  });
  return app;
}
