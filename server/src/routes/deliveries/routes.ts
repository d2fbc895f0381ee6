import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DELIVERY_STATUSES, maskContact, type Delivery } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { notFound, validationHook } from '../../errors.ts';
import { csvResponse, parisDateTime } from '../../rest/csv.ts';
import { contentRange, idList, oneOrMany, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const DeliverySchema = z
  .object({
    id: z.number(), broadcast_id: z.number(), member_id: z.number().nullable(), relative_id: z.number().nullable(), channel: z.enum(['sms', 'email']),
    to: z.string().openapi({ description: 'In clear for the town hall (audited), masked for the police: `06 •• •• •• 78`' }),
    recipient_name: z.string().nullable(), status: z.enum(DELIVERY_STATUSES), attempts: z.number(), last_error: z.string().nullable(), provider_id: z.string().nullable(), updated_at: z.string(),
  })
  .openapi('Delivery');
const FilterSchema = z.object({ id: idList.optional(), broadcast_id: z.number().int().positive().optional(), status: oneOrMany(z.enum(DELIVERY_STATUSES)).optional(), channel: oneOrMany(z.enum(['sms', 'email'])).optional() }).strict();
const ExportQuerySchema = z.object({ broadcast_id: z.coerce.number().int().positive().max(2147483647) });

const tags = ['deliveries'];
const list = createRoute({ method: 'get', path: '/', tags, summary: 'Per-recipient delivery log (filter by broadcast_id, status)', middleware: [requireAccess('deliveries', 'list')] as const, request: { query: ListQuerySchema }, responses: { 200: { ...jsonContent(z.array(DeliverySchema), 'Deliveries'), headers: listHeaders }, ...errorResponses } });
const show = createRoute({ method: 'get', path: '/{id}', tags, summary: 'One delivery', middleware: [requireAccess('deliveries', 'show')] as const, request: { params: IdParamSchema }, responses: { 200: jsonContent(DeliverySchema, 'Delivery'), 404: jsonContent(ErrorSchema, 'No such delivery'), ...errorResponses } });
const exportFailed = createRoute({ method: 'get', path: '/failed.csv', tags, summary: "A broadcast's failed and dead deliveries as CSV, for phone follow-up (town hall; audited)", middleware: [requireAccess('deliveries', 'export')] as const, request: { query: ExportQuerySchema }, responses: { 200: { description: 'CSV (UTF-8 BOM, `;`)', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses } });

export function deliveryRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const cols = sql`d.id::int, d.broadcast_id, d.member_id, d.relative_id, d.channel, d."to", coalesce(r.full_name, m.full_name) as recipient_name,
    d.status, d.attempts, d.last_error, d.provider_id, d.updated_at`;
  const from = sql`deliveries d left join members m on m.id = d.member_id left join relatives r on r.id = d.relative_id`;
  // Contacts and names in clear only for the town hall; those reads are audited.
  const shape = (role: string, rows: Delivery[]) =>
    role === 'townhall' ? rows : rows.map((row) => ({ ...row, to: maskContact(row.to), recipient_name: null }));

  app.openapi(exportFailed, async (c) => {
    const { broadcast_id } = c.req.valid('query');
    // About the broadcast, not one delivery: « Export des envois en échec : diffusion n° 7 ».
    await audit(sql, { staff_id: c.get('auth').staff_id, action: 'export', resource: 'deliveries', record_id: `broadcast:${broadcast_id}`, ip: c.get('ip') });
    return csvResponse<Delivery>({
      filename: `diffusion-${broadcast_id}-echecs.csv`,
      columns: [
        { header: 'Destinataire', value: (d) => d.recipient_name },
        { header: 'Canal', value: (d) => (d.channel === 'sms' ? 'SMS' : 'E-mail') },
        { header: 'Contact', value: (d) => d.to },
        { header: 'Statut', value: (d) => d.status },
        { header: 'Erreur', value: (d) => d.last_error },
        { header: 'Mis à jour', value: (d) => parisDateTime(new Date(d.updated_at)) },
      ],
      batches: sql<Delivery[]>`select ${cols} from ${from} where d.broadcast_id = ${broadcast_id} and d.status in ('failed', 'dead') order by d.id`.cursor(500),
    }) as never;
  });

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'status', 'channel', 'updated_at'], defaultSort: ['id', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [
      f.id && sql`d.id = any(${f.id}::bigint[])`,
      f.broadcast_id !== undefined && sql`d.broadcast_id = ${f.broadcast_id}`,
      f.status && sql`d.status = any(${f.status}::text[])`,
      f.channel && sql`d.channel = any(${f.channel}::text[])`,
    ]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<Delivery[]>`select ${cols} from ${from} where ${condition}
      order by ${sql('d.' + query.sort.field)} ${direction}, d.id limit ${query.limit} offset ${query.offset}`;
    const n = await pageTotal(sql, query, rows.length, from, condition);
    const auth = c.get('auth');
    if (auth.role === 'townhall' && rows.length) {
      await audit(sql, { staff_id: auth.staff_id, action: 'read_personal_data', resource: 'deliveries', record_id: f.broadcast_id ? `broadcast:${f.broadcast_id}` : null, ip: c.get('ip') });
    }
    c.header('Content-Range', contentRange('deliveries', query.offset, rows.length, n));
    return c.json(shape(auth.role, rows) as never, 200);
  });

  app.openapi(show, async (c) => {
    const { id } = c.req.valid('param');
    const [row] = await sql<Delivery[]>`select ${cols} from ${from} where d.id = ${id}`;
    if (!row) throw notFound('Envoi introuvable.');
    const auth = c.get('auth');
    if (auth.role === 'townhall') await audit(sql, { staff_id: auth.staff_id, action: 'read_personal_data', resource: 'deliveries', record_id: id, ip: c.get('ip') });
    return c.json(shape(auth.role, [row])[0] as never, 200);
  });
  return app;
}
