import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { validationHook } from '../../errors.ts';
import { csvResponse, type CsvColumn } from '../../rest/csv.ts';
import { parseListQuery } from '../../rest/listQuery.ts';
import { errorResponses, ListQuerySchema } from '../../rest/openapi.ts';
import { auditCondition, FilterSchema } from './routes.ts';

interface Row {
  id: number;
  at: Date;
  staff_id: number | null;
  staff_name: string | null;
  action: string;
  resource: string;
  record_id: string | null;
  ip: string | null;
}

// Action and resource codes stay as stored: they are what the retention rules and any later
// investigation search for; the dashboard translates them on screen.
const COLUMNS: CsvColumn<Row>[] = [
  { header: 'N°', value: (r) => r.id },
  { header: 'Date', value: (r) => r.at },
  { header: 'N° de l’agent', value: (r) => r.staff_id },
  { header: 'Agent', value: (r) => r.staff_name ?? (r.staff_id === null ? 'Système' : null) },
  { header: 'Action', value: (r) => r.action },
  { header: 'Ressource', value: (r) => r.resource },
  { header: 'Enregistrement', value: (r) => r.record_id },
  { header: 'Adresse IP', value: (r) => r.ip },
];

const exportCsv = createRoute({
  method: 'get', path: '/export.csv', tags: ['audit_log'],
  summary: 'The audit log matching the list filters, as a streamed CSV (UTF-8 with BOM, `;`; audited)',
  middleware: [requireAccess('audit_log', 'export')] as const,
  request: { query: ListQuerySchema.omit({ range: true }) },
  responses: { 200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
});

/** Mounted on /api/audit_log before the list's routes, so that `/{id}` does not claim "export.csv". */
export function auditLogExportRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(exportCsv, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['at', 'id'], defaultSort: ['at', 'DESC'], filter: FilterSchema });
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    // Written before the first row is read: the export is itself in the file it produces.
    await audit(sql, { staff_id: c.get('auth').staff_id, action: 'export', resource: 'audit_log', record_id: null, ip: c.get('ip') });
    const batches = sql<Row[]>`
      select a.id, a.at, a.staff_id, s.full_name as staff_name, a.action, a.resource, a.record_id, a.ip
      from audit_log a left join staff s on s.id = a.staff_id
      where ${auditCondition(sql, query.filter)}
      order by ${sql(`a.${query.sort.field}`)} ${direction}, a.id ${direction}`.cursor(500);
    const day = new Date().toISOString().slice(0, 10);
    return csvResponse({ filename: `journal-audit-${day}.csv`, columns: COLUMNS, batches }) as never;
  });
  return app;
}
