import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { conflict, notFound, validationHook } from '../../errors.ts';
import { contentRange, parseListQuery } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';
import { getPartner, insertPartner, listPartners, PARTNER_SORTS, rotatePartnerSecret, updatePartner } from './queries.ts';
import {
  PartnerCreateSchema,
  PartnerFilterSchema,
  PartnerIdParamSchema,
  PartnerRotateSchema,
  PartnerSchema,
  PartnerUpdateSchema,
  PartnerWithSecretSchema,
} from './schemas.ts';
import { generateSecret, sealSecret } from './secrets.ts';

const tags = ['partners'];
const notFoundResponse = { 404: jsonContent(ErrorSchema, 'No such partner') };

const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Partner apps allowed to post signed reports',
  middleware: [requireAccess('partners', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(PartnerSchema), 'Partners'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One partner (never its secret)',
  middleware: [requireAccess('partners', 'show')] as const,
  request: { params: PartnerIdParamSchema },
  responses: { 200: jsonContent(PartnerSchema, 'Partner'), ...notFoundResponse, ...errorResponses },
});
const create = createRoute({
  method: 'post', path: '/', tags, summary: 'Register a partner; the answer carries its secret, shown this once',
  middleware: [requireAccess('partners', 'create')] as const,
  request: { body: { content: { 'application/json': { schema: PartnerCreateSchema } }, required: true } },
  responses: { 201: jsonContent(PartnerWithSecretSchema, 'Created, with the secret'), 409: jsonContent(ErrorSchema, 'Id already used'), ...errorResponses },
});
const update = createRoute({
  method: 'put', path: '/{id}', tags, summary: 'Rename, change the rate limit or webhook, disable or enable',
  middleware: [requireAccess('partners', 'edit')] as const,
  request: { params: PartnerIdParamSchema, body: { content: { 'application/json': { schema: PartnerUpdateSchema } }, required: true } },
  responses: { 200: jsonContent(PartnerSchema, 'Updated'), ...notFoundResponse, ...errorResponses },
});
const rotate = createRoute({
  method: 'post', path: '/{id}/rotate', tags,
  summary: 'New secret, shown this once; the old one keeps verifying for `overlap_hours` (default 24, 0 = revoke now)',
  middleware: [requireAccess('partners', 'edit')] as const,
  request: { params: PartnerIdParamSchema, body: { content: { 'application/json': { schema: PartnerRotateSchema } }, required: false } },
  responses: { 200: jsonContent(PartnerWithSecretSchema, 'Rotated, with the new secret'), ...notFoundResponse, ...errorResponses },
});

export function partnerRoutes(deps: Deps) {
  const { sql, env } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Every process drops what it cached about the partner: a disabled partner or a revoked secret stops verifying at once.
  const changed = (id: string) => deps.fanOut.publish({ kind: 'partner_changed', partner_id: id });

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: PARTNER_SORTS, defaultSort: ['name', 'ASC'], filter: PartnerFilterSchema });
    const { rows, total } = await listPartners(sql, query);
    c.header('Content-Range', contentRange('partners', query.offset, rows.length, total));
    return c.json(rows as never, 200);
  });

  app.openapi(show, async (c) => {
    const partner = await getPartner(sql, c.req.valid('param').id);
    if (!partner) throw notFound('Partenaire introuvable.');
    return c.json(partner as never, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const secret = generateSecret();
    const partner = await sql.begin(async (tx) => {
      if (!(await insertPartner(tx, input, sealSecret(env.VIGIE_SECRET_KEY, input.id, secret)))) {
        throw conflict('Cet identifiant de partenaire est déjà utilisé.', { id: 'Identifiant déjà utilisé.' });
      }
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'create', resource: 'partners', record_id: input.id, ip: c.get('ip') });
      return (await getPartner(tx, input.id))!;
    });
    await changed(input.id); // it may have been cached as unknown
    return c.json({ ...partner, secret } as never, 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const partner = await sql.begin(async (tx) => {
      // Locked before it is read: what changed decides the audit entries, as for staff accounts.
      const [locked] = await tx`select 1 from partners where id = ${id} for update`;
      if (!locked) throw notFound('Partenaire introuvable.');
      const before = (await getPartner(tx, id))!;
      await updatePartner(tx, id, input);
      const after = (await getPartner(tx, id))!;
      // Cutting a partner off (or letting it back) is its own entry; any other change is one more update.
      const entry = { staff_id: c.get('auth').staff_id, resource: 'partners', record_id: id, ip: c.get('ip') };
      const toggled = after.disabled !== before.disabled;
      if (toggled) await audit(tx, { ...entry, action: after.disabled ? 'suspend' : 'reinstate' });
      const edited = after.name !== before.name || after.rate_per_minute !== before.rate_per_minute || after.webhook_url !== before.webhook_url;
      if (edited || !toggled) await audit(tx, { ...entry, action: 'update' });
      return after;
    });
    await changed(id);
    return c.json(partner as never, 200);
  });

  app.openapi(rotate, async (c) => {
    const { id } = c.req.valid('param');
    // No body (a bare `curl -X POST`) means the default overlap.
    const overlapHours = (c.req.valid('json') as { overlap_hours?: number }).overlap_hours ?? 24;
    const secret = generateSecret();
    const partner = await sql.begin(async (tx) => {
      if (!(await rotatePartnerSecret(tx, id, sealSecret(env.VIGIE_SECRET_KEY, id, secret), overlapHours))) throw notFound('Partenaire introuvable.');
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'rotate_secret', resource: 'partners', record_id: id, ip: c.get('ip') });
      return (await getPartner(tx, id))!;
    });
    await changed(id);
    return c.json({ ...partner, secret } as never, 200);
  });

  return app;
}
