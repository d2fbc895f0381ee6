import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { BROADCAST_CATEGORIES, BROADCAST_STATUSES, countSms, smsCost, type Broadcast, type BroadcastTarget, type Channel } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { Sql, TxSql } from '@vigie/db';
import type { AppEnv, AuthContext, Deps } from '../../context.ts';
import { badRequest, conflict, forbidden, notFound, validationHook } from '../../errors.ts';
import { QUEUES } from '../../jobs/queue.ts';
import { enqueueMessage } from '../../outbox/enqueue.ts';
import { contentRange, idList, oneOrMany, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';
import { announceLiveEvent } from '../../live/events.ts';
import { scheduleReopen } from '../../jobs/roadReopen.ts';
import { broadcastColumns, loadBroadcast } from './load.ts';
import { recordBroadcastUpdated } from './live.ts';
import { fanOut, queueRuns } from './fanOut.ts';
import { previewReach } from './recipients.ts';
import { TargetSchema } from './target.ts';

const ChannelsSchema = z.array(z.enum(['sms', 'email'], { error: 'Canal inconnu.' })).min(1, 'Au moins un canal.').max(2).refine((c) => new Set(c).size === c.length, 'Canal en double.');
const Text = (max: number) => z.string().trim().min(1, 'Requis.').max(max, `${max} caractères au plus.`);

const ClosureSchema = z.object({
  geometry: z.object({ type: z.enum(['LineString', 'Polygon']), coordinates: z.array(z.unknown()).min(1).max(5000) }),
  starts_at: z.iso.datetime({ offset: true, error: 'Date ISO attendue.' }),
  ends_at: z.iso.datetime({ offset: true, error: 'Date ISO attendue.' }),
  reopen: z.enum(['propose', 'send']),
}).refine((c) => Date.parse(c.ends_at) > Date.parse(c.starts_at), { message: 'La fin doit suivre le début.', path: ['ends_at'] });

const BroadcastInputSchema = z
  .object({
    category: z.enum(BROADCAST_CATEGORIES, { error: 'Catégorie inconnue.' }),
    title: Text(120),
    sms_text: Text(1000).nullable().optional(),
    email_subject: Text(200).nullable().optional(),
    email_body: Text(20000).nullable().optional(),
    channels: ChannelsSchema,
    target: TargetSchema,
    closure: ClosureSchema.nullable().optional(),
    send_at: z.iso.datetime({ offset: true, error: 'Date ISO attendue.' }).nullable().optional(),
    report_id: z.number().int().positive().max(2147483647).nullable().optional(),
    follows_id: z.number().int().positive().max(2147483647).nullable().optional(),
    follow_kind: z.enum(['update', 'end', 'reopen']).nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.channels.includes('sms') && !b.sms_text) ctx.addIssue({ code: 'custom', path: ['sms_text'], message: 'Requis pour un envoi par SMS.' });
    if (b.channels.includes('email') && !b.email_subject) ctx.addIssue({ code: 'custom', path: ['email_subject'], message: 'Requis pour un envoi par e-mail.' });
    if (b.channels.includes('email') && !b.email_body) ctx.addIssue({ code: 'custom', path: ['email_body'], message: 'Requis pour un envoi par e-mail.' });
    if (!!b.follows_id !== !!b.follow_kind) ctx.addIssue({ code: 'custom', path: ['follow_kind'], message: 'Une suite précise ce qu\'elle suit et sa nature.' });
    if (b.category === 'road_closure' && !b.closure) ctx.addIssue({ code: 'custom', path: ['closure'], message: 'Requis pour une fermeture de route.' });
  })
  .openapi('BroadcastInput');

const CountsSchema = z.record(z.string(), z.object({ queued: z.number(), sent: z.number(), delivered: z.number(), failed: z.number(), dead: z.number() }));
const BroadcastSchema = z
  .object({
    id: z.number(), category: z.string(), title: z.string(), sms_text: z.string().nullable(), email_subject: z.string().nullable(), email_body: z.string().nullable(),
    channels: z.array(z.string()), target: z.unknown(), closure: z.unknown().nullable(), status: z.enum(BROADCAST_STATUSES), send_at: z.string().nullable(),
    report_id: z.number().nullable(), follows_id: z.number().nullable(), follow_kind: z.string().nullable(),
    created_by: z.number(), created_by_name: z.string(), approved_by: z.number().nullable(), approved_by_name: z.string().nullable(), sent_at: z.string().nullable(),
    counts: CountsSchema,
  })
  .openapi('Broadcast');
