import { fetchUtils } from 'react-admin';
import { i18nProvider } from './i18nProvider.ts';

/**
 * The server words its error messages in the dashboard's language, read at each request so that
 * the language switch applies at once; never the browser's own Accept-Language, which may differ.
 */
export const acceptLanguage = () => (i18nProvider.getLocale() === 'en' ? 'en' : 'fr');

/**
 * Same-origin JSON transport. The session lives in an httpOnly cookie, so there is no token to add:
 * `credentials: 'same-origin'` is spelled out because the whole auth model rests on it.
 * Errors reject with an HttpError whose `body` carries the server's `{ message, errors }`.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers as HeadersInit | undefined);
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', acceptLanguage());
  return fetchUtils.fetchJson(url, { credentials: 'same-origin', ...options, headers });
};

export const API_URL = '/api';
