import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from '@vigie/db';
import type { AuditEntry } from '@vigie/shared';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { notFound, validationHook } from '../../errors.ts';
import { dateBound, dateCondition } from '../../rest/dates.ts';
import { contentRange, pageTotal, idList, oneOrMany, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    staff_id: z.number().int().nullable(),
    staff_name: z.string().nullable(),
    action: z.string(),
    target_name: z.string().nullable().openapi({ description: 'What the entry is about, in words (an account, a template, a sector…); never a resident’s personal value' }),
    resource: z.string(),
    record_id: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const FilterSchema = z
  .object({
    id: idList.optional(),
    staff_id: idList.optional(),
    action: oneOrMany(z.string().max(64)).optional(),
    resource: oneOrMany(z.string().max(64)).optional(),
    // `staff.suspend`: one (resource, action) pair, as the dashboard's event filter words it.
    event: oneOrMany(z.string().max(130)).optional(),
    record_id: z.string().max(64).optional(),
    at_gte: dateBound().optional(),
    at_lte: dateBound().optional(),
  })
  .strict();

/** The list's where clause, shared with its CSV export. */
export function auditCondition(sql: Sql, f: z.infer<typeof FilterSchema>) {
  return where(sql, [
    f.id && sql`a.id = any(${f.id}::int[])`,
    f.staff_id && sql`a.staff_id = any(${f.staff_id}::int[])`,
    f.action && sql`a.action = any(${f.action}::text[])`,
    f.resource && sql`a.resource = any(${f.resource}::text[])`,
    f.event && sql`a.resource || '.' || a.action = any(${f.event}::text[])`,
    f.record_id && sql`a.record_id = ${f.record_id}`,
    f.at_gte && dateCondition(sql, 'a.at', f.at_gte, 'gte'),
    f.at_lte && dateCondition(sql, 'a.at', f.at_lte, 'lte'),
  ]);
}

/**
 * The name of what an entry is about, read now from the record (a renamed sector shows its new
 * name; a deleted one, none). Only staff-written names: residents' records (members, relatives,
 * posts, reports) stay numbers, so the log never becomes a way round the personal-data audit.
 */
export function auditSelect(sql: Sql) {
  const num = sql`(case when a.record_id ~ '^[0-9]{1,9}$' then a.record_id::int end)`;
  return sql`select a.id, a.at, a.staff_id, s.full_name as staff_name, a.action, a.resource, a.record_id, a.ip,
      case a.resource
        when 'staff' then (select t.full_name from staff t where t.id = ${num})
        when 'response_templates' then (select t.title from response_templates t where t.id = ${num})
        when 'broadcast_templates' then (select t.title from broadcast_templates t where t.id = ${num})
        when 'broadcasts' then (select t.title from broadcasts t where t.id = ${num})
        when 'neighbourhoods' then (select t.name from neighbourhoods t where t.id = ${num})
        when 'banned_words' then (select t.word from banned_words t where t.id = ${num})
        when 'partners' then (select t.name from partners t where t.id = a.record_id)
      end as target_name
    from audit_log a left join staff s on s.id = a.staff_id`;
}

const AuthorSchema = z.object({ id: z.number().int(), full_name: z.string() }).openapi('AuditAuthor');

const AuthorFilterSchema = z.object({ id: idList.optional(), q: z.string().trim().max(100).optional() }).strict();

const tags = ['audit_log'];
const authors = createRoute({
  method: 'get', path: '/authors', tags,
  summary: 'Staff names to filter the log by (supervisors cannot list staff accounts, yet filter like admins)',
  middleware: [requireAccess('audit_log', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(AuthorSchema), 'Authors'), headers: listHeaders }, ...errorResponses },
});
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'The audit log (read-only)', middleware: [requireAccess('audit_log', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(AuditEntrySchema), 'Entries'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One entry', middleware: [requireAccess('audit_log', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(AuditEntrySchema, 'Entry'), 404: jsonContent(ErrorSchema, 'No such entry'), ...errorResponses },
});

export function auditLogRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Supervisors read the log without access to staff accounts: the author's name comes with it.
  const select = auditSelect(sql);
  // Registered before `/{id}`. Every account, disabled ones included: they still author entries.
  app.openapi(authors, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['full_name', 'id'], defaultSort: ['full_name', 'ASC'], filter: AuthorFilterSchema });
    const f = query.filter;
    const like = f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : null;
    const condition = where(sql, [f.id && sql`id = any(${f.id}::int[])`, like && sql`full_name ilike ${like}`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<{ id: number; full_name: string }[]>`select id, full_name from staff where ${condition}
      order by ${sql(query.sort.field)} ${direction}, id ${direction} limit ${query.limit} offset ${query.offset}`;
    const total = await pageTotal(sql, query, rows.length, sql`staff`, condition);
    c.header('Content-Range', contentRange('audit_log/authors', query.offset, rows.length, total));
    return c.json(rows, 200);
  });
  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['at', 'id'], defaultSort: ['at', 'DESC'], filter: FilterSchema });
    const condition = auditCondition(sql, query.filter);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<AuditEntry[]>`${select} where ${condition}
      order by ${sql(`a.${query.sort.field}`)} ${direction}, a.id ${direction} limit ${query.limit} offset ${query.offset}`;
    const total = await pageTotal(sql, query, rows.length, sql`audit_log a`, condition);
    c.header('Content-Range', contentRange('audit_log', query.offset, rows.length, total));
    return c.json(rows as never, 200);
  });
  app.openapi(show, async (c) => {
    const [row] = await sql<AuditEntry[]>`${select} where a.id = ${c.req.valid('param').id}`;
    if (!row) throw notFound();
    return c.json(row as never, 200);
  });
  return app;
}
