import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { ApiError, notFound } from '../../errors.ts';
import { applyMemberAction, requestProof, type StaffAction } from '../../members/actions.ts';
import { memberExport } from '../../members/export.ts';
import { getMember } from '../../members/queries.ts';
import { ErrorSchema, errorResponses, IdParamSchema, jsonContent } from '../../rest/openapi.ts';
import { BulkApproveSchema, BulkResultSchema, DecisionSchema, MemberDetailSchema, ProofRequestSchema } from './schemas.ts';

const tags = ['members'];

const actionResponses = {
  200: jsonContent(MemberDetailSchema, 'The member after the action'),
  404: jsonContent(ErrorSchema, 'No such member'),
  409: jsonContent(ErrorSchema, 'Not allowed from the current status (MEMBER_TRANSITIONS)'),
  ...errorResponses,
};

// Approving is the moderation decision; the other actions are edits of the member's standing.
const ACTIONS: Array<{ action: StaffAction; summary: string; withReason: boolean; capability: 'approve' | 'edit' }> = [
  { action: 'approve', summary: 'Approve a registration (pending_review → approved); the resident is told by e-mail', withReason: false, capability: 'approve' },
  { action: 'reject', summary: 'Reject a registration with a reason; the resident is told the reason in words', withReason: true, capability: 'approve' },
  { action: 'suspend', summary: 'Suspend an approved member (no alerts meanwhile)', withReason: true, capability: 'edit' },
  { action: 'reinstate', summary: 'Reinstate a suspended member', withReason: false, capability: 'edit' },
  { action: 'ban', summary: 'Ban a member, whatever their status', withReason: true, capability: 'edit' },
  { action: 'erase', summary: 'Erase a member (RGPD): every personal field of the member and relatives anonymised', withReason: false, capability: 'edit' },
];

const bulk = createRoute({
  method: 'post', path: '/approve', tags, summary: 'Approve several registrations at once; each id answered on its own',
  middleware: [requireAccess('members', 'approve')] as const,
  request: { body: { content: { 'application/json': { schema: BulkApproveSchema } }, required: true } },
  responses: { 200: jsonContent(BulkResultSchema, 'One result per id, in the order given'), ...errorResponses },
});

const exportRoute = createRoute({
  method: 'get', path: '/{id}/export', tags,
  summary: 'Everything held about a member, as JSON (RGPD right of access; audited)',
  middleware: [requireAccess('members', 'export')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(z.record(z.string(), z.unknown()), 'member, relatives, history, messages, reports (and posts)'), 404: jsonContent(ErrorSchema, 'No such member'), ...errorResponses },
});

const proof = createRoute({
  method: 'post', path: '/{id}/request_proof', tags,
  summary: 'Ask the resident for a proof of address (e-mail or SMS through the outbox; shown in the queue)',
  middleware: [requireAccess('members', 'approve')] as const,
  request: { params: IdParamSchema, body: { content: { 'application/json': { schema: ProofRequestSchema } }, required: false } },
  responses: actionResponses,
});

export function registerMemberActionRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const { sql } = deps;

  app.openapi(bulk, async (c) => {
    const { ids } = c.req.valid('json');
    const { staff_id } = c.get('auth');
    const results: z.infer<typeof BulkResultSchema>['results'] = [];
    // One transaction per member: a member whose status moved on meanwhile does not hold back the others.
    for (const id of [...new Set(ids)]) {
      try {
        await sql.begin((tx) => applyMemberAction(tx, id, { action: 'approve', staff_id, ip: c.get('ip') }));
        results.push({ id, status: 'approved', http_status: 200, message: null, record: (await getMember(sql, id)) as never });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        results.push({ id, status: 'error', http_status: error.status, message: error.message, record: null });
      }
    }
    return c.json({ results }, 200);
  });

  for (const spec of ACTIONS) {
    const route = createRoute({
      method: 'post', path: `/{id}/${spec.action}`, tags, summary: spec.summary,
      middleware: [requireAccess('members', spec.capability)] as const,
      request: spec.withReason
        ? { params: IdParamSchema, body: { content: { 'application/json': { schema: DecisionSchema } }, required: true } }
        : { params: IdParamSchema },
      responses: actionResponses,
    });
    app.openapi(route, async (c) => {
      const { id } = c.req.valid('param');
      const body = spec.withReason ? (c.req.valid('json' as never) as z.infer<typeof DecisionSchema>) : null;
      await sql.begin((tx) =>
        applyMemberAction(tx, id, { action: spec.action, staff_id: c.get('auth').staff_id, ip: c.get('ip'), reason: body?.reason ?? null, note: body?.note ?? null }),
      );
      return c.json((await getMember(sql, id)) as never, 200);
    });
  }

  app.openapi(proof, async (c) => {
    const { id } = c.req.valid('param');
    // The body is optional (the admin posts `{}` without a note).
    const body = (c.req.valid('json' as never) as z.infer<typeof ProofRequestSchema> | undefined) ?? {};
    await sql.begin((tx) => requestProof(tx, id, { staff_id: c.get('auth').staff_id, ip: c.get('ip'), note: body.note ?? null }));
    return c.json((await getMember(sql, id)) as never, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { staff_id } = c.get('auth');
    const data = await memberExport(sql, id);
    if (!data) throw notFound('Membre introuvable.');
    await sql.begin(async (tx) => {
      await tx`insert into member_events (member_id, staff_id, action) values (${id}, ${staff_id}, 'export')`;
      await audit(tx, { staff_id, action: 'export', resource: 'members', record_id: id, ip: c.get('ip') });
    });
    c.header('Content-Disposition', `attachment; filename="membre-${id}.json"`);
    return c.json(data as never, 200);
  });
}
