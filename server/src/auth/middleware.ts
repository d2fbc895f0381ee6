import type { MiddlewareHandler } from 'hono';
import { canAccess, type Action, type Resource } from '@vigie/shared';
import type { AppEnv, Deps } from '../context.ts';
import { ApiError, forbidden } from '../errors.ts';
import { readSessionCookie } from './cookie.ts';
import { isPublicRoute } from './publicRoutes.ts';
import { findSession } from './sessions.ts';

const unauthorized = () => new ApiError(401, 'Authentification requise.');

/** Every `/api` request not on the public list goes through `requireAuth` before any handler. */
export function denyByDefault(deps: Deps): MiddlewareHandler<AppEnv> {
  const auth = requireAuth(deps);
  return (c, next) => (isPublicRoute(c.req.method, c.req.path) ? next() : auth(c, next));
}

export function requireAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c, deps.env);
    if (!token) throw unauthorized();
    const session = await findSession(deps.sql, deps.env, token);
    if (!session) throw unauthorized();
    c.set('auth', session);
    await next();
  };
}

/** The server-side half of `canAccess`: the same matrix the admin uses to draw its menus. */
export function requireAccess(resource: Resource, action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!canAccess(c.get('auth').role, { resource, action })) throw forbidden();
    await next();
  };
}
