import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { hashPassword, verifyPassword } from '@vigie/db';
import { ROLES } from '@vigie/shared';
import { randomBytes } from 'node:crypto';
import { audit } from '../audit/audit.ts';
import type { AppEnv, Deps } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './cookie.ts';
import { createSession, findSession, revokeSession } from './sessions.ts';
import { reserveAttempt, throttleKeys } from './throttle.ts';

export const IdentitySchema = z
  .object({ id: z.number().int(), full_name: z.string(), role: z.enum(ROLES) })
  .openapi('Identity');

const LoginSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(1, 'Adresse e-mail requise.').max(254),
    password: z.string().min(1, 'Mot de passe requis.').max(1024),
  })
  .openapi('Login', { example: { email: 'agent.dupont@ville.fr', password: 'une phrase de passe longue' } });

const ErrorSchema = z.object({ message: z.string(), errors: z.record(z.string(), z.string()).optional() }).openapi('Error');

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in: sets the session cookie',
  request: { body: { content: { 'application/json': { schema: LoginSchema } }, required: true } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: IdentitySchema } } },
    400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } },
    401: { description: 'Wrong e-mail or password (never says which)', content: { 'application/json': { schema: ErrorSchema } } },
    429: { description: 'Too many failures; see Retry-After', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in staff member',
  responses: {
    200: { description: 'Identity', content: { 'application/json': { schema: IdentitySchema } } },
    401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Sign out: revokes the session server-side',
  responses: { 204: { description: 'Signed out' } },
});

const WRONG = 'E-mail ou mot de passe incorrect.';

export function authRoutes(deps: Deps) {
  const { sql, env } = deps;
  // Unknown e-mails are checked against this hash so that both paths take the same time.
  const dummyHash = hashPassword(randomBytes(16).toString('hex'));
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const ip = c.get('ip');
    // Counted before argon2 runs, so parallel guesses cannot all slip under the limit.
    const reservation = await reserveAttempt(sql, throttleKeys(email, ip));
    if (!reservation.ok) {
      const wait = reservation.retryAfter;
      throw new ApiError(429, `Trop de tentatives. Réessayez dans ${Math.ceil(wait / 60)} min.`, undefined, { 'Retry-After': String(wait) });
    }
    const [staff] = await sql<{ id: number; full_name: string; role: (typeof ROLES)[number]; password_hash: string; disabled: boolean }[]>`
      select id, full_name, role, password_hash, disabled from staff where email = ${email}`;
    const ok = await verifyPassword(staff?.password_hash ?? (await dummyHash), password);
    if (!staff || !ok || staff.disabled) {
      await audit(sql, { staff_id: staff?.id ?? null, action: 'sign_in_failed', resource: 'auth', ip });
      throw new ApiError(401, WRONG);
    }
    await reservation.release();
    const session = await sql.begin(async (tx) => {
      await tx`update staff set last_sign_in_at = now() where id = ${staff.id}`;
      await audit(tx, { staff_id: staff.id, action: 'sign_in', resource: 'auth', ip });
      return createSession(tx as never, env, staff.id, { ip, userAgent: c.req.header('user-agent') ?? null });
    });
    setSessionCookie(c, env, session.token, session.maxAgeSeconds);
    return c.json({ id: staff.id, full_name: staff.full_name, role: staff.role }, 200);
  });

  app.openapi(me, (c) => {
    const { staff_id, full_name, role } = c.get('auth');
    return c.json({ id: staff_id, full_name, role }, 200);
  });

  app.openapi(logout, async (c) => {
    const token = readSessionCookie(c, env);
    if (token) {
      const session = await findSession(sql, env, token);
      if (session) {
        await revokeSession(sql, session.session_id);
        await audit(sql, { staff_id: session.staff_id, action: 'sign_out', resource: 'auth', ip: c.get('ip') });
        await deps.fanOut.publish({ kind: 'session_ended', session_id: session.session_id });
      }
    }
    clearSessionCookie(c, env);
    return c.body(null, 204);
  });

  return app;
}
