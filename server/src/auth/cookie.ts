import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Env } from '../env.ts';

const isHttps = (env: Env) => env.PUBLIC_URL.startsWith('https://');

/**
 * The one name the cookie has on the wire, used verbatim to set, read, clear it and to find it in a
 * socket handshake. `__Host-` pins it to this exact origin over HTTPS; plain HTTP cannot use it.
 * Hono's `prefix: 'host'` option is deliberately not used: it prepends `__Host-` again to a name
 * that already carries it (the bug that sent `__Host-__Host-vigie_session`).
 */
export const cookieName = (env: Env) => (isHttps(env) ? '__Host-vigie_session' : 'vigie_session');

export function setSessionCookie(c: Context, env: Env, token: string, maxAgeSeconds: number) {
  setCookie(c, cookieName(env), token, { httpOnly: true, sameSite: 'Strict', secure: isHttps(env), path: '/', maxAge: maxAgeSeconds });
}

export function readSessionCookie(c: Context, env: Env): string | undefined {
  return getCookie(c, cookieName(env));
}

export function clearSessionCookie(c: Context, env: Env) {
  deleteCookie(c, cookieName(env), { path: '/', secure: isHttps(env), httpOnly: true, sameSite: 'Strict' });
}

/** Parse the session token out of a raw Cookie header (socket.io handshakes). */
export function tokenFromCookieHeader(header: string | undefined, env: Env): string | undefined {
  if (!header) return undefined;
  const name = cookieName(env);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