const PreviewInputSchema = z.object({ target: TargetSchema, channels: ChannelsSchema, sms_text: z.string().max(1000).nullable().optional() }).openapi('BroadcastPreviewInput');
const PreviewSchema = z
  .object({ members: z.number(), relatives: z.number(), sms: z.number(), email: z.number(), unreachable: z.number(), sms_segments: z.number(), estimated_cost: z.number() })
  .openapi('BroadcastPreview');
const SendInputSchema = z.object({ send_at: z.iso.datetime({ offset: true, error: 'Date ISO attendue.' }).nullable().optional() });

const FilterSchema = z.object({ id: idList.optional(), status: oneOrMany(z.enum(BROADCAST_STATUSES)).optional(), category: oneOrMany(z.enum(BROADCAST_CATEGORIES)).optional(), report_id: z.number().int().optional(), follows_id: z.number().int().optional() }).strict();

const tags = ['broadcasts'];
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const action = (path: string, summary: string, access: 'edit' | 'approve' | 'create', description: string) =>
  createRoute({
    method: 'post', path, tags, summary, description, middleware: [requireAccess('broadcasts', access)] as const,
    request: { params: IdParamSchema },
    responses: { 200: jsonContent(BroadcastSchema, 'The broadcast'), 404: jsonContent(ErrorSchema, 'No such broadcast'), 409: jsonContent(ErrorSchema, 'Not in a state that allows it'), ...errorResponses },
  });

const routes = {
  list: createRoute({ method: 'get', path: '/', tags, summary: 'Broadcasts, newest first, with delivery counts per channel', middleware: [requireAccess('broadcasts', 'list')] as const, request: { query: ListQuerySchema }, responses: { 200: { ...jsonContent(z.array(BroadcastSchema), 'Broadcasts'), headers: listHeaders }, ...errorResponses } }),
  show: createRoute({ method: 'get', path: '/{id}', tags, summary: 'One broadcast', middleware: [requireAccess('broadcasts', 'show')] as const, request: { params: IdParamSchema }, responses: { 200: jsonContent(BroadcastSchema, 'Broadcast'), 404: jsonContent(ErrorSchema, 'No such broadcast'), ...errorResponses } }),
  create: createRoute({ method: 'post', path: '/', tags, summary: 'Compose a broadcast (draft)', middleware: [requireAccess('broadcasts', 'create')] as const, request: body(BroadcastInputSchema), responses: { 201: jsonContent(BroadcastSchema, 'Created'), ...errorResponses } }),
  update: createRoute({ method: 'put', path: '/{id}', tags, summary: 'Edit a draft (or a broadcast awaiting approval, which goes back to draft)', middleware: [requireAccess('broadcasts', 'edit')] as const, request: { params: IdParamSchema, ...body(BroadcastInputSchema) }, responses: { 200: jsonContent(BroadcastSchema, 'Updated'), 404: jsonContent(ErrorSchema, 'No such broadcast'), 409: jsonContent(ErrorSchema, 'Already sent or scheduled'), ...errorResponses } }),
  preview: createRoute({ method: 'post', path: '/preview', tags, summary: 'Reach of a target: members, relatives, per channel, unreachable, SMS segments and cost; no side effect', middleware: [requireAccess('broadcasts', 'create')] as const, request: body(PreviewInputSchema), responses: { 200: jsonContent(PreviewSchema, 'Reach'), ...errorResponses } }),
  send: createRoute({
    method: 'post', path: '/{id}/send', tags, summary: 'Send now, or at `send_at`', middleware: [requireAccess('broadcasts', 'edit')] as const,
    description: 'A whole-commune broadcast not yet approved goes to `pending_approval` instead. Recipients are frozen when sending starts.',
    request: { params: IdParamSchema, body: { content: { 'application/json': { schema: SendInputSchema } }, required: false } },
    responses: { 200: jsonContent(BroadcastSchema, 'The broadcast'), 404: jsonContent(ErrorSchema, 'No such broadcast'), 409: jsonContent(ErrorSchema, 'Not a draft'), ...errorResponses },
  }),
  approve: action('/{id}/approve', 'Approve (supervisor, not the author; audited)', 'approve', 'Four eyes: required for a whole-commune broadcast; sends it (now or at its `send_at`) if it was waiting.'),
  cancel: action('/{id}/cancel', 'Cancel (messages not yet sent are dropped)', 'edit', 'Draft, waiting, scheduled or sending.'),
  test: createRoute({ method: 'post', path: '/{id}/test', tags, summary: "Send the broadcast to the caller's own e-mail", middleware: [requireAccess('broadcasts', 'edit')] as const, request: { params: IdParamSchema }, responses: { 200: jsonContent(z.object({ email: z.boolean(), sms: z.boolean() }), 'What was queued'), 404: jsonContent(ErrorSchema, 'No such broadcast'), ...errorResponses } }),
  retryFailed: action('/{id}/retry_failed', 'Queue failed and dead deliveries again', 'edit', 'A delivery dead with an unknown outcome may then reach its recipient twice: it is a person\'s decision.'),
};

