import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { HttpBindings } from '@hono/node-server';
import { outerRing, toPgPolygon } from '@vigie/db';
import type { AppEnv, Deps } from '../../context.ts';
import { ApiError, badRequest, validationHook } from '../../errors.ts';
import { announceLiveEvent } from '../../live/events.ts';
import { ErrorSchema, jsonContent } from '../../rest/openapi.ts';
import { warnIfDevelopmentKey } from '../partners/secrets.ts';
import { checkSignature, findCallingPartner } from './authenticate.ts';
import { registerPartnerEventRoutes } from './events.ts';
import { registerIntakeMemberRoute } from './members.ts';
import { readLimitedBody, refuseDeclaredOversize } from './body.ts';
import { registerIntakePostRoutes } from './posts.ts';
import { existingIntakeReport, intakeHash } from './queries.ts';
import { createSeenSignatures } from './replays.ts';
import { createIntakeWriter } from './writer.ts';
import { INTAKE_MAX_BYTES, IntakeAnswerSchema, IntakeReportSchema, validateIntake, type IntakeReport } from './schemas.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from './signature.ts';

const post = createRoute({
  method: 'post', path: '/reports', tags: ['intake'],
  summary: 'A partner app posts a resident’s alert (signed with HMAC-SHA256, Stripe’s webhook scheme)',
  description:
    `Sign the exact bytes sent: \`${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">\`, keyed with the partner's secret. ` +
    `A \`t\` more than ${SIGNATURE_TOLERANCE_SECONDS} s away from the server's clock is refused. One report per (partner, external_id): ` +
    'posting the same body again answers 200 with the same id; the same external_id with another body answers 422. See the README for signing snippets.',
  request: {
    headers: z.object({
      [PARTNER_HEADER.toLowerCase()]: z.string().openapi({ example: 'vvs-demo', description: 'The partner id' }),
      [SIGNATURE_HEADER.toLowerCase()]: z.string().openapi({ example: 't=1764276063,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd' }),
    }),
    body: { content: { 'application/json': { schema: IntakeReportSchema } }, required: true },
  },
  responses: {
    201: jsonContent(IntakeAnswerSchema, 'Received: a new report'),
    200: jsonContent(IntakeAnswerSchema, 'Already received with this very body: the same report'),
    400: jsonContent(ErrorSchema, 'Malformed JSON or invalid fields: `errors` maps each field to its message'),
    401: jsonContent(ErrorSchema, 'Unknown or disabled partner, missing or bad signature, or a timestamp out of tolerance'),
    413: jsonContent(ErrorSchema, `Body over ${INTAKE_MAX_BYTES / 1024} KiB`),
    422: jsonContent(ErrorSchema, 'This external_id was already received with a different body'),
    429: jsonContent(ErrorSchema, "Over the partner's rate: retry after `Retry-After` seconds"),
  },
});

/** UTF-8 JSON, then the schema: an ApiError carrying per-field messages rather than a throw. */
function parseIntake(body: Uint8Array): { data: IntakeReport } | { error: ApiError } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { error: badRequest({ _root: 'JSON invalide (UTF-8 attendu).' }, "Le corps n'est pas un JSON valide.") };
  }
  const validated = validateIntake(json);
  return 'errors' in validated ? { error: badRequest(validated.errors) } : validated;
}

/**
 * `POST /api/intake/reports`: authenticated by signature, not by session (mounted before the
 * cookie check). The route is documented from the schema but validated by hand, because the
 * signature covers the raw bytes and must be checked before anything reads them as JSON.
 */
export function intakeRoutes(deps: Deps) {
  const { sql, env, logger } = deps;
  const writer = createIntakeWriter(sql, toPgPolygon(outerRing(deps.commune.boundary)));
  const seen = createSeenSignatures();
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerPath(post);
  warnIfDevelopmentKey(env, logger);

  app.post('/reports', async (c) => {
    const partnerId = c.req.header(PARTNER_HEADER);
    const signature = c.req.header(SIGNATURE_HEADER);
    refuseDeclaredOversize(c.req.raw, INTAKE_MAX_BYTES); // before any database work
    const partner = await findCallingPartner(deps, partnerId, signature);
    const body = await readLimitedBody(c.req.raw, INTAKE_MAX_BYTES, (c.env as Partial<HttpBindings> | undefined)?.incoming);
    checkSignature(partner, signature!, body);

    // A signed request counts, whatever its content, once: its replays do not drain the quota.
    const wait = seen.firstSeen(partner.id, signature!, body) ? deps.partnerRates.take(partner.id, partner.rate_per_minute) : 0;
    if (wait > 0) {
      throw new ApiError(429, `Trop de signalements pour ce partenaire : réessayez dans ${wait} s.`, undefined, { 'Retry-After': String(wait) });
    }
    const parsed = parseIntake(body);
    if ('error' in parsed) throw parsed.error;
    const input = parsed.data;
    const hash = intakeHash(input);

    const inserted = await writer.write({ input, partnerId: partner.id, partnerName: partner.name, hash, receivedAt: new Date() });
    if (inserted) {
      const { report, event } = inserted;
      announceLiveEvent(deps, event.position); // the partner does not wait for the fan-out
      return c.json({ id: report.id, status: report.status, received_at: report.received_at }, 201);
    }
    // A retry, or lost the race to a concurrent duplicate (whose commit the insert waited for).
    const existing = (await existingIntakeReport(sql, partner.id, input.external_id))!;
    if (!existing.intake_hash?.equals(hash)) {
      throw new ApiError(422, 'Cet external_id a déjà été reçu avec un contenu différent.', {
        external_id: 'Déjà reçu avec un autre contenu : un nouveau signalement demande un nouvel external_id.',
      });
    }
    return c.json({ id: existing.id, status: existing.status, received_at: existing.received_at.toISOString() }, 200);
  });

  registerIntakeMemberRoute(app, deps);
  registerPartnerEventRoutes(app, deps);
  registerIntakePostRoutes(app, deps);
  return app;
}
