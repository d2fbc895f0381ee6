import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CHANNELS, OUTBOX_STATUSES } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { notFound, validationHook } from '../../errors.ts';
import { dateBound, dateCondition } from '../../rest/dates.ts';
import { contentRange, idList, oneOrMany, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { ErrorSchema, errorResponses, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const tags = ['outbox_messages'];
const date = () => z.string().openapi({ format: 'date-time' });

const OutboxMessageSchema = z
  .object({
    id: z.number().int(),
    channel: z.enum(CHANNELS),
    to: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    kind: z.string(),
    member_id: z.number().int().nullable(),
    relative_id: z.number().int().nullable(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    created_at: date(),
    sent_at: date().nullable(),
    error: z.string().nullable(),
  })
  .openapi('OutboxMessage');

const FilterSchema = z
  .object({
    id: idList.optional(),
    channel: oneOrMany(z.enum(CHANNELS)).optional(),
    status: oneOrMany(z.enum(OUTBOX_STATUSES)).optional(),
    kind: oneOrMany(z.string().min(1).max(64)).optional(),
    member_id: idList.optional(),
    created_at_gte: dateBound().optional(),
    created_at_lte: dateBound().optional(),
  })
  .strict();

const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Every e-mail and SMS Vigie sent or will send (reads audited)',
  middleware: [requireAccess('outbox_messages', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(OutboxMessageSchema), 'A page of messages, newest first'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One message, as the resident received it (audited)',
  middleware: [requireAccess('outbox_messages', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(OutboxMessageSchema, 'The message'), 404: jsonContent(ErrorSchema, 'No such message'), ...errorResponses },
});

export function outboxMessageRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const columns = () => sql`id::int, channel, "to", subject, body, kind, member_id, relative_id, status, attempts, created_at, sent_at, error`;

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'created_at', 'sent_at'], defaultSort: ['created_at', 'DESC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [
      f.id && sql`id = any(${f.id}::int[])`,
      f.channel && sql`channel = any(${f.channel}::text[])`,
      f.status && sql`status = any(${f.status}::text[])`,
      f.kind && sql`kind = any(${f.kind}::text[])`,
      f.member_id && sql`member_id = any(${f.member_id}::int[])`,
      f.created_at_gte && dateCondition(sql, 'created_at', f.created_at_gte, 'gte'),
      f.created_at_lte && dateCondition(sql, 'created_at', f.created_at_lte, 'lte'),
    ]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql`
      select ${columns()} from outbox_messages where ${condition}
      order by ${sql(query.sort.field)} ${direction}, id ${direction} limit ${query.limit} offset ${query.offset}`;
    if (rows.length) await audit(sql, { staff_id: c.get('auth').staff_id, action: 'read_personal_data', resource: 'outbox_messages', record_id: null, ip: c.get('ip') });
    c.header('Content-Range', contentRange('outbox_messages', query.offset, rows.length, await pageTotal(sql, query, rows.length, sql`outbox_messages`, condition)));
    return c.json(rows as never, 200);
  });

  app.openapi(show, async (c) => {
    const { id } = c.req.valid('param');
    const [row] = await sql`select ${columns()} from outbox_messages where id = ${id}`;
    if (!row) throw notFound('Message introuvable.');
    await audit(sql, { staff_id: c.get('auth').staff_id, action: 'read_personal_data', resource: 'outbox_messages', record_id: id, ip: c.get('ip') });
    return c.json(row as never, 200);
  });
  return app;
}
