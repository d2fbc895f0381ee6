import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { outerRing, toPgPolygon } from '@vigie/db';
import { audit } from '../../audit/audit.ts';
import { geocodeAddress, placeOrigin } from '../../geocoding/index.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { badRequest, conflict, notFound, validationHook } from '../../errors.ts';
import { queueRelativeConfirmation } from '../../members/confirmation.ts';
import { getMember, listMembers, MEMBER_SORTS } from '../../members/queries.ts';
import { checkRegistration } from '../../members/registration.ts';
import { insertMember } from '../../members/registration.ts';
import { normalizeEmail, normalizePhone } from '../../members/contacts.ts';
import { contentRange, parseListQuery } from '../../rest/listQuery.ts';
import { ErrorSchema, errorResponses, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';
import { locate } from '../reports/queries.ts';
import { registerMemberActionRoutes } from './actions.ts';
import { MemberCreateSchema, MemberDetailSchema, MemberFilterSchema, MemberSchema, MemberUpdateSchema } from './schemas.ts';

const tags = ['members'];

const list = createRoute({
  method: 'get', path: '/', tags,
  summary: 'List members (react-admin simple-rest); unconfirmed registrations only when filtered by that status',
  middleware: [requireAccess('members', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(MemberSchema), 'A page of members'), headers: listHeaders }, ...errorResponses },
});

const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One member (audited read of personal data)',
  middleware: [requireAccess('members', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(MemberDetailSchema, 'The member'), 404: jsonContent(ErrorSchema, 'No such member'), ...errorResponses },
});

const create = createRoute({
  method: 'post', path: '/', tags,
  summary: 'Register someone at the town-hall desk (no e-mail confirmation; goes to the review queue)',
  middleware: [requireAccess('members', 'create')] as const,
  request: { body: { content: { 'application/json': { schema: MemberCreateSchema } }, required: true } },
  responses: { 201: jsonContent(MemberDetailSchema, 'Registered, status pending_review'), ...errorResponses },
});

const update = createRoute({
  method: 'put', path: '/{id}', tags, summary: "Correct a member's contacts, address, point or channels",
  middleware: [requireAccess('members', 'edit')] as const,
  request: { params: IdParamSchema, body: { content: { 'application/json': { schema: MemberUpdateSchema } }, required: true } },
  responses: {
    200: jsonContent(MemberDetailSchema, 'Updated'),
    404: jsonContent(ErrorSchema, 'No such member'),
    409: jsonContent(ErrorSchema, 'An erased member cannot be edited'),
    ...errorResponses,
  },
});