export function broadcastRoutes(deps: Deps) {
  const { sql, env, queue } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  const mustLoad = async (id: number, s: Sql | TxSql = sql) => {
    const row = await loadBroadcast(s, id);
    if (!row) throw notFound('Diffusion introuvable.');
    return row;
  };
  /** After commit: wake the live pumps for the `broadcast:updated` the transaction recorded. */
  const announced = <T extends { id: number; position: number | null }>(result: T) => {
    if (result.position !== null) announceLiveEvent(deps, result.position);
    return result.id;
  };
  const needsApproval = (b: { target: BroadcastTarget; approved_by: number | null }) => 'commune' in b.target && b.approved_by === null;

  /** Now, or scheduled at send_at: the same transaction freezes recipients or books the job. */
  async function startSending(tx: TxSql, b: Broadcast) {
    if (b.send_at && Date.parse(b.send_at) > Date.now()) {
      await tx`update broadcasts set status = 'scheduled', updated_at = now() where id = ${b.id}`;
      await queue.send(tx, QUEUES.broadcastSend.name, { broadcast_id: b.id }, { startAfter: new Date(b.send_at), singletonKey: `broadcast-${b.id}` });
      return;
    }
    await fanOut(tx, queue, b);
    await scheduleReopen(tx, queue, b);
    if (b.report_id) {
      await tx`insert into report_events (report_id, staff_id, action, to_value, note) values (${b.report_id}, ${b.created_by}, 'broadcast', ${String(b.id)}, ${b.title})`;
    }
  }

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'created_at', 'status', 'category', 'sent_at'], defaultSort: ['id', 'DESC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [
      f.id && sql`b.id = any(${f.id}::int[])`,
      f.status && sql`b.status = any(${f.status}::text[])`,
      f.category && sql`b.category = any(${f.category}::text[])`,
      f.report_id !== undefined && sql`b.report_id = ${f.report_id}`,
      f.follows_id !== undefined && sql`b.follows_id = ${f.follows_id}`,
    ]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<Broadcast[]>`select ${broadcastColumns(sql)} from broadcasts b where ${condition}
      order by ${sql('b.' + query.sort.field)} ${direction} nulls last, b.id desc limit ${query.limit} offset ${query.offset}`;
    const n = await pageTotal(sql, query, rows.length, sql`broadcasts b`, condition);
    c.header('Content-Range', contentRange('broadcasts', query.offset, rows.length, n));
    return c.json(rows as never, 200);
  });

  app.openapi(routes.show, async (c) => c.json((await mustLoad(c.req.valid('param').id)) as never, 200));

  app.openapi(routes.preview, async (c) => {
    const input = c.req.valid('json');
    const reach = await previewReach(sql, input.target as BroadcastTarget, input.channels as Channel[]);
    const segments = input.sms_text ? countSms(input.sms_text).segments : 0;
    return c.json({ ...reach, sms_segments: segments, estimated_cost: smsCost(segments, reach.sms, env.SMS_UNIT_PRICE_EUR) }, 200);
  });

  const write = async (tx: TxSql, input: z.infer<typeof BroadcastInputSchema>, id: number | null, auth: AuthContext) => {
    if (input.follows_id) {
      const [parent] = await tx`select status from broadcasts where id = ${input.follows_id}`;
      if (!parent) throw badRequest({ follows_id: 'Diffusion suivie introuvable.' });
      if (parent.status !== 'sent' && parent.status !== 'sending') throw badRequest({ follows_id: 'Seule une diffusion envoyée peut avoir une suite.' });
    }
    if (input.report_id) {
      const [report] = await tx`select 1 from reports where id = ${input.report_id}`;
      if (!report) throw badRequest({ report_id: 'Signalement introuvable.' });
    }
    const values = {
      category: input.category, title: input.title, sms_text: input.sms_text ?? null, email_subject: input.email_subject ?? null, email_body: input.email_body ?? null,
      channels: input.channels, target: tx.json(input.target as never), closure: input.closure ? tx.json(input.closure as never) : null,
      send_at: input.send_at ?? null, report_id: input.report_id ?? null, follows_id: input.follows_id ?? null, follow_kind: input.follow_kind ?? null,
    };
    const columns: string[] = ['category', 'title', 'sms_text', 'email_subject', 'email_body', 'channels', 'target', 'closure', 'send_at', 'report_id', 'follows_id', 'follow_kind'];
    if (id === null) {
      const [row] = await tx<{ id: number }[]>`insert into broadcasts ${tx({ ...values, created_by: auth.staff_id } as never, [...columns, 'created_by'])} returning id`;
      return row!.id;
    }
    // An edit withdraws any approval: the approver approved another text.
    const [row] = await tx<{ id: number }[]>`update broadcasts set ${tx(values as never, columns)}, status = 'draft', approved_by = null, approved_at = null, updated_at = now()
      where id = ${id} and status in ('draft', 'pending_approval') returning id`;
    if (!row) {
      await mustLoad(id, tx);
      throw conflict('Diffusion déjà programmée, envoyée ou annulée : elle ne se modifie plus.');
    }
    return id;
  };

  app.openapi(routes.create, async (c) => {
    const auth = c.get('auth');
    const id = await sql.begin(async (tx) => {
      const id = await write(tx, c.req.valid('json'), null, auth);
      await audit(tx, { staff_id: auth.staff_id, action: 'create', resource: 'broadcasts', record_id: id, ip: c.get('ip') });
      return { id, position: await recordBroadcastUpdated(tx, id) };
    }).then(announced);
    return c.json((await mustLoad(id)) as never, 201);
  });

  app.openapi(routes.update, async (c) => {
    const auth = c.get('auth');
    const { id } = c.req.valid('param');
    await sql.begin(async (tx) => {
      await write(tx, c.req.valid('json'), id, auth);
      await audit(tx, { staff_id: auth.staff_id, action: 'update', resource: 'broadcasts', record_id: id, ip: c.get('ip') });
      return { id, position: await recordBroadcastUpdated(tx, id) };
    }).then(announced);
    return c.json((await mustLoad(id)) as never, 200);
  });

  app.openapi(routes.send, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json') ?? {};
    await sql.begin(async (tx) => {
      const [locked] = await tx`select id from broadcasts where id = ${id} for update`;
      if (!locked) throw notFound('Diffusion introuvable.');
      if (input.send_at !== undefined) await tx`update broadcasts set send_at = ${input.send_at} where id = ${id} and status = 'draft'`;
      const b = await mustLoad(id, tx);
      if (b.status !== 'draft') throw conflict('Seul un brouillon peut être envoyé.');
      if (needsApproval(b)) {
        await tx`update broadcasts set status = 'pending_approval', updated_at = now() where id = ${id}`;
      } else {
        await startSending(tx, b);
      }
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'send', resource: 'broadcasts', record_id: id, ip: c.get('ip') });
      return { id, position: await recordBroadcastUpdated(tx, id) };
    }).then(announced);
    return c.json((await mustLoad(id)) as never, 200);
  });

  app.openapi(routes.approve, async (c) => {
    const { id } = c.req.valid('param');
    const auth = c.get('auth');
    await sql.begin(async (tx) => {
      const [locked] = await tx`select id from broadcasts where id = ${id} for update`;
      if (!locked) throw notFound('Diffusion introuvable.');
      const b = await mustLoad(id, tx);
      if (b.created_by === auth.staff_id) throw forbidden("L'auteur d'une diffusion ne peut pas l'approuver : un second superviseur doit le faire.");
      if (b.status !== 'pending_approval' && b.status !== 'draft') throw conflict('Cette diffusion n\'attend pas d\'approbation.');
      await tx`update broadcasts set approved_by = ${auth.staff_id}, approved_at = now(), updated_at = now() where id = ${id}`;
      if (b.status === 'pending_approval') await startSending(tx, { ...b, approved_by: auth.staff_id });
      await audit(tx, { staff_id: auth.staff_id, action: 'approve', resource: 'broadcasts', record_id: id, ip: c.get('ip') });
      return { id, position: await recordBroadcastUpdated(tx, id) };
    }).then(announced);
    return c.json((await mustLoad(id)) as never, 200);
  });

  app.openapi(routes.cancel, async (c) => {
    const { id } = c.req.valid('param');
    await sql.begin(async (tx) => {
      const [row] = await tx`update broadcasts set status = 'cancelled', updated_at = now()
        where id = ${id} and status in ('draft', 'pending_approval', 'scheduled', 'sending') returning id`;
      if (!row) {
        await mustLoad(id, tx);
        throw conflict('Diffusion déjà envoyée ou annulée.');
      }
      await tx`update deliveries set status = 'cancelled', updated_at = now() where broadcast_id = ${id} and status in ('queued', 'failed')`;
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'cancel', resource: 'broadcasts', record_id: id, ip: c.get('ip') });
      return { id, position: await recordBroadcastUpdated(tx, id) };
    }).then(announced);
    return c.json((await mustLoad(id)) as never, 200);
  });

  app.openapi(routes.test, async (c) => {
    const { id } = c.req.valid('param');
    const b = await mustLoad(id);
    const [me] = await sql<{ email: string }[]>`select email from staff where id = ${c.get('auth').staff_id}`;
    // Staff have an e-mail but no phone on file: the SMS text goes in the test e-mail instead.
    const text = [b.email_body, b.sms_text ? `SMS (${countSms(b.sms_text).segments} segment·s) :\n${b.sms_text}` : null].filter(Boolean).join('\n\n---\n\n');
    await sql.begin(async (tx) => {
      await enqueueMessage(tx, { channel: 'email', to: me!.email, subject: `[TEST] ${b.email_subject ?? b.title}`, body: text, kind: 'broadcast_test' });
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'test', resource: 'broadcasts', record_id: id, ip: c.get('ip') });
    });
    return c.json({ email: true, sms: false }, 200);
  });

  app.openapi(routes.retryFailed, async (c) => {
    const { id } = c.req.valid('param');
    await sql.begin(async (tx) => {
      const [b] = await tx`select status from broadcasts where id = ${id} for update`;
      if (!b) throw notFound('Diffusion introuvable.');
      if (b.status !== 'sent' && b.status !== 'sending') throw conflict('Seule une diffusion envoyée peut être relancée.');
      const again = await tx`update deliveries set status = 'queued', last_error = null, updated_at = now() where broadcast_id = ${id} and status in ('failed', 'dead') returning id`;
      if (!again.count) throw conflict('Aucun échec à relancer.');
      await tx`update broadcasts set status = 'sending', updated_at = now() where id = ${id}`;
      await queueRuns(tx, queue, id, tx`id = any(${again.map((r) => r.id)}::bigint[])`);
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'retry_failed', resource: 'broadcasts', record_id: id, ip: c.get('ip') });
      return { id, position: await recordBroadcastUpdated(tx, id) };
    }).then(announced);
    return c.json((await mustLoad(id)) as never, 200);
  });

  return app;
}

