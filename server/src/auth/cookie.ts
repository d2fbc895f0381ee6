import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Env } from '../env.ts';

/** `__Host-` pins the cookie to this exact origin over HTTPS; plain HTTP (local dev) cannot use it. */
export const cookieName = (env: Env) => (env.PUBLIC_URL.startsWith('https://') ? '__Host-vigie_session' : 'vigie_session');

export function setSessionCookie(c: Context, env: Env, token: string, maxAgeSeconds: number) {
  setCookie(c, cookieName(env), token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: env.PUBLIC_URL.startsWith('https://'),
    path: '/',
    maxAge: maxAgeSeconds,
    ...(env.PUBLIC_URL.startsWith('https://') ? { prefix: 'host' as const } : {}),
  });
}

export function readSessionCookie(c: Context, env: Env): string | undefined {
  const secure = env.PUBLIC_URL.startsWith('https://');
  return secure ? getCookie(c, 'vigie_session', 'host') : getCookie(c, 'vigie_session');
}

export function clearSessionCookie(c: Context, env: Env) {
  const secure = env.PUBLIC_URL.startsWith('https://');
  deleteCookie(c, 'vigie_session', { path: '/', secure, ...(secure ? { prefix: 'host' as const } : {}) });
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