export function memberRoutes(deps: Deps) {
  const { sql, env } = deps;
  const boundary = toPgPolygon(outerRing(deps.commune.boundary));
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Before `/{id}`: the bulk approve and the per-member actions.
  registerMemberActionRoutes(app, deps);

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: MEMBER_SORTS, defaultSort: ['created_at', 'DESC'], filter: MemberFilterSchema });
    const { rows, total } = await listMembers(sql, query);
    c.header('Content-Range', contentRange('members', query.offset, rows.length, total));
    return c.json(rows as never, 200);
  });

  app.openapi(show, async (c) => {
    const { id } = c.req.valid('param');
    const member = await getMember(sql, id);
    if (!member) throw notFound('Membre introuvable.');
    await audit(sql, { staff_id: c.get('auth').staff_id, action: 'read_personal_data', resource: 'members', record_id: id, ip: c.get('ip') });
    return c.json(member as never, 200);
  });

  // Desk registrations go to the review queue like any other: the queue's checks (duplicates, address
  // outside the commune) run on every registration, and the decision e-mail leaves from one place.
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const { staff_id } = c.get('auth');
    if ((input.lat == null) !== (input.lng == null)) throw badRequest({ lat: 'Latitude et longitude vont ensemble.' });
    const checked = checkRegistration(input, { requireEmail: false });
    if ('errors' in checked) throw badRequest(checked.errors);
    // A point the clerk placed wins; otherwise the address is geocoded (outside the transaction).
    const geocoded = input.lat == null ? await geocodeAddress(deps, checked.data.address) : null;
    const id = await sql.begin(async (tx) => {
      const place = input.lat != null && input.lng != null ? await locate(tx, boundary, input.lat, input.lng) : null;
      const inserted = (await insertMember(tx, checked.data, {
        source: 'desk',
        status: 'pending_review',
        staff_id,
        confirmed: true,
        consent_version: input.consent.version,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        neighbourhood_id: place?.neighbourhood_id ?? null,
        out_of_area: place?.out_of_area ?? false,
        ...placeOrigin(geocoded),
        note: input.note ?? null,
      }))!;
      for (const relative of inserted.relatives) await queueRelativeConfirmation(tx, env.PUBLIC_URL, { ...relative, member_id: inserted.id });
      await audit(tx, { staff_id, action: 'create', resource: 'members', record_id: inserted.id, ip: c.get('ip') });
      return inserted.id;
    });
    return c.json((await getMember(sql, id)) as never, 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { staff_id } = c.get('auth');
    await sql.begin(async (tx) => {
      const [current] = await tx<{ status: string; email: string | null; phone: string | null; channels: string[]; lat: number | null; lng: number | null }[]>`
        select status, email, phone, channels, lat, lng from members where id = ${id} for update`;
      if (!current) throw notFound('Membre introuvable.');
      if (current.status === 'erased') throw conflict('Un membre effacé ne se modifie plus.');
      const errors: Record<string, string> = {};
      let email = current.email;
      let phone = current.phone;
      let mobile = true;
      if (input.email !== undefined) {
        const checked = input.email ? normalizeEmail(input.email) : null;
        if (checked && !checked.ok) errors.email = checked.message;
        email = checked?.ok ? checked.email : null;
      }
      if (input.phone !== undefined) {
        const checked = input.phone ? normalizePhone(input.phone) : null;
        if (checked && !checked.ok) errors.phone = checked.message;
        phone = checked?.ok ? checked.e164 : null;
        mobile = checked?.ok ? checked.mobile : false;
      } else if (phone) {
        mobile = (normalizePhone(phone) as { mobile?: boolean }).mobile ?? false;
      }
      const channels = input.channels ?? current.channels;
      if (channels.includes('email') && !email) errors.email ??= 'Une adresse e-mail est requise pour recevoir les alertes par e-mail.';
      if (channels.includes('sms') && (!phone || !mobile)) errors.phone ??= 'Un numéro de mobile est requis pour recevoir les alertes par SMS.';
      if ((input.lat == null) !== (input.lng == null) && (input.lat !== undefined || input.lng !== undefined)) errors.lat = 'Latitude et longitude vont ensemble.';
      if (Object.keys(errors).length) throw badRequest(errors);
      // react-admin PUTs the whole record: only a point that moved is located again (and loses its geocoder score).
      const moved = input.lat != null && input.lng != null && (input.lat !== current.lat || input.lng !== current.lng);
      const place = moved ? await locate(tx, boundary, input.lat!, input.lng!) : null;
      await tx`
        update members set
          full_name = coalesce(${input.full_name ?? null}, full_name),
          address = coalesce(${input.address ?? null}, address),
          email = ${email}, phone = ${phone}, channels = ${channels}::text[],
          lat = case when ${place !== null} then ${input.lat ?? null}::float8 else lat end,
          lng = case when ${place !== null} then ${input.lng ?? null}::float8 else lng end,
          neighbourhood_id = case when ${place !== null} then ${place?.neighbourhood_id ?? null}::int else neighbourhood_id end,
          out_of_area = case when ${place !== null} then ${place?.out_of_area ?? false} else out_of_area end,
          -- A point set by hand carries no geocoder score.
          geocode_score = case when ${place !== null} then null else geocode_score end,
          updated_at = now()
        where id = ${id}`;
      await tx`insert into member_events (member_id, staff_id, action) values (${id}, ${staff_id}, 'update')`;
      await audit(tx, { staff_id, action: 'update', resource: 'members', record_id: id, ip: c.get('ip') });
    });
    return c.json((await getMember(sql, id)) as never, 200);
  });

  return app;
}
