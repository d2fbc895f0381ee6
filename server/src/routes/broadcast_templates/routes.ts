import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { BROADCAST_CATEGORIES } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { conflict, notFound, validationHook } from '../../errors.ts';
import { contentRange, idList, oneOrMany, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

// Placeholders such as {rue}, {date}, {secteur} stay in the text: the compose form fills them.
const TemplateSchema = z
  .object({ id: z.number(), category: z.enum(BROADCAST_CATEGORIES), title: z.string(), sms_text: z.string().nullable(), email_subject: z.string().nullable(), email_body: z.string().nullable(), active: z.boolean() })
  .openapi('BroadcastTemplate');
const opt = (max: number) => z.string().trim().min(1, 'Requis.').max(max, `${max} caractères au plus.`).nullable().default(null);
const InputSchema = z
  .object({ category: z.enum(BROADCAST_CATEGORIES, { error: 'Catégorie inconnue.' }), title: z.string().trim().min(1, 'Requis.').max(120, '120 caractères au plus.'), sms_text: opt(1000), email_subject: opt(200), email_body: opt(20000), active: z.boolean().default(true) })
  .openapi('BroadcastTemplateInput');
const FilterSchema = z.object({ id: idList.optional(), category: oneOrMany(z.enum(BROADCAST_CATEGORIES)).optional(), active: z.boolean().optional() }).strict();

const tags = ['broadcast_templates'];
const body = { body: { content: { 'application/json': { schema: InputSchema } }, required: true } };
const list = createRoute({ method: 'get', path: '/', tags, summary: 'Broadcast templates', middleware: [requireAccess('broadcast_templates', 'list')] as const, request: { query: ListQuerySchema }, responses: { 200: { ...jsonContent(z.array(TemplateSchema), 'Templates'), headers: listHeaders }, ...errorResponses } });
const show = createRoute({ method: 'get', path: '/{id}', tags, summary: 'One template', middleware: [requireAccess('broadcast_templates', 'show')] as const, request: { params: IdParamSchema }, responses: { 200: jsonContent(TemplateSchema, 'Template'), 404: jsonContent(ErrorSchema, 'No such template'), ...errorResponses } });
const create = createRoute({ method: 'post', path: '/', tags, summary: 'Add a template (supervisors)', middleware: [requireAccess('broadcast_templates', 'create')] as const, request: body, responses: { 201: jsonContent(TemplateSchema, 'Created'), 409: jsonContent(ErrorSchema, 'Same title in this category'), ...errorResponses } });
const update = createRoute({ method: 'put', path: '/{id}', tags, summary: 'Edit or retire a template (supervisors)', middleware: [requireAccess('broadcast_templates', 'edit')] as const, request: { params: IdParamSchema, ...body }, responses: { 200: jsonContent(TemplateSchema, 'Updated'), 404: jsonContent(ErrorSchema, 'No such template'), 409: jsonContent(ErrorSchema, 'Same title in this category'), ...errorResponses } });

export function broadcastTemplateRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const cols = sql`id, category, title, sms_text, email_subject, email_body, active`;
  const duplicate = () => conflict('Un modèle porte déjà ce titre dans cette catégorie.', { title: 'Titre déjà utilisé dans cette catégorie.' });

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'category', 'title'], defaultSort: ['category', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [f.id && sql`id = any(${f.id}::int[])`, f.category && sql`category = any(${f.category}::text[])`, f.active !== undefined && sql`active = ${f.active}`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql`select ${cols} from broadcast_templates where ${condition} order by ${sql(query.sort.field)} ${direction}, title, id limit ${query.limit} offset ${query.offset}`;
    const n = await pageTotal(sql, query, rows.length, sql`broadcast_templates`, condition);
    c.header('Content-Range', contentRange('broadcast_templates', query.offset, rows.length, n));
    return c.json(rows as never, 200);
  });
  app.openapi(show, async (c) => {
    const [row] = await sql`select ${cols} from broadcast_templates where id = ${c.req.valid('param').id}`;
    if (!row) throw notFound('Modèle introuvable.');
    return c.json(row as never, 200);
  });
  app.openapi(create, async (c) => {
    const i = c.req.valid('json');
    const row = await sql.begin(async (tx) => {
      const [row] = await tx`insert into broadcast_templates (category, title, sms_text, email_subject, email_body, active)
        values (${i.category}, ${i.title}, ${i.sms_text}, ${i.email_subject}, ${i.email_body}, ${i.active})
        on conflict (category, title) do nothing returning ${cols}`;
      if (!row) throw duplicate();
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'create', resource: 'broadcast_templates', record_id: row.id as number, ip: c.get('ip') });
      return row;
    });
    return c.json(row as never, 201);
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const i = c.req.valid('json');
    const row = await sql.begin(async (tx) => {
      const [clash] = await tx`select 1 from broadcast_templates where category = ${i.category} and title = ${i.title} and id <> ${id}`;
      if (clash) throw duplicate();
      const [row] = await tx`update broadcast_templates set category = ${i.category}, title = ${i.title}, sms_text = ${i.sms_text},
        email_subject = ${i.email_subject}, email_body = ${i.email_body}, active = ${i.active} where id = ${id} returning ${cols}`;
      if (!row) throw notFound('Modèle introuvable.');
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'update', resource: 'broadcast_templates', record_id: id, ip: c.get('ip') });
      return row;
    });
    return c.json(row as never, 200);
  });
  return app;
}
