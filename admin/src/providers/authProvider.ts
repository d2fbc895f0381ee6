import { HttpError, type AuthProvider } from 'react-admin';
import { canAccess, type Identity } from '@vigie/shared';
import { liveClient } from '../live/liveClient.ts';
import { acceptLanguage, API_URL, httpClient } from './httpClient.ts';

// The session is an httpOnly cookie; the identity is kept in memory only (never in Web Storage).
let identity: Identity | null = null;
let pending: Promise<Identity> | null = null;

const signedIn = (value: Identity) => {
  identity = value;
  void liveClient.start();
  return value;
};

const signedOut = () => {
  identity = null;
  pending = null;
  liveClient.stop();
};

function fetchIdentity(): Promise<Identity> {
  if (identity) return Promise.resolve(identity);
  pending ??= httpClient(`${API_URL}/auth/me`)
    .then(({ json }) => signedIn(json as Identity))
    .finally(() => {
      pending = null;
    });
  return pending;
}

export interface LoginParams {
  email: string;
  password: string;
}

/** Turns a failed sign-in into a message for the form: the server's own words when it sent some. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

async function login({ email, password }: LoginParams) {
  const response = await fetch(`${API_URL}/auth/login`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': acceptLanguage() },
    body: JSON.stringify({ email: email.trim(), password }),
  }).catch(() => {
    throw new LoginError('vigie.login.network', 0);
  });
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    const fallback = response.status === 429 ? 'vigie.login.throttled' : 'vigie.login.error';
    throw new LoginError(body?.message || fallback, response.status, retryAfter);
  }
  signedIn(body as Identity);
}

export const authProvider = {
  login,
  logout: async () => {
    const wasSignedIn = identity !== null;
    signedOut();
    if (wasSignedIn) {
      await fetch(`${API_URL}/auth/logout`, { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
    }
  },
  checkAuth: async () => {
    try {
      await fetchIdentity();
    } catch {
      signedOut();
      throw new Error('ra.auth.auth_check_error');
    }
  },
  // 401 ends the session; 403 only tells the user, who stays signed in.
  checkError: async (error: unknown) => {
    const status = error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;
    if (status === 401) {
      signedOut();
      throw error;
    }
    if (status === 403) {
      throw { logoutUser: false, message: 'vigie.errors.forbidden' };
    }
  },
  getIdentity: async () => {
    const { id, full_name, role } = await fetchIdentity();
    return { id, fullName: full_name, role };
  },
  getPermissions: async () => (await fetchIdentity()).role,
  canAccess: async ({ action, resource, record }) => {
    const current = await fetchIdentity().catch(() => null);
    return canAccess(current?.role, { action, resource, record });
  },
} satisfies AuthProvider;
