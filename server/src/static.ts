import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './context.ts';

export const DEFAULT_ADMIN_DIST = path.resolve(import.meta.dirname, '../../admin/dist');

/** The residents' public pages (no session), one HTML entry for the three of them. */
const PUBLIC_PAGES = /^\/(inscription(\/confirmer)?|desabonnement)\/?$/;

/**
 * The built SPA: hashed assets cached for a year, index.html never cached, client routes fall back
 * to it; the public pages get their own HTML, under the same CSP. Assets go out as the brotli or
 * gzip copy `vite build` wrote beside them (admin/build/precompress.ts) when the browser accepts it.
 */
export function mountSpa(app: Hono<AppEnv>, distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', (c) => c.text('Vigie API is running. Build the dashboard with `pnpm --filter @vigie/admin build` (pnpm start does it).', 200));
    return false;
  }
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    // Also on the uncompressed answer, so that a shared cache never hands it to a brotli client.
    if (c.res.status === 200 && !c.res.headers.get('Vary')?.includes('Accept-Encoding')) c.header('Vary', 'Accept-Encoding', { append: true });
  });
  app.use('/*', serveStatic({ root, precompressed: true }));
  const publicFile = path.join(distDir, 'inscription.html');
  app.get('*', async (c, next) => {
    if (!PUBLIC_PAGES.test(c.req.path) || !existsSync(publicFile)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(publicFile, 'utf8'));
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/socket.io')) return c.json({ message: 'Introuvable.' }, 404);
    // A file that is not there (an old chunk after a deploy, a typo) is a 404: answering the SPA's
    // HTML would be cached for a year under /assets and fed to the browser as a script.
    if (c.req.path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(c.req.path)) {
      c.header('Cache-Control', 'no-store');
      return c.text('Introuvable.', 404);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexFile, 'utf8'));
  });
  return true;
}
