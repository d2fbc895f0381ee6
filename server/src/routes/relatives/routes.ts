import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql, TxSql } from '@vigie/db';
import { CHANNELS } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { badRequest, conflict, notFound, validationHook } from '../../errors.ts';
import { queueRelativeConfirmation } from '../../members/confirmation.ts';
import { normalizeEmail, normalizePhone } from '../../members/contacts.ts';
import { channelsSchema, RelativeInputSchema, text } from '../../members/schemas.ts';
import { contentRange, idList, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { ErrorSchema, errorResponses, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const tags = ['relatives'];
const date = () => z.string().openapi({ format: 'date-time' });

const RelativeSchema = z
  .object({
    id: z.number().int(),
    member_id: z.number().int(),
    full_name: z.string().nullable(),
    relation: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    channels: z.array(z.enum(CHANNELS)),
    confirmed_at: date().nullable(),
    sms_opt_out_at: date().nullable(),
    email_opt_out_at: date().nullable(),
  })
  .openapi('Relative');

const FilterSchema = z.object({ id: idList.optional(), member_id: idList.optional() }).strict();
const CreateSchema = RelativeInputSchema.extend({ member_id: z.number().int().positive().max(2_147_483_647) }).openapi('RelativeCreate');
const UpdateSchema = z
  .object({
    full_name: text(200).optional(),
    relation: text(100).optional(),
    email: z.string().trim().max(254, '254 caractères au plus.').nullish(),
    phone: z.string().trim().max(32, '32 caractères au plus.').nullish(),
    channels: channelsSchema.min(1, 'Choisissez au moins un canal.').optional(),
  })
  .openapi('RelativeUpdate');

const columns = (sql: Sql | TxSql) =>
  sql`id, member_id, full_name, relation, email, phone, channels, confirmed_at, sms_opt_out_at, email_opt_out_at`;

const list = createRoute({
  method: 'get', path: '/', tags, summary: "A senior's relatives (filter member_id)",
  middleware: [requireAccess('relatives', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(RelativeSchema), 'A page of relatives'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One relative (audited read of personal data)',
  middleware: [requireAccess('relatives', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(RelativeSchema, 'The relative'), 404: jsonContent(ErrorSchema, 'No such relative'), ...errorResponses },
});
const create = createRoute({
  method: 'post', path: '/', tags, summary: "Add a relative to a senior's registration (they confirm their contacts by link)",
  middleware: [requireAccess('relatives', 'create')] as const,
  request: { body: { content: { 'application/json': { schema: CreateSchema } }, required: true } },
  responses: { 201: jsonContent(RelativeSchema, 'Added'), 409: jsonContent(ErrorSchema, 'Not a senior, 5 relatives already, or erased'), ...errorResponses },
});
const update = createRoute({
  method: 'put', path: '/{id}', tags, summary: "Correct a relative's contacts or channels (a changed contact is confirmed again)",
  middleware: [requireAccess('relatives', 'edit')] as const,
  request: { params: IdParamSchema, body: { content: { 'application/json': { schema: UpdateSchema } }, required: true } },
  responses: { 200: jsonContent(RelativeSchema, 'Updated'), 404: jsonContent(ErrorSchema, 'No such relative'), ...errorResponses },
});

/** Contacts checked like a registration's: e-mail needs an address, SMS a mobile. */
function checkContacts(input: { email?: string | null; phone?: string | null }, channels: string[]) {
  const errors: Record<string, string> = {};
  let email: string | null = null;
  let phone: string | null = null;
  if (input.email) {
    const checked = normalizeEmail(input.email);
    if (checked.ok) email = checked.email;
    else errors.email = checked.message;
  }
  if (input.phone) {
    const checked = normalizePhone(input.phone);
    if (!checked.ok) errors.phone = checked.message;
    else {
      phone = checked.e164;
      if (channels.includes('sms') && !checked.mobile) errors.phone = 'Ce numéro n’est pas un mobile : les SMS demandent un mobile.';
    }
  }
  if (channels.includes('email') && !input.email) errors.email ??= 'Une adresse e-mail est requise pour recevoir les alertes par e-mail.';
  if (channels.includes('sms') && !input.phone) errors.phone ??= 'Un numéro de mobile est requis pour recevoir les alertes par SMS.';
  if (Object.keys(errors).length) throw badRequest(errors);
  return { email, phone };
}

export function relativeRoutes(deps: Deps) {
  const { sql, env } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'full_name'], defaultSort: ['id', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [f.id && sql`id = any(${f.id}::int[])`, f.member_id && sql`member_id = any(${f.member_id}::int[])`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql`
      select ${columns(sql)} from relatives where ${condition}
      order by ${sql(query.sort.field)} ${direction}, id ${direction} limit ${query.limit} offset ${query.offset}`;
    if (rows.length) await audit(sql, { staff_id: c.get('auth').staff_id, action: 'read_personal_data', resource: 'relatives', record_id: f.member_id?.length === 1 ? `member:${f.member_id[0]}` : null, ip: c.get('ip') });
    c.header('Content-Range', contentRange('relatives', query.offset, rows.length, await pageTotal(sql, query, rows.length, sql`relatives`, condition)));
    return c.json(rows as never, 200);
  });

  app.openapi(show, async (c) => {
    const { id } = c.req.valid('param');
    const [row] = await sql`select ${columns(sql)} from relatives where id = ${id}`;
    if (!row) throw notFound('Proche introuvable.');
    await audit(sql, { staff_id: c.get('auth').staff_id, action: 'read_personal_data', resource: 'relatives', record_id: id, ip: c.get('ip') });
    return c.json(row as never, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const { staff_id } = c.get('auth');
    const contacts = checkContacts(input, input.channels);
    const row = await sql.begin(async (tx) => {
      const [member] = await tx<{ kind: string; status: string }[]>`select kind, status from members where id = ${input.member_id} for update`;
      if (!member) throw badRequest({ member_id: 'Membre inconnu.' });
      if (member.kind !== 'senior') throw conflict('Seule l’inscription d’un senior comporte des proches.');
      if (member.status === 'erased') throw conflict('Ce membre a été effacé.');
      const [{ n }] = (await tx`select count(*)::int as n from relatives where member_id = ${input.member_id} and erased_at is null`) as unknown as [{ n: number }];
      if (n >= 5) throw conflict('5 proches au plus par senior.');
      const [inserted] = await tx<{ id: number }[]>`
        insert into relatives (member_id, full_name, relation, email, phone, channels)
        values (${input.member_id}, ${input.full_name}, ${input.relation}, ${contacts.email}, ${contacts.phone}, ${input.channels}::text[])
        returning id`;
      await queueRelativeConfirmation(tx, env.PUBLIC_URL, { id: inserted!.id, member_id: input.member_id, ...contacts });
      await tx`insert into member_events (member_id, staff_id, action, note) values (${input.member_id}, ${staff_id}, 'update', 'Proche ajouté')`;
      await audit(tx, { staff_id, action: 'create', resource: 'relatives', record_id: inserted!.id, ip: c.get('ip') });
      const [row] = await tx`select ${columns(tx)} from relatives where id = ${inserted!.id}`;
      return row;
    });
    return c.json(row as never, 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { staff_id } = c.get('auth');
    const row = await sql.begin(async (tx) => {
      const [current] = await tx<{ member_id: number; email: string | null; phone: string | null; channels: string[]; erased_at: Date | null }[]>`
        select member_id, email, phone, channels, erased_at from relatives where id = ${id} for update`;
      if (!current) throw notFound('Proche introuvable.');
      if (current.erased_at) throw conflict('Ce proche a été effacé.');
      const channels = input.channels ?? current.channels;
      const contacts = checkContacts({ email: input.email === undefined ? current.email : input.email, phone: input.phone === undefined ? current.phone : input.phone }, channels);
      const changed = contacts.email !== current.email || contacts.phone !== current.phone;
      await tx`
        update relatives set full_name = coalesce(${input.full_name ?? null}, full_name), relation = coalesce(${input.relation ?? null}, relation),
          email = ${contacts.email}, phone = ${contacts.phone}, channels = ${channels}::text[],
          confirmed_at = case when ${changed} then null else confirmed_at end, updated_at = now()
        where id = ${id}`;
      // New contacts are confirmed by their owner, as at registration.
      if (changed) await queueRelativeConfirmation(tx, env.PUBLIC_URL, { id, member_id: current.member_id, ...contacts });
      await tx`insert into member_events (member_id, staff_id, action, note) values (${current.member_id}, ${staff_id}, 'update', 'Proche modifié')`;
      await audit(tx, { staff_id, action: 'update', resource: 'relatives', record_id: id, ip: c.get('ip') });
      const [row] = await tx`select ${columns(tx)} from relatives where id = ${id}`;
      return row;
    });
    return c.json(row as never, 200);
  });

  return app;
}
