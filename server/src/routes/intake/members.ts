import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { HttpBindings } from '@hono/node-server';
import { outerRing, toPgPolygon } from '@vigie/db';
import { MEMBER_STATUSES } from '@vigie/shared';
import type { AppEnv, Deps } from '../../context.ts';
import { ApiError, badRequest, type FieldErrors } from '../../errors.ts';
import { queueRelativeConfirmation } from '../../members/confirmation.ts';
import { geocodeAddress, placeOrigin } from '../../geocoding/index.ts';
import { checkRegistration, insertMember, type NormalizedRegistration } from '../../members/registration.ts';
import { ConsentSchema, registrationFields } from '../../members/schemas.ts';
import { ErrorSchema, jsonContent } from '../../rest/openapi.ts';
import { locate } from '../reports/queries.ts';
import { checkSignature, findCallingPartner } from './authenticate.ts';
import { readLimitedBody, refuseDeclaredOversize } from './body.ts';
import { INTAKE_MAX_BYTES } from './schemas.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER } from './signature.ts';

export const IntakeMemberSchema = z
  .object({
    external_id: z.string({ error: 'Requis.' }).min(1, 'Requis.').max(200, '200 caractères au plus.')
      .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), 'Caractères de contrôle interdits.')
      .openapi({ description: "The resident's id on the partner platform: one member per (partner, external_id)" }),
    ...registrationFields,
    lat: z.number().min(-90, 'Latitude entre -90 et 90.').max(90, 'Latitude entre -90 et 90.').nullish(),
    lng: z.number().min(-180, 'Longitude entre -180 et 180.').max(180, 'Longitude entre -180 et 180.').nullish(),
    consent: ConsentSchema.nullish().openapi({ description: 'The consent the platform collected (text version)' }),
  })
  .strict()
  .openapi('IntakeMember', {
    example: {
      external_id: 'membre-8841',
      kind: 'self',
      full_name: 'Nadia Haddad',
      address: '12 rue de la République, 92340 Bourg-la-Reine',
      email: 'nadia.haddad@example.fr',
      phone: '+33 6 12 34 56 78',
      channels: ['sms', 'email'],
      lat: 48.7794,
      lng: 2.3162,
      consent: { version: 'vvs-2026-03', accepted: true },
    },
  });
type IntakeMember = z.infer<typeof IntakeMemberSchema>;

const AnswerSchema = z
  .object({ id: z.number().int(), status: z.enum(MEMBER_STATUSES), created_at: z.string().openapi({ format: 'date-time' }) })
  .openapi('IntakeMemberAnswer');

const post = createRoute({
  method: 'post', path: '/members', tags: ['intake'],
  summary: 'The residents’ platform registers a member (signed like /api/intake/reports); arrives for review',
  description:
    'Same signature, body cap and rate as `/api/intake/reports`. One member per (partner, external_id): the same body again answers 200 ' +
    'with the same id, another body with that external_id 422. The decision comes back as a `member.*` partner event.',
  request: {
    headers: z.object({ [PARTNER_HEADER.toLowerCase()]: z.string(), [SIGNATURE_HEADER.toLowerCase()]: z.string() }),
    body: { content: { 'application/json': { schema: IntakeMemberSchema } }, required: true },
  },
  responses: {
    201: jsonContent(AnswerSchema, 'Received: a new member, status pending_review'),
    200: jsonContent(AnswerSchema, 'Already received with this very body'),
    400: jsonContent(ErrorSchema, 'Malformed JSON or invalid fields'),
    401: jsonContent(ErrorSchema, 'Unknown or disabled partner, bad or stale signature'),
    413: jsonContent(ErrorSchema, 'Body too large'),
    422: jsonContent(ErrorSchema, 'This external_id was already received with a different body'),
    429: jsonContent(ErrorSchema, "Over the partner's rate"),
  },
});

function validate(body: Uint8Array): { data: IntakeMember } | { errors: FieldErrors } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { errors: { _root: 'JSON invalide (UTF-8 attendu).' } };
  }
  const result = IntakeMemberSchema.safeParse(json);
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const prefix = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, 20)) errors[(prefix ? `${prefix}.${key}` : key).slice(0, 200)] ??= 'Champ inconnu.';
    } else errors[prefix || '_root'] ??= issue.code === 'invalid_type' && issue.input === undefined ? 'Requis.' : issue.message;
  }
  return { errors };
}

