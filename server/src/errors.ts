import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable } from '@vigie/db';
import { z } from 'zod';
import type { Logger } from './logger.ts';
import { localise } from './rest/messages.ts';

export type FieldErrors = Record<string, string>;

/**
 * The one error shape of the API: `{ message, errors? }`. react-admin's simple-rest client puts the
 * body on HttpError, and forms show `errors.<field>` next to the field.
 */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
  }
}

export const badRequest = (errors: FieldErrors, message = 'Données invalides.') => new ApiError(400, message, errors);
export const notFound = (message = 'Introuvable.') => new ApiError(404, message);
export const forbidden = (message = 'Accès refusé.') => new ApiError(403, message);
export const conflict = (message: string, errors?: FieldErrors) => new ApiError(409, message, errors);

/** Zod issues keyed by field path, first message per field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_root';
    errors[key] ??= localise(issue);
  }
  return errors;
}

/** `defaultHook` for every OpenAPI route: validation failures answer 400 with per-field messages. */
export const validationHook = (result: { success: boolean; error?: z.ZodError }, c: Context) => {
  if (!result.success && result.error) {
    return c.json({ message: 'Données invalides.', errors: fieldErrors(result.error) }, 400);
  }
  return undefined;
};

/**
 * Unique constraints → the form field react-admin shows the 409 beside. A check-then-write that
 * loses a race lands here instead of answering 500; name new unique constraints here too.
 */
const UNIQUE_FIELDS: Record<string, { field: string; message: string }> = {
  staff_email_key: { field: 'email', message: 'Adresse déjà utilisée.' },
  response_templates_status_title_key: { field: 'title', message: 'Titre déjà utilisé pour ce statut.' },
  neighbourhoods_name_key: { field: 'name', message: 'Nom déjà utilisé.' },
  partners_pkey: { field: 'id', message: 'Identifiant déjà utilisé.' },
  reports_partner_external_key: { field: 'external_id', message: 'Identifiant externe déjà utilisé.' },
  members_external_id_key: { field: 'external_id', message: 'Identifiant externe déjà utilisé.' },
};

/** A PostgreSQL unique violation (23505) as a 409 naming the field, never the value. */
export function uniqueViolation(error: unknown): ApiError | null {
  const e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown; detail?: unknown };
  if (e?.code !== '23505') return null;
  const constraint = String(e.constraint_name ?? e.constraint ?? '');
  const known = UNIQUE_FIELDS[constraint];
  if (known) return conflict('Cette valeur est déjà utilisée.', { [known.field]: known.message });
  // Unlisted constraint: the columns from « Key (a, b)=(…) », the values never (they may be personal).
  const columns = /^Key \(([^)]+)\)=/.exec(String(e.detail ?? ''))?.[1]?.split(',').map((c) => c.trim()) ?? [];
  return conflict('Cette valeur est déjà utilisée.', Object.fromEntries(columns.map((column) => [column, 'Valeur déjà utilisée.'])));
}

/** nginx's status for a request the client abandoned: logged as such, never as a server error. */
export const CLIENT_CLOSED_REQUEST = 499;

/** Seconds a client waits before retrying a request the database could not serve. */
export const UNAVAILABLE_RETRY_AFTER_S = 2;

export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    const requestId = c.get('requestId' as never) as string | undefined;
    if (c.req.raw.signal?.aborted) {
      // The client went away mid-request (closed tab, lost network): nobody reads this answer.
      logger.info({ request_id: requestId, method: c.req.method, path: c.req.path }, 'client closed the request');
      return c.body(null, CLIENT_CLOSED_REQUEST as never);
    }
    const duplicate = uniqueViolation(error);
    if (duplicate) {
      logger.info({ request_id: requestId, constraint: (error as { constraint_name?: string }).constraint_name }, 'unique violation answered 409');
      return c.json({ message: duplicate.message, errors: duplicate.errors }, 409);
    }
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json({ message: error.message, ...(error.errors ? { errors: error.errors } : {}) }, error.status);
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      if (status >= 500) logger.error({ err: error, request_id: requestId }, 'http exception');
      // Hono's own exceptions (malformed JSON, body limit…) keep their status with our body shape.
      const message = status === 413 ? 'Requête trop volumineuse.' : error.message || 'Requête invalide.';
      return c.json({ message }, status);
    }
    if (isDatabaseUnavailable(error)) {
      // The database dropped or refused the connection (restart, failover, killed backend): not
      // this request's fault, and a retry may succeed; a write's retry carries its key.
      logger.warn({ err: error, request_id: requestId, method: c.req.method, path: c.req.path }, 'database unavailable');
      c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
      return c.json({ message: 'Service momentanément indisponible : réessayez dans quelques secondes.', request_id: requestId }, 503);
    }
    logger.error({ err: error, request_id: requestId, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json({ message: 'Erreur interne du serveur.', request_id: requestId }, 500);
  };
}
