import { createHash } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../context.ts';
import { ApiError, badRequest, type FieldErrors } from '../../errors.ts';
import { ErrorSchema, jsonContent } from '../../rest/openapi.ts';
import { detectFlags } from '../posts/flags.ts';
import { POST_KINDS, POST_STATUSES } from '../posts/queries.ts';
import { checkSignature, findCallingPartner } from './authenticate.ts';
import { readLimitedBody, refuseDeclaredOversize } from './body.ts';
import { INTAKE_MAX_BYTES } from './schemas.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER } from './signature.ts';

const CONTROL_BUT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = (max: number, lines = false) =>
  z
    .string({ error: 'Texte requis.' })
    .trim()
    .min(1, 'Requis.')
    .max(max, `${max} caractères au plus.`)
    .refine((s) => !(lines ? CONTROL_BUT_NEWLINE_TAB : /[\u0000-\u001f\u007f-\u009f]/).test(s) && !LONE_SURROGATE.test(s), 'Caractères de contrôle ou invalides interdits.');
const externalId = text(200);

export const IntakePostSchema = z
  .object({
    external_id: externalId,
    kind: z.enum(POST_KINDS, { error: `Type inconnu (${POST_KINDS.join(', ')}).` }),
    title: text(200),
    body: text(4000, true),
    author: z.object({ member_external_id: externalId }, { error: 'Objet { member_external_id } requis.' }).strict(),
  })
  .strict()
  .openapi('IntakePost', {
    example: { external_id: 'annonce-8812', kind: 'carpooling', title: 'Trajet vers Antony le matin', body: 'Je pars à 8 h, deux places.', author: { member_external_id: 'membre-8841' } },
  });

export const IntakePostReportSchema = z
  .object({ reporter_member_external_id: externalId, reason: text(1000, true) })
  .strict()
  .openapi('IntakePostReport', { example: { reporter_member_external_id: 'membre-9120', reason: 'Annonce commerciale déguisée.' } });

/** A JSON body checked against a schema: per-field French messages, unknown keys named. */
function parseBody<T extends z.ZodType>(schema: T, raw: Uint8Array): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw badRequest({ _root: 'JSON invalide (UTF-8 attendu).' }, "Le corps n'est pas un JSON valide.");
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const prefix = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys.slice(0, 20)) errors[(prefix ? `${prefix}.${key}` : key).slice(0, 200)] ??= 'Champ inconnu.';
    else errors[prefix || '_root'] ??= issue.input === undefined && issue.code === 'invalid_type' ? 'Requis.' : issue.message;
  }
  throw badRequest(errors);
}

const postHash = (input: z.infer<typeof IntakePostSchema>) =>
  createHash('sha256').update(JSON.stringify([input.external_id, input.kind, input.title, input.body, input.author.member_external_id])).digest();

const PostAnswerSchema = z.object({ id: z.number().int(), status: z.enum(POST_STATUSES), flags: z.array(z.string()) }).openapi('IntakePostAnswer');
const signedHeaders = z.object({ [PARTNER_HEADER.toLowerCase()]: z.string(), [SIGNATURE_HEADER.toLowerCase()]: z.string() });
const partnerErrors = {
  400: jsonContent(ErrorSchema, 'Malformed JSON or invalid fields'),
  401: jsonContent(ErrorSchema, 'Unknown or disabled partner, bad signature'),
  413: jsonContent(ErrorSchema, 'Body over 64 KiB'),
  422: jsonContent(ErrorSchema, 'Refused: unknown or suspended author, or this external_id with another content'),
  429: jsonContent(ErrorSchema, "Over the partner's rate"),
};
const postDoc = createRoute({
  method: 'post', path: '/posts', tags: ['intake'], summary: "A member's post (small ad, carpooling, help), signed like /api/intake/reports",
  description: 'Idempotent on (partner, external_id): the same body again answers 200, another body 422. Every post waits for moderation; the outcome comes back as post.approved, post.hidden or post.deleted events.',
  request: { headers: signedHeaders, body: { content: { 'application/json': { schema: IntakePostSchema } }, required: true } },
  responses: { 201: jsonContent(PostAnswerSchema, 'Received'), 200: jsonContent(PostAnswerSchema, 'Already received with this very body'), ...partnerErrors },
});
const reportDoc = createRoute({
  method: 'post', path: '/posts/{external_id}/reports', tags: ['intake'], summary: "Another member reports a post as abusive (signed)",
  request: { headers: signedHeaders, params: z.object({ external_id: z.string() }), body: { content: { 'application/json': { schema: IntakePostReportSchema } }, required: true } },
  responses: {
    201: jsonContent(z.object({ id: z.number().int(), post_id: z.number().int() }), 'Recorded'),
    200: jsonContent(z.object({ id: z.number().int(), post_id: z.number().int() }), 'This member had already reported this post'),
    404: jsonContent(ErrorSchema, 'No post with this external_id from this partner'),
    ...partnerErrors,
  },
});

