import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../../context.ts';
import { validationHook } from '../../errors.ts';
import { jsonContent } from '../../rest/openapi.ts';

const HealthSchema = z
  .object({ status: z.literal('ok'), engine: z.enum(['postgres', 'embedded']), migration_version: z.number().int(), uptime_s: z.number().int() })
  .openapi('Health');

const health = createRoute({
  method: 'get', path: '/health', tags: ['system'], summary: 'Liveness and database readiness (no auth)',
  responses: { 200: jsonContent(HealthSchema, 'Up'), 503: jsonContent(z.object({ status: z.literal('degraded'), message: z.string() }), 'Database unreachable') },
});

const config = createRoute({
  method: 'get', path: '/config', tags: ['system'], summary: 'Public configuration of the commune (no auth)',
  responses: { 200: jsonContent(z.record(z.string(), z.unknown()).openapi('CommuneConfig'), 'Commune, police desk, map tiles') },
});

export function systemRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(health, async (c) => {
    try {
      await deps.sql`select 1`;
    } catch {
      return c.json({ status: 'degraded' as const, message: 'Base de données injoignable.' }, 503);
    }
    return c.json({
      status: 'ok' as const,
      engine: deps.db.engine,
      migration_version: deps.migrationVersion,
      uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
    }, 200);
  });
  app.openapi(config, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(deps.commune as unknown as Record<string, unknown>, 200);
  });
  return app;
}