/** The member as normalised, in a fixed shape: two bodies that say the same thing hash the same. */
export function memberIntakeHash(externalId: string, reg: NormalizedRegistration, input: IntakeMember): Buffer {
  const canonical = {
    external_id: externalId,
    kind: reg.kind,
    full_name: reg.full_name,
    address: reg.address,
    email: reg.email,
    phone: reg.phone,
    channels: [...reg.channels].sort(),
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    consent: input.consent?.version ?? null,
    registrant: reg.registrant && [reg.registrant.full_name, reg.registrant.relation, reg.registrant.email, reg.registrant.phone],
    relatives: reg.relatives.map((r) => [r.full_name, r.relation, r.email, r.phone, [...r.channels].sort()]),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest();
}

/** `POST /api/intake/members`, mounted inside the intake app (signature, not session). */
export function registerIntakeMemberRoute(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const { sql, env } = deps;
  const boundary = toPgPolygon(outerRing(deps.commune.boundary));
  app.openAPIRegistry.registerPath(post);

  app.post('/members', async (c) => {
    const signature = c.req.header(SIGNATURE_HEADER);
    refuseDeclaredOversize(c.req.raw, INTAKE_MAX_BYTES);
    const partner = await findCallingPartner(deps, c.req.header(PARTNER_HEADER), signature);
    const body = await readLimitedBody(c.req.raw, INTAKE_MAX_BYTES, (c.env as Partial<HttpBindings> | undefined)?.incoming);
    checkSignature(partner, signature!, body);
    const wait = deps.partnerRates.take(partner.id, partner.rate_per_minute);
    if (wait > 0) throw new ApiError(429, `Trop de requêtes pour ce partenaire : réessayez dans ${wait} s.`, undefined, { 'Retry-After': String(wait) });

    const validated = validate(body);
    if ('errors' in validated) throw badRequest(validated.errors);
    const input = validated.data;
    if ((input.lat == null) !== (input.lng == null)) throw badRequest({ lat: 'Latitude et longitude vont ensemble.' });
    const checked = checkRegistration(input, { requireEmail: false });
    if ('errors' in checked) throw badRequest(checked.errors);
    const hash = memberIntakeHash(input.external_id, checked.data, input);

    // The platform's point wins; otherwise the address is geocoded (outside the transaction).
    const geocoded = input.lat == null ? await geocodeAddress(deps, checked.data.address) : null;
    const created = await sql.begin(async (tx) => {
      const place = input.lat != null && input.lng != null ? await locate(tx, boundary, input.lat, input.lng) : null;
      const inserted = await insertMember(tx, checked.data, {
        source: 'partner',
        status: 'pending_review',
        confirmed: true, // the platform confirmed its resident's e-mail itself
        partner_id: partner.id,
        external_id: input.external_id,
        intake_hash: hash,
        consent_version: input.consent?.version ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        neighbourhood_id: place?.neighbourhood_id ?? null,
        out_of_area: place?.out_of_area ?? false,
        ...placeOrigin(geocoded),
        note: `Reçu de ${partner.name}`.slice(0, 2000),
      });
      if (!inserted) return null;
      for (const relative of inserted.relatives) await queueRelativeConfirmation(tx, env.PUBLIC_URL, { ...relative, member_id: inserted.id });
      return inserted.id;
    });
    const [row] = await sql<{ id: number; status: (typeof MEMBER_STATUSES)[number]; created_at: Date; intake_hash: Buffer | null }[]>`
      select id, status, created_at, intake_hash from members where partner_id = ${partner.id} and external_id = ${input.external_id}`;
    if (created !== null) return c.json({ id: row!.id, status: row!.status, created_at: row!.created_at.toISOString() }, 201);
    if (!row!.intake_hash?.equals(hash)) {
      throw new ApiError(422, 'Cet external_id a déjà été reçu avec un contenu différent.', {
        external_id: 'Déjà reçu avec un autre contenu : modifiez ce membre à la mairie, ou envoyez un nouvel external_id.',
      });
    }
    return c.json({ id: row!.id, status: row!.status, created_at: row!.created_at.toISOString() }, 200);
  });
}
