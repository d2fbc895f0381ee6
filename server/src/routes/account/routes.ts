import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { hashPassword, verifyPassword } from '@vigie/db';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import { passwordProblem } from '../../auth/passwordPolicy.ts';
import { reserveAttempt, throttleKeys } from '../../auth/throttle.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { ApiError, badRequest, notFound, validationHook } from '../../errors.ts';
import { errorResponses, ErrorSchema, jsonContent } from '../../rest/openapi.ts';

const tags = ['account'];

const PasswordChangeSchema = z
  .object({
    current_password: z.string().min(1, 'Mot de passe actuel requis.').max(1024, 'Mot de passe trop long.'),
    new_password: z.string().min(1, 'Nouveau mot de passe requis.').max(1024, 'Mot de passe trop long.'),
  })
  .openapi('PasswordChange');

export const OwnSessionSchema = z
  .object({
    id: z.string().uuid(),
    created_at: z.string(),
    last_seen_at: z.string(),
    expires_at: z.string(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('OwnSession');

const SessionParamSchema = z.object({
  id: z.string().uuid('Identifiant de session invalide.').openapi({ param: { name: 'id', in: 'path' } }),
});

const changePassword = createRoute({
  method: 'post', path: '/password', tags, summary: 'Change one’s own password; every other session ends',
  middleware: [requireAccess('account', 'edit')] as const,
  request: { body: { content: { 'application/json': { schema: PasswordChangeSchema } }, required: true } },
  responses: {
    204: { description: 'Changed; other sessions revoked and their sockets closed' },
    429: jsonContent(ErrorSchema, 'Too many wrong current passwords; see Retry-After'),
    ...errorResponses,
  },
});
const listSessions = createRoute({
  method: 'get', path: '/sessions', tags, summary: 'One’s own active sessions',
  middleware: [requireAccess('account', 'list')] as const,
  responses: { 200: jsonContent(z.array(OwnSessionSchema), 'Active sessions, most recent use first'), ...errorResponses },
});
const endSession = createRoute({
  method: 'delete', path: '/sessions/{id}', tags, summary: 'End one of one’s own sessions',
  middleware: [requireAccess('account', 'delete')] as const,
  request: { params: SessionParamSchema },
  responses: { 204: { description: 'Ended' }, 404: jsonContent(ErrorSchema, 'No such active session of yours'), ...errorResponses },
});

/** « Mon compte »: what every signed-in staff member may do to their own account, whatever their role. */
export function accountRoutes(deps: Deps) {
  const { sql, env } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(changePassword, async (c) => {
    const { current_password, new_password } = c.req.valid('json');
    const { staff_id, session_id } = c.get('auth');
    const ip = c.get('ip');
    const [staff] = await sql<{ email: string; full_name: string; password_hash: string }[]>`
      select email, full_name, password_hash from staff where id = ${staff_id}`;
    if (!staff) throw notFound('Compte introuvable.');
    // A stolen session must not become a free password oracle: the sign-in counters apply.
    // Reserved before argon2 runs, like sign-in: parallel guesses cannot pass the limit.
    const reservation = await reserveAttempt(sql, throttleKeys(staff.email, ip));
    if (!reservation.ok) {
      const wait = reservation.retryAfter;
      throw new ApiError(429, `Trop de tentatives. Réessayez dans ${Math.ceil(wait / 60)} min.`, undefined, { 'Retry-After': String(wait) });
    }
    if (!(await verifyPassword(staff.password_hash, current_password))) {
      await audit(sql, { staff_id, action: 'sign_in_failed', resource: 'account', record_id: staff_id, ip });
      throw badRequest({ current_password: 'Mot de passe actuel incorrect.' });
    }
    await reservation.release();
    const problem = passwordProblem(new_password, staff) ?? (new_password === current_password ? 'Choisissez un mot de passe différent de l’actuel.' : null);
    if (problem) throw badRequest({ new_password: problem });
    const hash = await hashPassword(new_password);
    const ended = await sql.begin(async (tx) => {
      await tx`update staff set password_hash = ${hash}, updated_at = now() where id = ${staff_id}`;
      const rows = await tx<{ id: string }[]>`
        update sessions set revoked_at = now()
        where staff_id = ${staff_id} and revoked_at is null and id <> ${session_id}
        returning id::text as id`;
      await audit(tx, { staff_id, action: 'update', resource: 'account', record_id: staff_id, ip });
      return rows.map((r) => r.id);
    });
    for (const id of ended) await deps.fanOut.publish({ kind: 'session_ended', session_id: id });
    return c.body(null, 204);
  });

  app.openapi(listSessions, async (c) => {
    const { staff_id, session_id } = c.get('auth');
    const rows = await sql<z.infer<typeof OwnSessionSchema>[]>`
      select id::text as id, created_at, last_seen_at, expires_at, ip, user_agent, id = ${session_id} as current
      from sessions
      where staff_id = ${staff_id} and revoked_at is null and expires_at > now()
        and last_seen_at > now() - make_interval(mins => ${env.SESSION_IDLE_MINUTES})
      order by (id = ${session_id}) desc, last_seen_at desc`;
    return c.json(rows as never, 200);
  });

  app.openapi(endSession, async (c) => {
    const { id } = c.req.valid('param');
    const { staff_id } = c.get('auth');
    // Someone else's session id answers exactly like an unknown one: 404, nothing revealed.
    const [row] = await sql<{ id: string }[]>`
      update sessions set revoked_at = now()
      where id = ${id} and staff_id = ${staff_id} and revoked_at is null
      returning id::text as id`;
    if (!row) throw notFound('Session introuvable.');
    await audit(sql, { staff_id, action: 'sign_out', resource: 'account', record_id: id, ip: c.get('ip') });
    await deps.fanOut.publish({ kind: 'session_ended', session_id: id });
    return c.body(null, 204);
  });

  return app;
}
