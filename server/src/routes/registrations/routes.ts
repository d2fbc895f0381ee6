import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { canMemberTransition, type MemberStatus } from '@vigie/shared';
import { reserveAttempt } from '../../auth/throttle.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { ApiError, badRequest, type FieldErrors, validationHook } from '../../errors.ts';
import { geocodeAddress, placeOrigin } from '../../geocoding/index.ts';
import { hashToken, queueMemberConfirmation, queueRelativeConfirmation } from '../../members/confirmation.ts';
import { checkRegistration, insertMember } from '../../members/registration.ts';
import { ErrorSchema, jsonContent } from '../../rest/openapi.ts';
import { AcceptedSchema, ConfirmationSchema, ConfirmedSchema, PublicRegistrationSchema } from './schemas.ts';

/** Registrations per IP and hour: a family or a kiosk fits, a script does not. */
export const REGISTRATION_RATE = { limit: 10, windowSeconds: 60 * 60 };
// The sign-in throttle's table and functions, with a rule of our own (their type names theirs only).
const rateRules = (ip: string | null) => [{ key: `registration-ip:${ip ?? '?'}`, ...REGISTRATION_RATE }] as unknown as Parameters<typeof reserveAttempt>[1];

// The same answer whether or not the address is known, the honeypot was filled, or the e-mail bounces.
const ACCEPTED = { message: 'Merci ! Un e-mail de confirmation vient de vous être envoyé : ouvrez le lien qu’il contient pour terminer votre inscription.' };

const register = createRoute({
  method: 'post', path: '/registrations', tags: ['public'],
  summary: "A resident joins the network from the public page (no session; double opt-in by e-mail)",
  description: `At most ${REGISTRATION_RATE.limit} submissions per IP and hour. The answer never tells whether the e-mail is already known.`,
  request: { body: { content: { 'application/json': { schema: PublicRegistrationSchema } }, required: true } },
  responses: {
    202: jsonContent(AcceptedSchema, 'Received: a confirmation link was e-mailed'),
    400: jsonContent(ErrorSchema, 'Invalid fields: `errors` maps each field (`relatives.2.phone`) to its French message'),
    429: jsonContent(ErrorSchema, 'Too many submissions from this address: retry after `Retry-After` seconds'),
  },
});

const confirm = createRoute({
  method: 'post', path: '/confirmations', tags: ['public'],
  summary: 'The « Confirmer » button of the link e-mailed (a GET on the link confirms nothing)',
  request: { body: { content: { 'application/json': { schema: ConfirmationSchema } }, required: true } },
  responses: {
    200: jsonContent(ConfirmedSchema, 'Confirmed'),
    400: jsonContent(ErrorSchema, 'Unknown token'),
    410: jsonContent(ErrorSchema, 'Token expired or already used'),
  },
});

/** Zod issues as French messages keyed by field path (unknown keys named). */
function issuesToErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const prefix = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, 20)) errors[(prefix ? `${prefix}.${key}` : key).slice(0, 200)] ??= 'Champ inconnu.';
    } else {
      errors[prefix || '_root'] ??= issue.code === 'invalid_type' && issue.input === undefined ? 'Requis.' : issue.message;
    }
  }
  return errors;
}

export function registrationRoutes(deps: Deps) {
  const { sql, env } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Documented from the schema, validated by hand: the rate and the honeypot come before any validation.
  app.openAPIRegistry.registerPath(register);

  app.post('/registrations', async (c) => {
    const rules = rateRules(c.get('ip'));
    // Every submission counts, valid or not; the count is taken atomically (parallel posts cannot pass it).
    const reservation = await reserveAttempt(sql, rules);
    if (!reservation.ok) {
      const wait = reservation.retryAfter;
      throw new ApiError(429, `Trop d’inscriptions depuis cette adresse : réessayez dans ${Math.ceil(wait / 60)} min.`, undefined, { 'Retry-After': String(wait) });
    }

    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      throw badRequest({ _root: 'JSON invalide.' }, "Le corps n'est pas un JSON valide.");
    }
    if (json && typeof json === 'object' && 'website' in json && (json as { website: unknown }).website) return c.json(ACCEPTED, 202);
    const parsed = PublicRegistrationSchema.safeParse(json);
    if (!parsed.success) throw badRequest(issuesToErrors(parsed.error));
    const input = parsed.data;
    const checked = checkRegistration(input, { requireEmail: true });
    if ('errors' in checked) throw badRequest(checked.errors);

    // Geocoded on arrival, outside the transaction (the BAN may take its timeout): the registration
    // lands in its sector and the queue shows whether it is in the commune. No match: no point, staff place it.
    const place = await geocodeAddress(deps, checked.data.address);
    await sql.begin(async (tx) => {
      const inserted = (await insertMember(tx, checked.data, {
        source: 'public',
        status: 'pending_confirmation',
        consent_version: input.consent.version,
        ...placeOrigin(place),
      }))!;
      await queueMemberConfirmation(tx, env.PUBLIC_URL, { id: inserted.id, email: checked.data.email! });
    });
    return c.json(ACCEPTED, 202);
  });

  app.openapi(confirm, async (c) => {
    const { token } = c.req.valid('json');
    const result = await sql.begin(async (tx) => {
      const [row] = await tx<{ purpose: 'member_email' | 'relative_contact'; member_id: number; relative_id: number | null; expired: boolean; used_at: Date | null }[]>`
        select purpose, member_id, relative_id, expires_at <= now() as expired, used_at
        from confirmation_tokens where token_hash = ${hashToken(token)} for update`;
      if (!row) throw badRequest({ token: 'Lien de confirmation inconnu.' }, 'Ce lien de confirmation n’est pas valide : vérifiez qu’il a été copié en entier.');
      if (row.used_at) throw new ApiError(410, 'Ce lien a déjà été utilisé : votre confirmation est enregistrée.');
      if (row.expired) throw new ApiError(410, 'Ce lien a expiré. Inscrivez-vous de nouveau, ou contactez l’accueil de la mairie.');
      await tx`update confirmation_tokens set used_at = now() where token_hash = ${hashToken(token)}`;
      const [member] = await tx<{ status: MemberStatus }[]>`select status from members where id = ${row.member_id} for update`;
      if (row.purpose === 'relative_contact') {
        await tx`update relatives set confirmed_at = now(), updated_at = now() where id = ${row.relative_id} and erased_at is null`;
        await tx`insert into member_events (member_id, action, note) values (${row.member_id}, 'relative_confirmed', null)`;
        return { purpose: row.purpose, message: 'Merci ! Vos coordonnées sont confirmées : vous recevrez les alertes.' };
      }
      if (!member || !canMemberTransition('confirm', member.status)) throw new ApiError(410, 'Cette inscription n’attend plus de confirmation.');
      await tx`update members set status = 'pending_review', confirmed_at = now(), updated_at = now() where id = ${row.member_id}`;
      await tx`insert into member_events (member_id, action, from_status, to_status) values (${row.member_id}, 'confirmed', ${member.status}, 'pending_review')`;
      // A senior's relatives are asked to confirm their own contacts once the registration is real.
      const relatives = await tx<{ id: number; email: string | null; phone: string | null }[]>`
        select id, email, phone from relatives where member_id = ${row.member_id} and confirmed_at is null and erased_at is null`;
      for (const relative of relatives) await queueRelativeConfirmation(tx, env.PUBLIC_URL, { ...relative, member_id: row.member_id });
      return { purpose: row.purpose, message: 'Merci ! Votre inscription est confirmée : la mairie va l’examiner.' };
    });
    return c.json(result, 200);
  });

  return app;
}
