import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { REPORT_STATUSES, type ResponseTemplate } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { conflict, notFound, validationHook } from '../../errors.ts';
import { contentRange, pageTotal, idList, oneOrMany, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const REPLY_STATUSES = REPORT_STATUSES.filter((s) => s !== 'new') as [Exclude<(typeof REPORT_STATUSES)[number], 'new'>, ...Exclude<(typeof REPORT_STATUSES)[number], 'new'>[]];

const TemplateSchema = z
  .object({ id: z.number().int(), status: z.enum(REPLY_STATUSES), title: z.string(), body: z.string(), active: z.boolean() })
  .openapi('ResponseTemplate');

const TemplateInputSchema = z
  .object({
    status: z.enum(REPLY_STATUSES, { error: 'Statut inconnu.' }),
    title: z.string().trim().min(1, 'Requis.').max(100, '100 caractères au plus.'),
    body: z.string().trim().min(1, 'Requis.').max(1000, '1000 caractères au plus.'),
    active: z.boolean().default(true),
  })
  .openapi('ResponseTemplateInput');

const FilterSchema = z.object({ id: idList.optional(), status: oneOrMany(z.enum(REPLY_STATUSES)).optional(), active: z.boolean().optional() }).strict();

const tags = ['response_templates'];
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Standard replies to residents, per status',
  middleware: [requireAccess('response_templates', 'list')] as const, request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(TemplateSchema), 'Templates'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One template', middleware: [requireAccess('response_templates', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(TemplateSchema, 'Template'), 404: jsonContent(ErrorSchema, 'No such template'), ...errorResponses },
});
const create = createRoute({
  method: 'post', path: '/', tags, summary: 'Add a template', middleware: [requireAccess('response_templates', 'create')] as const,
  request: { body: { content: { 'application/json': { schema: TemplateInputSchema } }, required: true } },
  responses: { 201: jsonContent(TemplateSchema, 'Created'), 409: jsonContent(ErrorSchema, 'Same title for this status'), ...errorResponses },
});
const update = createRoute({
  method: 'put', path: '/{id}', tags, summary: 'Reword or retire a template', middleware: [requireAccess('response_templates', 'edit')] as const,
  request: { params: IdParamSchema, body: { content: { 'application/json': { schema: TemplateInputSchema } }, required: true } },
  responses: { 200: jsonContent(TemplateSchema, 'Updated'), 404: jsonContent(ErrorSchema, 'No such template'), 409: jsonContent(ErrorSchema, 'Same title for this status'), ...errorResponses },
});

export function responseTemplateRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const cols = sql`id, status, title, body, active`;
  const duplicate = () => conflict('Un modèle porte déjà ce titre pour ce statut.', { title: 'Titre déjà utilisé pour ce statut.' });

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'status', 'title'], defaultSort: ['status', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [
      f.id && sql`id = any(${f.id}::int[])`,
      f.status && sql`status = any(${f.status}::text[])`,
      f.active !== undefined && sql`active = ${f.active}`,
    ]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<ResponseTemplate[]>`select ${cols} from response_templates where ${condition}
      order by ${sql(query.sort.field)} ${direction}, title, id limit ${query.limit} offset ${query.offset}`;
    const n = await pageTotal(sql, query, rows.length, sql`response_templates`, condition);
    c.header('Content-Range', contentRange('response_templates', query.offset, rows.length, n));
    return c.json(rows as never, 200);
  });
  app.openapi(show, async (c) => {
    const [row] = await sql<ResponseTemplate[]>`select ${cols} from response_templates where id = ${c.req.valid('param').id}`;
    if (!row) throw notFound('Modèle introuvable.');
    return c.json(row as never, 200);
  });
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const row = await sql.begin(async (tx) => {
      const [row] = await tx<ResponseTemplate[]>`
        insert into response_templates (status, title, body, active)
        values (${input.status}, ${input.title}, ${input.body}, ${input.active})
        on conflict (status, title) do nothing returning ${cols}`;
      if (!row) throw duplicate();
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'create', resource: 'response_templates', record_id: row.id, ip: c.get('ip') });
      return row;
    });
    return c.json(row as never, 201);
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await sql.begin(async (tx) => {
      const [clash] = await tx`select 1 from response_templates where status = ${input.status} and title = ${input.title} and id <> ${id}`;
      if (clash) throw duplicate();
      const [row] = await tx<ResponseTemplate[]>`
        update response_templates set status = ${input.status}, title = ${input.title}, body = ${input.body},
               active = ${input.active}, updated_at = now()
        where id = ${id} returning ${cols}`;
      if (!row) throw notFound('Modèle introuvable.');
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'update', resource: 'response_templates', record_id: id, ip: c.get('ip') });
      return row;
    });
    return c.json(row as never, 200);
  });
  return app;
}
