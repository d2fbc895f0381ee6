import { z } from '@hono/zod-openapi';

/**
 * One rule for each kind of input, shared by REST routes, the intake and socket events: ids are
 * canonical positive int4 (what PostgreSQL's `integer` holds, spelled one way only), text has no
 * NUL, no control character and no lone surrogate, dates sit in a sane range.
 */
export const MAX_INT4 = 2_147_483_647;
const CANONICAL_ID = /^[1-9][0-9]{0,9}$/;
const ID_MESSAGE = 'Identifiant invalide : entier positif attendu.';

export const isCanonicalId = (value: string) => CANONICAL_ID.test(value) && Number(value) <= MAX_INT4;
export const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_INT4;

/** A path id: `12`, never `0x10`, `5.0`, `010`, `-1` or beyond int4. */
export const idParam = () => z.string().refine(isCanonicalId, { error: ID_MESSAGE }).transform(Number);

/** An id in a JSON filter or body: a positive int4 number, or its canonical spelling as a string. */
export const intFilter = () =>
  z.custom<number | string>((v) => isId(v) || (typeof v === 'string' && isCanonicalId(v)), { error: ID_MESSAGE }).transform(Number).openapi({ type: 'integer' });

// C0 and C1 controls (NUL included); the multiline variant keeps tab and line feed.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// A lone UTF-16 surrogate cannot be stored as UTF-8: the database would silently turn it into U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const TEXT_MESSAGE = 'Caractères de contrôle ou invalides interdits.';

export const isSafeText = (value: string, multiline = false) => !(multiline ? CONTROL_BUT_NEWLINE_TAB : CONTROL).test(value) && !LONE_SURROGATE.test(value);

/** Trimmed text of `min`–`max` characters; `multiline` allows line breaks (CRLF read as LF) and tabs. */
export const safeText = (min: number, max: number, options: { multiline?: boolean } = {}) =>
  z
    .string()
    .overwrite((s) => (options.multiline ? s.replace(/\r\n?/g, '\n') : s))
    .trim()
    .min(min, min === 1 ? 'Champ requis.' : `${min} caractères au moins.`)
    .max(max, `${max} caractères au plus.`)
    .refine((s) => isSafeText(s, options.multiline), options.multiline ? `${TEXT_MESSAGE.slice(0, -1)} (sauf retour à la ligne et tabulation).` : TEXT_MESSAGE);

/** A clock a little ahead at the sender is fine; an event from the future is not. */
export const FUTURE_SLACK_MS = 5 * 60_000;
export const OLDEST_DATE = Date.UTC(2000, 0, 1);

/** When something happened: ISO 8601 with an offset, not before 2000, at most 5 minutes ahead. */
export const saneDate = () =>
  z.iso
    .datetime({ offset: true, error: 'Date ISO 8601 attendue (ex. 2026-11-27T21:40:00+01:00).' })
    .refine((v) => Date.parse(v) >= OLDEST_DATE, 'Date trop ancienne.')
    .refine((v) => Date.parse(v) <= Date.now() + FUTURE_SLACK_MS, 'Date dans le futur.');

/** A commit-ordered event cursor (`live:resync`'s `since`, the partners' `after`): 0 or more. */
export const isCursor = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The first string (value or key) of a parsed JSON document that breaks the text rule, as a
 * field path for `errors`; null when every string is clean. Line breaks and tabs pass here:
 * each field's own schema says whether it takes them.
 */
export function unsafeStringPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isSafeText(value.replace(/\r/g, ''), true) ? null : path.join('.') || '_root';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeStringPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isSafeText(key)) return [...path, '_key'].join('.');
      const found = unsafeStringPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
