export type { Partner } from '@vigie/shared';
import type { Partner } from '@vigie/shared';

/** What POST /api/partners and POST /api/partners/:id/rotate answer, split: the secret travels apart. */
export interface PartnerWithSecret {
  data: Partner;
  secret: string;
}

/** Resources whose create or rotate answers carry a secret that must stay out of react-admin's cache. */
const SECRET_BEARING = new Set(['partners']);

/** The record without its `secret` key, whatever else it holds. */
export function withoutSecret<T extends object>(record: T): Omit<T, 'secret'> {
  if (!Object.hasOwn(record, 'secret')) return record;
  const { secret: _dropped, ...rest } = record as T & { secret?: unknown };
  return rest;
}

/**
 * react-admin caches what `create` and `update` answer (useCreate seeds the getOne query with it):
 * a partner's secret is dropped here, so it can only ever live in the dialog that shows it.
 */
export function scrubSecret<R extends { data: unknown }>(resource: string, result: R): R {
  if (!SECRET_BEARING.has(resource) || result.data === null || typeof result.data !== 'object') return result;
  return { ...result, data: withoutSecret(result.data) };
}

/** A create or rotate answer → the partner (for the screens) and the secret (for the dialog only). */
export function splitSecret(body: unknown): PartnerWithSecret {
  if (body === null || typeof body !== 'object') throw new Error('ra.notification.http_error');
  const { secret } = body as { secret?: unknown };
  if (typeof secret !== 'string' || secret === '') throw new Error('ra.notification.http_error');
  return { data: withoutSecret(body as Partner & { secret: string }), secret };
}