/** Signature, size and rate: the same gate as the reports' intake, before anything reads the JSON. */
async function signedBody(deps: Deps, c: Context<AppEnv>) {
  const signature = c.req.header(SIGNATURE_HEADER);
  refuseDeclaredOversize(c.req.raw, INTAKE_MAX_BYTES);
  const partner = await findCallingPartner(deps, c.req.header(PARTNER_HEADER), signature);
  const body = await readLimitedBody(c.req.raw, INTAKE_MAX_BYTES, (c.env as Partial<HttpBindings> | undefined)?.incoming);
  checkSignature(partner, signature!, body);
  const wait = deps.partnerRates.take(partner.id, partner.rate_per_minute);
  if (wait > 0) throw new ApiError(429, `Trop de requêtes pour ce partenaire : réessayez dans ${wait} s.`, undefined, { 'Retry-After': String(wait) });
  return { partner, body };
}

const MEMBER_REFUSALS: Record<string, string> = {
  pending_confirmation: "Ce membre n'a pas encore confirmé son inscription.",
  pending_review: "L'inscription de ce membre n'est pas encore validée par la mairie.",
  rejected: "L'inscription de ce membre a été refusée.",
  suspended: 'Ce membre est suspendu : il ne peut pas publier.',
  banned: 'Ce membre est exclu du réseau.',
  erased: "Ce membre n'existe plus.",
};

export function registerIntakePostRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const { sql } = deps;
  app.openAPIRegistry.registerPath(postDoc);
  app.openAPIRegistry.registerPath(reportDoc);

  app.post('/posts', async (c) => {
    const { partner, body } = await signedBody(deps, c);
    const input = parseBody(IntakePostSchema, body);
    const hash = postHash(input);
    const [member] = await sql<{ id: number; status: string }[]>`
      select id, status from members where partner_id = ${partner.id} and external_id = ${input.author.member_external_id}`;
    if (!member) throw new ApiError(422, 'Auteur inconnu : ce membre n’est pas inscrit dans Vigie.', { 'author.member_external_id': 'Membre inconnu.' });
    if (member.status !== 'approved') throw new ApiError(422, MEMBER_REFUSALS[member.status] ?? 'Ce membre ne peut pas publier.', { 'author.member_external_id': 'Membre non autorisé à publier.' });

    const words = (await sql<{ word: string }[]>`select word from banned_words`).map((r) => r.word);
    const [inserted] = await sql<{ id: number; status: string; flags: string[] }[]>`
      insert into posts (partner_id, external_id, member_id, kind, title, body, flags, intake_hash)
      select ${partner.id}, ${input.external_id}, ${member.id}, ${input.kind}, ${input.title}, ${input.body},
        ${detectFlags(`${input.title}\n${input.body}`, words, false)}::text[]
          || case when exists (select 1 from posts where member_id = ${member.id}) then '{}'::text[] else '{first_post}'::text[] end,
        ${hash}
      on conflict (partner_id, external_id) do nothing
      returning id, status, flags`;
    if (inserted) return c.json(inserted, 201);
    const [existing] = await sql<{ id: number; status: string; flags: string[]; intake_hash: Buffer }[]>`
      select id, status, flags, intake_hash from posts where partner_id = ${partner.id} and external_id = ${input.external_id}`;
    if (!existing!.intake_hash.equals(hash)) {
      throw new ApiError(422, 'Cet external_id a déjà été reçu avec un contenu différent.', { external_id: 'Déjà reçu avec un autre contenu.' });
    }
    return c.json({ id: existing!.id, status: existing!.status, flags: existing!.flags }, 200);
  });

  app.post('/posts/:external_id/reports', async (c) => {
    const { partner, body } = await signedBody(deps, c);
    const input = parseBody(IntakePostReportSchema, body);
    const externalIdParam = c.req.param('external_id');
    const [post] = externalIdParam.length <= 200 ? await sql<{ id: number }[]>`select id from posts where partner_id = ${partner.id} and external_id = ${externalIdParam}` : [];
    if (!post) throw new ApiError(404, 'Publication inconnue pour ce partenaire.');
    const [reporter] = await sql<{ status: string }[]>`
      select status from members where partner_id = ${partner.id} and external_id = ${input.reporter_member_external_id}`;
    if (!reporter || ['banned', 'erased'].includes(reporter.status)) {
      throw new ApiError(422, 'Signalement refusé : membre inconnu ou exclu.', { reporter_member_external_id: 'Membre inconnu ou exclu.' });
    }
    const [created] = await sql<{ id: number }[]>`
      insert into post_reports (post_id, reporter_external_id, reason) values (${post.id}, ${input.reporter_member_external_id}, ${input.reason})
      on conflict (post_id, reporter_external_id) do nothing returning id`;
    if (created) return c.json({ id: created.id, post_id: post.id }, 201);
    const [again] = await sql<{ id: number }[]>`select id from post_reports where post_id = ${post.id} and reporter_external_id = ${input.reporter_member_external_id}`;
    return c.json({ id: again!.id, post_id: post.id }, 200);
  });
}
