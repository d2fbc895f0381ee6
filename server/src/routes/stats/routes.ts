import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { canAccess } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { badRequest, validationHook } from '../../errors.ts';
import { ErrorSchema, errorResponses, jsonContent } from '../../rest/openapi.ts';
import { renderBilan } from '../../bilan/bilan.ts';
import { addDays, daysBetween, fullStats, parisToday, sectorStats, type Period } from './queries.ts';
import { BilanQuerySchema, MAX_PERIOD_DAYS, StatsQuerySchema, type StatsQuery } from './schemas.ts';

const tags = ['stats'];

const StatsSchema = z
  .record(z.string(), z.unknown())
  .openapi('Stats', {
    description:
      '`scope: "full"` for the police (series by week and month, by category, sector and source with the same period a year earlier, median delays by priority, forwarded share, heat cells); `scope: "sectors"` for the town hall (sector counts only).',
  });

const stats = createRoute({
  method: 'get', path: '/', tags, summary: 'Statistics of a period (aggregates only)',
  middleware: [requireAccess('stats', 'list')] as const,
  request: { query: StatsQuerySchema },
  responses: { 200: jsonContent(StatsSchema, 'Aggregates'), ...errorResponses },
});

const bilan = createRoute({
  method: 'get', path: '/bilan.pdf', tags, summary: 'The monthly « bilan » for the mayor, as PDF (audited)',
  middleware: [requireAccess('stats', 'export')] as const,
  request: { query: BilanQuerySchema },
  responses: {
    200: { description: 'PDF document', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    404: jsonContent(ErrorSchema, 'Unknown route'),
    ...errorResponses,
  },
});

/** The period asked for, defaulting to the last 90 days (Paris), checked before any query runs. */
function periodOf(q: StatsQuery): Period {
  const to = q.to ?? parisToday();
  const from = q.from ?? addDays(to, -89);
  if (from > to) throw badRequest({ from: 'La date de début doit précéder la date de fin.' });
  if (daysBetween(from, to) >= MAX_PERIOD_DAYS) throw badRequest({ from: `Période trop longue (${MAX_PERIOD_DAYS} jours au plus).` });
  return { from, to };
}

export function statsRoutes(deps: Deps) {
  const { sql } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(stats, async (c) => {
    const q = c.req.valid('query');
    const period = periodOf(q);
    // Reports are police-only: the town hall gets how many per sector, nothing finer.
    const full = canAccess(c.get('auth').role, { resource: 'stats', action: 'show' });
    return c.json((full ? await fullStats(sql, period, q) : await sectorStats(sql, period, q)) as never, 200);
  });

  app.openapi(bilan, async (c) => {
    const { month } = c.req.valid('query');
    const pdf = await renderBilan(sql, deps.commune, month);
    const { staff_id } = c.get('auth');
    await audit(sql, { staff_id, action: 'export', resource: 'stats', record_id: `bilan ${month}`, ip: c.get('ip') });
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="bilan-${month}.pdf"`,
    }) as never;
  });
  return app;
}
