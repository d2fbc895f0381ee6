import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { conflict, notFound, validationHook } from '../../errors.ts';
import { dateBound, dateCondition } from '../../rest/dates.ts';
import { contentRange, idList, oneOrMany, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';
import { POST_FLAGS } from './flags.ts';
import { getPost, POST_KINDS, POST_STATUSES, postColumns, postFrom, queuePostEvent, type Post, type PostStatus } from './queries.ts';

const PostSchema = z
  .object({
    id: z.number().int(),
    partner_id: z.string(),
    external_id: z.string(),
    member_id: z.number().int(),
    member_name: z.string().nullable(),
    kind: z.enum(POST_KINDS),
    title: z.string(),
    body: z.string(),
    status: z.enum(POST_STATUSES),
    flags: z.array(z.enum(POST_FLAGS)),
    hidden_reason: z.string().nullable(),
    report_count: z.number().int(),
    created_at: z.string().openapi({ format: 'date-time' }),
    decided_at: z.string().nullable().openapi({ format: 'date-time' }),
    decided_by_name: z.string().nullable(),
  })
  .openapi('Post');

const PostShowSchema = PostSchema.extend({
  reports: z.array(z.object({ id: z.number().int(), reporter_external_id: z.string(), reason: z.string(), created_at: z.string() })),
}).openapi('PostWithReports');

const FilterSchema = z
  .object({
    id: idList.optional(),
    status: oneOrMany(z.enum(POST_STATUSES, { error: 'Statut inconnu.' })).optional(),
    kind: oneOrMany(z.enum(POST_KINDS, { error: 'Type inconnu.' })).optional(),
    flagged: z.boolean({ error: 'Booléen attendu.' }).optional(),
    flag: oneOrMany(z.enum(POST_FLAGS, { error: 'Signal inconnu.' })).optional(),
    reported: z.boolean({ error: 'Booléen attendu.' }).optional(),
    member_id: idList.optional(),
    created_at_gte: dateBound().optional(),
    created_at_lte: dateBound().optional(),
    q: z.string().max(100, '100 caractères au plus.').optional(),
  })
  .strict();

const HideSchema = z.object({ reason: z.string({ error: 'Motif requis.' }).trim().min(1, 'Motif requis.').max(500, '500 caractères au plus.') }).strict();

const tags = ['posts'];
const list = createRoute({
  method: 'get', path: '/', tags, summary: "Members' posts, for moderation", middleware: [requireAccess('posts', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(PostSchema), 'Posts'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One post, with its abuse reports', middleware: [requireAccess('posts', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(PostShowSchema, 'Post'), 404: jsonContent(ErrorSchema, 'No such post'), ...errorResponses },
});
const decisionResponses = {
  200: jsonContent(PostSchema, 'The post after the decision'),
  404: jsonContent(ErrorSchema, 'No such post'),
  409: jsonContent(ErrorSchema, 'Not possible from the current status'),
  ...errorResponses,
};
const approve = createRoute({
  method: 'post', path: '/{id}/approve', tags, summary: 'Publish a post (the partner is told: post.approved)', middleware: [requireAccess('posts', 'edit')] as const,
  request: { params: IdParamSchema },
  responses: decisionResponses,
});
const hide = createRoute({
  method: 'post', path: '/{id}/hide', tags, summary: 'Hide a post with a reason (post.hidden)', middleware: [requireAccess('posts', 'edit')] as const,
  request: { params: IdParamSchema, body: { content: { 'application/json': { schema: HideSchema } }, required: true } },
  responses: decisionResponses,
});
const remove = createRoute({
  method: 'delete', path: '/{id}', tags, summary: 'Delete a post (kept, status deleted; post.deleted)', middleware: [requireAccess('posts', 'delete')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(PostSchema, 'The deleted post'), 404: jsonContent(ErrorSchema, 'No such post'), 409: jsonContent(ErrorSchema, 'Already deleted'), ...errorResponses },
});

/** From which statuses each decision may be taken; anything else answers 409. */
const POST_TRANSITIONS = {
  approve: { from: ['pending', 'hidden'], to: 'approved', event: 'post.approved' },
  hide: { from: ['pending', 'approved'], to: 'hidden', event: 'post.hidden' },
  delete: { from: ['pending', 'approved', 'hidden'], to: 'deleted', event: 'post.deleted' },
} as const satisfies Record<string, { from: readonly PostStatus[]; to: PostStatus; event: string }>;

const STATUS_LABELS: Record<PostStatus, string> = { pending: 'en attente', approved: 'publiée', hidden: 'masquée', deleted: 'supprimée' };

export function postRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['created_at', 'id', 'status', 'kind'], defaultSort: ['created_at', 'DESC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [
      f.id && sql`p.id = any(${f.id}::int[])`,
      f.status && sql`p.status = any(${f.status}::text[])`,
      f.kind && sql`p.kind = any(${f.kind}::text[])`,
      f.flagged === true && sql`cardinality(p.flags) > 0`,
      f.flagged === false && sql`cardinality(p.flags) = 0`,
      f.flag && sql`p.flags && ${f.flag}::text[]`,
      f.reported === true && sql`exists (select 1 from post_reports r where r.post_id = p.id)`,
      f.reported === false && sql`not exists (select 1 from post_reports r where r.post_id = p.id)`,
      f.member_id && sql`p.member_id = any(${f.member_id}::int[])`,
      f.created_at_gte && dateCondition(sql, 'p.created_at', f.created_at_gte, 'gte'),
      f.created_at_lte && dateCondition(sql, 'p.created_at', f.created_at_lte, 'lte'),
      f.q && sql`(p.title ilike ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'} or p.body ilike ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'})`,
    ]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<Post[]>`select ${postColumns(sql)} from ${postFrom(sql)} where ${condition}
      order by ${sql(`p.${query.sort.field}`)} ${direction}, p.id ${direction} limit ${query.limit} offset ${query.offset}`;
    const total = await pageTotal(sql, query, rows.length, sql`posts p`, condition);
    c.header('Content-Range', contentRange('posts', query.offset, rows.length, total));
    return c.json(rows as never, 200);
  });

  app.openapi(show, async (c) => {
    const id = c.req.valid('param').id;
    const post = await getPost(sql, id);
    if (!post) throw notFound('Publication introuvable.');
    const reports = await sql`select id, reporter_external_id, reason, created_at from post_reports where post_id = ${id} order by created_at, id`;
    return c.json({ ...post, reports } as never, 200);
  });

  const decide = async (c: { get: (key: 'auth' | 'ip') => unknown }, id: number, action: keyof typeof POST_TRANSITIONS, reason: string | null) => {
    const rule = POST_TRANSITIONS[action];
    const auth = c.get('auth') as AppEnv['Variables']['auth'];
    return sql.begin(async (tx) => {
      const [current] = await tx<{ status: PostStatus; partner_id: string; external_id: string; member_id: number }[]>`
        select status, partner_id, external_id, member_id from posts where id = ${id} for update`;
      if (!current) throw notFound('Publication introuvable.');
      if (!(rule.from as readonly PostStatus[]).includes(current.status)) {
        throw conflict(`Impossible : cette publication est déjà ${STATUS_LABELS[current.status]}.`);
      }
      await tx`
        update posts set status = ${rule.to}, hidden_reason = ${action === 'hide' ? reason : null},
          decided_at = now(), decided_by = ${auth.staff_id}, updated_at = now()
        where id = ${id}`;
      await queuePostEvent(tx, current, rule.event, reason);
      await audit(tx, { staff_id: auth.staff_id, action, resource: 'posts', record_id: id, ip: c.get('ip') as string | null });
      return (await getPost(tx, id))!;
    });
  };

  app.openapi(approve, async (c) => c.json((await decide(c, c.req.valid('param').id, 'approve', null)) as never, 200));
  app.openapi(hide, async (c) => c.json((await decide(c, c.req.valid('param').id, 'hide', c.req.valid('json').reason)) as never, 200));
  app.openapi(remove, async (c) => c.json((await decide(c, c.req.valid('param').id, 'delete', null)) as never, 200));
  return app;
}
