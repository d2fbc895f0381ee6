import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { ApiError, badRequest } from '../../errors.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A UUID or 1–200 printable ASCII characters (IETF draft-ietf-httpapi-idempotency-key-header). */
const KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,198}[\x21-\x7e])?$/;

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z.string().optional().openapi({
    description: 'One per form submission, the same on every retry of it: the report is stored once (200 with it on a retry)',
    example: '5b0c1f4e-2d7a-4f63-9a8e-6f1d2c3b4a59',
  }),
});

/** The header's value, or null when absent; anything else is a 400 naming the header. */
export function idempotencyKey(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!KEY.test(raw)) throw badRequest({ [IDEMPOTENCY_HEADER]: 'Clé invalide : un UUID ou 1 à 200 caractères imprimables.' });
  return raw;
}

/** What the retry must repeat: the validated body, keys sorted so that their order does not matter. */
export function requestHash(input: Record<string, unknown>): Buffer {
  const sorted = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest();
}

export const keyReusedWithAnotherBody = () =>
  new ApiError(422, 'Cette clé Idempotency-Key a déjà servi pour un autre signalement.', {
    [IDEMPOTENCY_HEADER]: 'Déjà utilisée avec un autre contenu : une nouvelle saisie demande une nouvelle clé.',
  });
