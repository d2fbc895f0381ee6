import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { cookieName } from './auth/cookie.ts';
import { denyByDefault } from './auth/middleware.ts';
import { sameOriginOnly } from './auth/origin.ts';
import { authRoutes } from './auth/routes.ts';
import type { AppEnv, Deps } from './context.ts';
import { mountDocs } from './docs.ts';
import { ApiError, handleError, validationHook } from './errors.ts';
import { errorLanguage } from './http/errorLanguage.ts';
import { clientAddress } from './http/clientIp.ts';
import { accountRoutes } from './routes/account/routes.ts';
import { auditLogExportRoutes } from './routes/audit_log/export.ts';
import { auditLogRoutes } from './routes/audit_log/routes.ts';
import { bannedWordRoutes } from './routes/banned_words/routes.ts';
import { geocodeRoutes } from './routes/geocode/routes.ts';
import { membersExportRoutes } from './routes/members_export/routes.ts';
import { membersImportRoutes } from './routes/members/import/routes.ts';
import { postRoutes } from './routes/posts/routes.ts';
import { intakeRoutes } from './routes/intake/routes.ts';
import { memberEventRoutes } from './routes/member_events/routes.ts';
import { memberRoutes } from './routes/members/routes.ts';
import { neighbourhoodRoutes } from './routes/neighbourhoods/routes.ts';
import { officerRoutes } from './routes/officers/routes.ts';
import { outboxMessageRoutes } from './routes/outbox_messages/routes.ts';
import { partnerRoutes } from './routes/partners/routes.ts';
import { registrationRoutes } from './routes/registrations/routes.ts';
import { relativeRoutes } from './routes/relatives/routes.ts';
import { reportEventRoutes } from './routes/report_events/routes.ts';
import { reportExportRoutes } from './routes/reports/export.ts';
import { reportRoutes } from './routes/reports/routes.ts';
import { responseTemplateRoutes } from './routes/response_templates/routes.ts';
import { staffRoutes } from './routes/staff/routes.ts';
import { statsRoutes } from './routes/stats/routes.ts';
import { systemRoutes } from './routes/system/routes.ts';
import { smsWebhookRoutes } from './routes/sms/routes.ts';
import { broadcastRoutes } from './routes/broadcasts/routes.ts';
import { broadcastTemplateRoutes } from './routes/broadcast_templates/routes.ts';
import { deliveryRoutes } from './routes/deliveries/routes.ts';
import { unsubscribeRoutes } from './routes/unsubscribe/routes.ts';
import { DEFAULT_ADMIN_DIST, mountSpa } from './static.ts';
import { strictJsonBodies } from './rest/jsonBody.ts';
import { withRequestLanguage } from './rest/messages.ts';

/** Public endpoints exempt from the browser CSRF checks (see their routes for how each is authenticated). */
const OWN_AUTH_PATHS = new Set(['/api/public/unsubscribe', '/api/public/sms/brevo/status', '/api/public/sms/brevo/inbound']);

const tileOrigins = (url: string) => {
  try {
    const { protocol, hostname } = new URL(url.replace(/[{}]/g, ''));
    // {s} sub-domains: allow the parent domain's sub-domains.
    return [`${protocol}//${hostname}`, `${protocol}//*.${hostname.split('.').slice(-2).join('.')}`];
  } catch {
    return [];
  }
};

export function clientIp(c: Context<AppEnv>, proxyHops: number): string | null {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c as never).remote.address;
  } catch {
    // app.request() in tests has no socket
  }
  return clientAddress(c.req.header('x-forwarded-for'), remote, proxyHops);
}

