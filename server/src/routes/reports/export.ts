import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CATEGORY_LABELS_FR, PRIORITY_LABELS_FR, SOURCE_LABELS_FR, STATUS_LABELS_FR, type Report } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { validationHook } from '../../errors.ts';
import { csvResponse, type CsvColumn } from '../../rest/csv.ts';
import { parseListQuery } from '../../rest/listQuery.ts';
import { errorResponses, ListQuerySchema } from '../../rest/openapi.ts';
import { filterCondition, REPORT_SORTS, sortExpression } from './queries.ts';
import { ReportFilterSchema } from './schemas.ts';

type Row = Omit<Report, 'received_at' | 'occurred_at' | 'updated_at' | 'assigned_to_name'> & {
  received_at: Date;
  occurred_at: Date | null;
  updated_at: Date;
  sector: string | null;
  assigned_to_name: string | null;
};

/**
 * What a spreadsheet of reports holds. Not the reporter's name or phone: those are read one report
 * at a time, each read audited; a whole list of residents' contacts is not what a count needs.
 */
const COLUMNS: CsvColumn<Row>[] = [
  { header: 'N°', value: (r) => r.id },
  { header: 'Reçu le', value: (r) => r.received_at },
  { header: 'Survenu le', value: (r) => r.occurred_at },
  { header: 'Catégorie', value: (r) => CATEGORY_LABELS_FR[r.category] },
  { header: 'Statut', value: (r) => STATUS_LABELS_FR[r.status] },
  { header: 'Priorité', value: (r) => PRIORITY_LABELS_FR[r.priority] },
  { header: 'Urgence signalée', value: (r) => r.emergency },
  { header: 'Origine', value: (r) => SOURCE_LABELS_FR[r.source] },
  { header: 'Secteur', value: (r) => r.sector },
  { header: 'Hors commune', value: (r) => r.out_of_area },
  { header: 'Adresse', value: (r) => r.address },
  { header: 'Latitude', value: (r) => r.lat },
  { header: 'Longitude', value: (r) => r.lng },
  { header: 'Description', value: (r) => r.description },
  { header: 'Attribué à', value: (r) => r.assigned_to_name },
  { header: 'Incident (signalement principal)', value: (r) => r.incident_id },
  { header: 'Partenaire', value: (r) => r.partner_id },
  { header: 'Référence externe', value: (r) => r.external_id },
  { header: 'Mis à jour le', value: (r) => r.updated_at },
];

/** Rows read from the database per batch: the server holds one batch at a time, whatever the total. */
export const EXPORT_BATCH = 500;

const exportCsv = createRoute({
  method: 'get', path: '/export.csv', tags: ['reports'],
  summary: 'Every report matching the list filters, as a streamed CSV (UTF-8 with BOM, `;`; audited)',
  middleware: [requireAccess('reports', 'export')] as const,
  request: { query: ListQuerySchema.omit({ range: true }) },
  responses: { 200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
});

/** Mounted on /api/reports before the reports' own routes, so that `/{id}` does not claim "export.csv". */
export function reportExportRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(exportCsv, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: REPORT_SORTS, defaultSort: ['received_at', 'DESC'], filter: ReportFilterSchema });
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    await audit(sql, { staff_id: c.get('auth').staff_id, action: 'export', resource: 'reports', record_id: null, ip: c.get('ip') });
    const batches = sql<Row[]>`
      select r.id, r.category, r.status, r.priority, r.emergency, r.description, r.lat, r.lng, r.address, r.neighbourhood_id,
             n.name as sector, r.out_of_area, r.source, r.partner_id, r.external_id, r.member_id, r.assigned_to,
             s.full_name as assigned_to_name, r.incident_id, r.received_at, r.occurred_at, r.updated_at
      from reports r
      left join neighbourhoods n on n.id = r.neighbourhood_id
      left join staff s on s.id = r.assigned_to
      where ${filterCondition(sql, query.filter)}
      order by ${sortExpression(sql, query.sort.field)} ${direction}, r.id ${direction}`.cursor(EXPORT_BATCH);
    const day = new Date().toISOString().slice(0, 10);
    return csvResponse({ filename: `signalements-${day}.csv`, columns: COLUMNS, batches }) as never;
  });
  return app;
}
