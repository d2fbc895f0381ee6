/**
 * Deny by default: every `/api` route needs a session before any handler runs, except these.
 * Add a route here only when it must answer strangers, and say why; `denyByDefault.test.ts` walks
 * every registered route and checks that the others answer 401 anonymously.
 *
 * Later public routes (residents' registration under `/api/public/*`, unsubscribe pages) are added
 * to the list below, in the block marked for them.
 */
export const PUBLIC_ROUTES: readonly { method: 'GET' | 'POST' | '*'; path: string; why: string }[] = [
  { method: 'GET', path: '/api/health', why: 'load balancers and monitoring probe it' },
  { method: 'GET', path: '/api/config', why: 'the sign-in page shows the commune before anyone signs in' },
  { method: 'POST', path: '/api/auth/login', why: 'signing in' },
  { method: 'POST', path: '/api/auth/logout', why: 'clears the cookie even when the session already ended' },
  { method: 'GET', path: '/api/openapi.json', why: 'the API description, for partners' },
  { method: 'GET', path: '/api/docs', why: 'the API reference page' },
  { method: 'GET', path: '/api/docs/assets/*', why: "the reference page's scripts and styles" },
  { method: '*', path: '/api/intake/*', why: 'partners authenticate each request by its HMAC signature' },
  // Residents, who have no account: registration, its e-mailed confirmation, unsubscribing; and
  // the SMS provider's webhooks, which authenticate with their own bearer token.
  { method: 'POST', path: '/api/public/registrations', why: 'residents register from the public page' },
  { method: 'POST', path: '/api/public/confirmations', why: 'the double opt-in link, confirmed by a button (never a GET)' },
  { method: '*', path: '/api/public/unsubscribe', why: 'the e-mail footer link and RFC 8058 one-click unsubscribe (HMAC token)' },
  { method: 'POST', path: '/api/public/sms/*', why: 'SMS delivery receipts and STOP replies (provider bearer token)' },
];

/** Is this request allowed without a session? `*` ends a path prefix; HEAD is a GET. */
export function isPublicRoute(method: string, path: string): boolean {
  const verb = method === 'HEAD' ? 'GET' : method;
  return PUBLIC_ROUTES.some(
    (route) => (route.method === '*' || route.method === verb) && (route.path.endsWith('/*') ? path.startsWith(route.path.slice(0, -1)) : path === route.path),
  );
}
