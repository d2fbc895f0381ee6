import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { auditResourceFr, auditSentenceFr } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { validationHook } from '../../errors.ts';
import { csvResponse, type CsvColumn } from '../../rest/csv.ts';
import { parseListQuery } from '../../rest/listQuery.ts';
import { errorResponses, ListQuerySchema } from '../../rest/openapi.ts';
import { auditCondition, auditSelect, FilterSchema } from './routes.ts';

interface Row {
  id: number;
  at: Date;
  staff_id: number | null;
  staff_name: string | null;
  action: string;
  resource: string;
  record_id: string | null;
  target_name: string | null;
  ip: string | null;
}

// What happened in the words the screen uses (« Compte désactivé : Karim Benali »), what it is
// about (the « Concerne » filter's words), then the event's code (`staff.suspend`, the « Événement »
// filter's value): what scripts, retention rules and a later investigation search for.
const COLUMNS: CsvColumn<Row>[] = [
  { header: 'N°', value: (r) => r.id },
  { header: 'Date', value: (r) => r.at },
  { header: 'N° de l’agent', value: (r) => r.staff_id },
  { header: 'Agent', value: (r) => r.staff_name ?? (r.staff_id === null ? 'Système' : null) },
  { header: 'Ce qui s’est passé', value: (r) => auditSentenceFr(r) },
  { header: 'Concerne', value: (r) => auditResourceFr(r.resource) },
  { header: 'Enregistrement', value: (r) => r.record_id },
  { header: 'Adresse IP', value: (r) => r.ip },
  { header: 'Code de l’événement', value: (r) => `${r.resource}.${r.action}` },
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
      ${auditSelect(sql)}
      where ${auditCondition(sql, query.filter)}
      order by ${sql(`a.${query.sort.field}`)} ${direction}, a.id ${direction}`.cursor(500);
    const day = new Date().toISOString().slice(0, 10);
    return csvResponse({ filename: `journal-audit-${day}.csv`, columns: COLUMNS, batches }) as never;
  });
  return app;
}
