import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';

/**
 * Validation messages in the dashboard's language: French by default, English when the request
 * prefers it. zod's own defaults ("Too big: expected number to be <=90") never reach a client:
 * one error map, installed globally, words every issue a schema did not word itself.
 */
export type Language = 'fr' | 'en';

const language = new AsyncLocalStorage<Language>();
export const currentLanguage = (): Language => language.getStore() ?? 'fr';

/** The first of French or English in Accept-Language, by quality; French when neither is named. */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'fr';
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag.trim().split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => (l.tag === 'fr' || l.tag === 'en') && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag === 'en' ? 'en' : 'fr';
}

export const withRequestLanguage = (): MiddlewareHandler => (c, next) => language.run(preferredLanguage(c.req.header('accept-language')), next);

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const TYPES_FR: Record<string, string> = {
  string: 'Texte attendu.', number: 'Nombre attendu.', int: 'Nombre entier attendu.', boolean: 'Vrai ou faux attendu.',
  array: 'Liste attendue.', object: 'Objet attendu.', date: 'Date attendue.', bigint: 'Nombre entier attendu.',
};
const TYPES_EN: Record<string, string> = {
  string: 'Text expected.', number: 'Number expected.', int: 'Whole number expected.', boolean: 'True or false expected.',
  array: 'List expected.', object: 'Object expected.', date: 'Date expected.', bigint: 'Whole number expected.',
};

const list = (values: readonly unknown[]) => values.slice(0, 20).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/** The message for an issue no schema worded, in `lang`; `required` when the value was missing. */
export function issueMessage(issue: Issue, lang: Language, required = false): string {
  const fr = lang === 'fr';
  if (required) return fr ? 'Champ requis.' : 'Required field.';
  const i = issue as Issue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      return (fr ? TYPES_FR : TYPES_EN)[String(i.expected)] ?? (fr ? 'Valeur invalide.' : 'Invalid value.');
    case 'too_big': {
      const n = String(i.maximum);
      if (i.origin === 'string') return fr ? `${n} caractères au plus.` : `At most ${n} characters.`;
      if (i.origin === 'array' || i.origin === 'set') return fr ? `${n} éléments au plus.` : `At most ${n} items.`;
      return fr ? `Doit être inférieur${i.inclusive === false ? '' : ' ou égal'} à ${n}.` : `Must be ${i.inclusive === false ? 'less than' : 'at most'} ${n}.`;
    }
    case 'too_small': {
      const n = String(i.minimum);
      if (i.origin === 'string') return Number(i.minimum) === 1 ? (fr ? 'Champ requis.' : 'Required field.') : fr ? `${n} caractères au moins.` : `At least ${n} characters.`;
      if (i.origin === 'array' || i.origin === 'set') return fr ? `${n} éléments au moins.` : `At least ${n} items.`;
      return fr ? `Doit être supérieur${i.inclusive === false ? '' : ' ou égal'} à ${n}.` : `Must be ${i.inclusive === false ? 'more than' : 'at least'} ${n}.`;
    }
    case 'invalid_value':
      return fr ? `Valeur non autorisée : choisir parmi ${list(i.values as unknown[])}.` : `Value not allowed: choose one of ${list(i.values as unknown[])}.`;
    case 'invalid_format':
      if (i.format === 'email') return fr ? 'Adresse e-mail invalide.' : 'Invalid e-mail address.';
      if (i.format === 'datetime' || i.format === 'date') return fr ? 'Date invalide (ISO 8601).' : 'Invalid date (ISO 8601).';
      if (i.format === 'url') return fr ? 'Adresse web invalide.' : 'Invalid web address.';
      return fr ? 'Format invalide.' : 'Invalid format.';
    case 'not_multiple_of':
      return fr ? `Doit être un multiple de ${String(i.divisor)}.` : `Must be a multiple of ${String(i.divisor)}.`;
    case 'unrecognized_keys':
      return fr ? `Champ inconnu : ${list(i.keys as unknown[])}.` : `Unknown field: ${list(i.keys as unknown[])}.`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return fr ? 'Valeur invalide.' : 'Invalid value.';
  }
}

const isRequired = (issue: z.core.$ZodRawIssue) => issue.code === 'invalid_type' && issue.input === undefined;

/** Installed once: every issue a schema did not word itself gets the French wording. */
z.config({ customError: (issue) => issueMessage(issue, 'fr', isRequired(issue)) });

/**
 * The issue's message in the request's language. Messages the global map wrote in French are
 * worded again in English; a schema's own French message stays as written.
 */
export function localise(issue: z.core.$ZodIssue): string {
  const lang = currentLanguage();
  if (lang === 'fr') return issue.message;
  if (issue.message === issueMessage(issue, 'fr', true)) return issueMessage(issue, 'en', true);
  if (issue.message === issueMessage(issue, 'fr')) return issueMessage(issue, 'en');
  return issue.message;
}