/** The whole HTTP application; `index.ts` serves it and tests call it over real HTTP or `app.request`. */
export function createApp(deps: Deps, options: { adminDist?: string | null } = {}) {
  const { env, logger } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const origins = env.ALLOWED_ORIGINS;

  app.use(requestId({ headerName: 'X-Request-Id', generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    c.set('ip', clientIp(c, env.TRUST_PROXY));
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    // A 503 is the database's fault, already logged as a warning with its cause (errors.ts).
    const level = c.res.status >= 500 && c.res.status !== 503 ? 'error' : c.res.status >= 400 ? 'info' : 'debug';
    logger[level]({ request_id: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
  });
  // Before every other middleware, so that the errors they throw are worded in English too.
  app.use('/api/*', errorLanguage());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // MUI (emotion) injects <style> elements at run time; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins(deps.commune.tiles.url)],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: env.PUBLIC_URL.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
      // The same answer as frame-ancestors 'none', for browsers that predate CSP 2 (Hono's default, SAMEORIGIN, contradicted it).
      xFrameOptions: 'DENY',
    }),
  );

  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    c.header('Access-Control-Expose-Headers', 'Content-Range, X-Request-Id');
  });
  // The intake reads its own body with a tighter cap (64 KiB) before anything parses it.
  const apiBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      // The rest of the body is not read: close the connection so a client does not reuse it mid-upload.
      throw new ApiError(413, 'Requête trop volumineuse (1 Mo au plus).', undefined, { Connection: 'close' });
    },
  });
  // The members import reads its file with its own cap (20 MiB), once the session is checked.
  const ownBodyLimit = (path: string) => path.startsWith('/api/intake/') || path === '/api/members/import';
  app.use('/api/*', (c, next) => (ownBodyLimit(c.req.path) ? next() : apiBodyLimit(c, next)));
  app.use('/api/*', withRequestLanguage());
  const jsonBodies = strictJsonBodies();
  app.use('/api/*', (c, next) => (ownBodyLimit(c.req.path) ? next() : jsonBodies(c, next)));
  // Hono's csrf() covers form content types; sameOriginOnly covers every other unsafe request.
  // Except the few public endpoints that mail clients and the SMS provider call cross-site, each
  // authenticated its own way (HMAC token, provider's bearer token) and touching no session.
  const csrfCheck = csrf({ origin: origins, secFetchSite: ['same-origin', 'none'] });
  const originCheck = sameOriginOnly(origins, [cookieName(env)]);
  app.use('/api/*', (c, next) => (OWN_AUTH_PATHS.has(c.req.path) ? next() : csrfCheck(c, next)));
  app.use('/api/*', (c, next) => (OWN_AUTH_PATHS.has(c.req.path) ? next() : originCheck(c, next)));
  // A session for everything under /api but the explicit list in auth/publicRoutes.ts.
  app.use('/api/*', denyByDefault(deps));

  app.route('/api', systemRoutes(deps));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/public/unsubscribe', unsubscribeRoutes(deps));
  app.route('/api/public/sms', smsWebhookRoutes(deps));
  app.route('/api/intake', intakeRoutes(deps));
  // Residents register and confirm from the public page: no session (see auth/publicRoutes.ts).
  app.route('/api/public', registrationRoutes(deps));

  app.route('/api/reports', reportExportRoutes(deps)); // before `/{id}`
  app.route('/api/reports', reportRoutes(deps));
  app.route('/api/report_events', reportEventRoutes(deps));
  app.route('/api/response_templates', responseTemplateRoutes(deps));
  app.route('/api/neighbourhoods', neighbourhoodRoutes(deps));
  app.route('/api/officers', officerRoutes(deps));
  app.route('/api/staff', staffRoutes(deps));
  app.route('/api/audit_log', auditLogExportRoutes(deps)); // before `/{id}`
  app.route('/api/audit_log', auditLogRoutes(deps));
  app.route('/api/partners', partnerRoutes(deps));
  app.route('/api/geocode', geocodeRoutes(deps));
  app.route('/api/posts', postRoutes(deps));
  app.route('/api/banned_words', bannedWordRoutes(deps));
  // Before members-core's /api/members sub-app, so `export.csv` and `import` are not read as ids.
  app.route('/api/members/export.csv', membersExportRoutes(deps));
  app.route('/api/members/import', membersImportRoutes(deps));
  app.route('/api/members', memberRoutes(deps));
  app.route('/api/relatives', relativeRoutes(deps));
  app.route('/api/member_events', memberEventRoutes(deps));
  app.route('/api/outbox_messages', outboxMessageRoutes(deps));
  app.route('/api/account', accountRoutes(deps));
  app.route('/api/broadcasts', broadcastRoutes(deps));
  app.route('/api/broadcast_templates', broadcastTemplateRoutes(deps));
  app.route('/api/deliveries', deliveryRoutes(deps));
  app.route('/api/stats', statsRoutes(deps));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Vigie API',
      version: '0.1.0',
      description: "Back office of the municipal police for the « Voisins vigilants et solidaires » network. Lists follow react-admin's simple-rest dialect.",
    },
  });
  mountDocs(app as never);

  app.all('/api/*', () => {
    throw new ApiError(404, 'Route inconnue.');
  });
  if (options.adminDist !== null) mountSpa(app, options.adminDist ?? env.ADMIN_DIST ?? DEFAULT_ADMIN_DIST);

  app.onError(handleError(logger));
  return app;
}
