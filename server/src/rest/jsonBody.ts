import type { MiddlewareHandler } from 'hono';
import { badRequest } from '../errors.ts';
import { TEXT_MESSAGE, unsafeStringPath } from './validation.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every REST JSON body is strict UTF-8 and free of control characters before any route reads it,
 * as the intake's are: a decoder that replaced bad bytes with U+FFFD would store what nobody sent.
 * (The intake checks its own raw bytes, under its signature, and is not passed through here.)
 */
export const strictJsonBodies = (): MiddlewareHandler => async (c, next) => {
  if (!UNSAFE.has(c.req.method) || !/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) return next();
  const bytes = await c.req.arrayBuffer(); // Hono caches it: the route's validator reads the same bytes
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest({ _root: 'JSON invalide (UTF-8 attendu).' }, "Le corps n'est pas un JSON valide.");
  }
  if (text.trim() === '') return next(); // no body: the route says whether it needs one
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest({ _root: 'JSON invalide.' }, "Le corps n'est pas un JSON valide.");
  }
  const field = unsafeStringPath(parsed);
  if (field) throw badRequest({ [field]: TEXT_MESSAGE });
  return next();
};
