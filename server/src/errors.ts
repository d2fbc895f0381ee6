import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
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

export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    const requestId = c.get('requestId' as never) as string | undefined;
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
    logger.error({ err: error, request_id: requestId, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json({ message: 'Erreur interne du serveur.', request_id: requestId }, 500);
  };
}
