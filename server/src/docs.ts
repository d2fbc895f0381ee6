import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';

const require = createRequire(import.meta.url);

/**
 * A readable API reference at /api/docs: Swagger UI's static files, served from the installed
 * package (no CDN, so it works offline and under the strict CSP: no inline script).
 */
export function mountDocs(app: Hono<never>) {
  const dist = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const files: Record<string, string> = {
    'swagger-ui.css': 'text/css; charset=utf-8',
    'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  };
  const cache = new Map<string, Buffer>();
  app.get('/api/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = files[file];
    if (!type && file !== 'init.js') return c.json({ message: 'Introuvable.' }, 404);
    if (file === 'init.js') {
      return c.body(
        "window.addEventListener('load',function(){window.ui=SwaggerUIBundle({url:'/api/openapi.json',dom_id:'#api',deepLinking:true});});",
        200,
        { 'Content-Type': 'text/javascript; charset=utf-8' },
      );
    }
    let body = cache.get(file);
    if (!body) {
      body = readFileSync(path.join(dist, file));
      cache.set(file, body);
    }
    return c.body(new Uint8Array(body), 200, { 'Content-Type': type!, 'Cache-Control': 'public, max-age=86400' });
  });
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vigie API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><main id="api"></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script></body></html>`),
  );
}
