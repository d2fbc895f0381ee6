import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { cookieName } from './auth/cookie.ts';
import { requireAuth } from './auth/middleware.ts';
import { sameOriginOnly } from './auth/origin.ts';
import { authRoutes } from './auth/routes.ts';
import type { AppEnv, Deps } from './context.ts';
import { mountDocs } from './docs.ts';
import { ApiError, handleError, validationHook } from './errors.ts';
import { auditLogRoutes } from './routes/audit_log/routes.ts';
import { intakeRoutes } from './routes/intake/routes.ts';
import { neighbourhoodRoutes } from './routes/neighbourhoods/routes.ts';
import { officerRoutes } from './routes/officers/routes.ts';
import { partnerRoutes } from './routes/partners/routes.ts';
import { reportEventRoutes } from './routes/report_events/routes.ts';
import { reportRoutes } from './routes/reports/routes.ts';
import { responseTemplateRoutes } from './routes/response_templates/routes.ts';
import { staffRoutes } from './routes/staff/routes.ts';
import { systemRoutes } from './routes/system/routes.ts';
import { DEFAULT_ADMIN_DIST, mountSpa } from './static.ts';
import { strictJsonBodies } from './rest/jsonBody.ts';
import { withRequestLanguage } from './rest/messages.ts';

const tileOrigins = (url: string) => {
  try {
    const { protocol, hostname } = new URL(url.replace(/[{}]/g, ''));
    // {s} sub-domains: allow the parent domain's sub-domains.
    return [`${protocol}//${hostname}`, `${protocol}//*.${hostname.split('.').slice(-2).join('.')}`];
  } catch {
    return [];
  }
};

export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c as never).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** The whole HTTP application; `index.ts` serves it and tests call it over real HTTP or `app.request`. */
export function createApp(deps: Deps, options: { adminDist?: string | null } = {}) {
  const { env, logger } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const origins = [env.PUBLIC_URL];

  app.use(requestId({ headerName: 'X-Request-Id', generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    c.set('ip', clientIp(c, env.TRUST_PROXY));
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    const level = c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'info' : 'debug';
    logger[level]({ request_id: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
  });
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
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/intake/') ? next() : apiBodyLimit(c, next)));
  app.use('/api/*', withRequestLanguage());
  const jsonBodies = strictJsonBodies();
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/intake/') ? next() : jsonBodies(c, next)));
  // Hono's csrf() covers form content types; sameOriginOnly covers every other unsafe request.
  app.use('/api/*', csrf({ origin: origins, secFetchSite: ['same-origin', 'none'] }));
  app.use('/api/*', sameOriginOnly(origins, [cookieName(env)]));

  app.route('/api', systemRoutes(deps));
  app.route('/api/auth', authRoutes(deps));
  // Partners sign each request (no cookie, no Origin): mounted before the session check.
  app.route('/api/intake', intakeRoutes(deps));

  for (const path of ['/api/reports', '/api/report_events', '/api/response_templates', '/api/neighbourhoods', '/api/officers', '/api/staff', '/api/audit_log', '/api/partners']) {
    app.use(path, requireAuth(deps));
    app.use(`${path}/*`, requireAuth(deps));
  }
  app.route('/api/reports', reportRoutes(deps));
  app.route('/api/report_events', reportEventRoutes(deps));
  app.route('/api/response_templates', responseTemplateRoutes(deps));
  app.route('/api/neighbourhoods', neighbourhoodRoutes(deps));
  app.route('/api/officers', officerRoutes(deps));
  app.route('/api/staff', staffRoutes(deps));
  app.route('/api/audit_log', auditLogRoutes(deps));
  app.route('/api/partners', partnerRoutes(deps));

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
