import type { MiddlewareHandler } from 'hono';
import { preferredLanguage } from '../rest/messages.ts';
import { toEnglish } from '../rest/englishMessages.ts';

/**
 * Error answers (`{ message, errors }`, 4xx and 5xx) in English when the request prefers it. Routes
 * word their messages in French, thrown or answered with c.json; this one place words them again
 * from the catalogue, so no route needs to know about languages. zod's messages are already in
 * the request's language (rest/messages.ts) and pass through unchanged.
 */
export function errorLanguage(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status < 400 || preferredLanguage(c.req.header('accept-language')) !== 'en') return;
    if (!c.res.headers.get('content-type')?.startsWith('application/json')) return;
    const body = (await c.res.clone().json().catch(() => null)) as { message?: unknown; errors?: unknown } | null;
    if (!body || typeof body !== 'object') return;
    const english = { ...body };
    if (typeof body.message === 'string') english.message = toEnglish(body.message);
    if (body.errors && typeof body.errors === 'object') {
      english.errors = Object.fromEntries(Object.entries(body.errors).map(([field, text]) => [field, typeof text === 'string' ? toEnglish(text) : text]));
    }
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(JSON.stringify(english), { status: c.res.status, headers });
  };
}
