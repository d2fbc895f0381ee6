import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { forbidden } from '../errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuse cross-site unsafe requests whatever their Content-Type (Hono's `csrf()` only looks at
 * form-like types). Browsers send Sec-Fetch-Site and/or Origin on every POST/PUT/DELETE; a
 * request with neither comes from a non-browser client, which carries no ambient cookie risk —
 * unless it carries a session cookie, and then it is refused too.
 */
export function sameOriginOnly(allowedOrigins: string[], cookieNames: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw forbidden('Requête intersite refusée.');
    if (origin !== undefined && !allowedOrigins.includes(origin)) throw forbidden('Origine refusée.');
    if (site === undefined && origin === undefined) {
      const cookie = c.req.header('cookie') ?? '';
      if (cookieNames.some((name) => cookie.includes(`${name}=`))) throw forbidden('Origine manquante.');
    }
    return next();
  };
}
