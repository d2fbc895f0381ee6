import { fetchUtils } from 'react-admin';

/**
 * Same-origin JSON transport. The session lives in an httpOnly cookie, so there is no token to add:
 * `credentials: 'same-origin'` is spelled out because the whole auth model rests on it.
 * Errors reject with an HttpError whose `body` carries the server's `{ message, errors }`.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { credentials: 'same-origin', ...options });

export const API_URL = '/api';
