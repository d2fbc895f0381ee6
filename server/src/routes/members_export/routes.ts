import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { canAccess, CHANNELS, MEMBER_KINDS, MEMBER_SOURCES, MEMBER_STATUSES, type MemberStatus } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { badRequest, fieldErrors, validationHook } from '../../errors.ts';
import { csvResponse, type CsvColumn } from '../../rest/csv.ts';
import { dateBound, dateCondition } from '../../rest/dates.ts';
import { idList, oneOrMany, where } from '../../rest/listQuery.ts';
import { errorResponses } from '../../rest/openapi.ts';

/** The members list's filters (issue 7's names), so « Exporter » downloads exactly what the list shows. */
export const MemberFilterSchema = z
  .object({
    id: idList.optional(),
    status: oneOrMany(z.enum(MEMBER_STATUSES, { error: 'Statut inconnu.' })).optional(),
    neighbourhood_id: idList.optional(),
    channel: oneOrMany(z.enum(CHANNELS, { error: 'Canal inconnu.' })).optional(),
    kind: oneOrMany(z.enum(MEMBER_KINDS, { error: 'Type inconnu.' })).optional(),
    source: oneOrMany(z.enum(MEMBER_SOURCES, { error: 'Origine inconnue.' })).optional(),
    out_of_area: z.boolean({ error: 'Booléen attendu.' }).optional(),
    created_at_gte: dateBound().optional(),
    created_at_lte: dateBound().optional(),
    q: z.string().max(100, '100 caractères au plus.').optional(),
  })
  .strict();

interface ExportRow {
  id: number;
  full_name: string | null;
  status: MemberStatus;
  kind: string;
  source: string;
  sector: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  channels: string[];
  out_of_area: boolean;
  created_at: Date;
  confirmed_at: Date | null;
  decided_at: Date | null;
}

const STATUS = { pending_confirmation: 'à confirmer', pending_review: 'à valider', approved: 'validé', rejected: 'refusé', suspended: 'suspendu', banned: 'exclu', erased: 'effacé' } as const;
const KIND = { self: 'pour soi', on_behalf: 'pour un tiers', senior: 'senior' } as Record<string, string>;
const SOURCE = { public: 'site', partner: 'plateforme', desk: 'accueil', import: 'import' } as Record<string, string>;

const BASE_COLUMNS: CsvColumn<ExportRow>[] = [
  { header: 'N°', value: (r) => r.id },
  { header: 'Nom', value: (r) => r.full_name },
  { header: 'Statut', value: (r) => STATUS[r.status] },
  { header: 'Type', value: (r) => KIND[r.kind] ?? r.kind },
  { header: 'Origine', value: (r) => SOURCE[r.source] ?? r.source },
  { header: 'Secteur', value: (r) => r.sector },
  { header: 'Canaux', value: (r) => r.channels.join(', ') },
  { header: 'Hors commune', value: (r) => r.out_of_area },
  { header: 'Inscrit le', value: (r) => r.created_at },
  { header: 'Confirmé le', value: (r) => r.confirmed_at },
  { header: 'Décidé le', value: (r) => r.decided_at },
];
const CONTACT_COLUMNS: CsvColumn<ExportRow>[] = [
  { header: 'E-mail', value: (r) => r.email },
  { header: 'Téléphone', value: (r) => r.phone },
  { header: 'Adresse', value: (r) => r.address },
];

const exportRoute = createRoute({
  method: 'get', path: '/', tags: ['members'], summary: 'The filtered members list as CSV (streamed, audited)',
  middleware: [requireAccess('members', 'export')] as const,
  request: { query: z.object({ filter: z.string().optional().openapi({ example: '{"status":"approved","neighbourhood_id":3}' }) }) },
  responses: { 200: { description: 'CSV, `;`-separated, UTF-8 with BOM', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
});

export function membersExportRoutes({ sql, logger }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(exportRoute, async (c) => {
    let raw: unknown = {};
    try {
      raw = JSON.parse(c.req.valid('query').filter ?? '{}');
    } catch {
      throw badRequest({ filter: "Le paramètre filter n'est pas un JSON valide." });
    }
    const parsed = MemberFilterSchema.safeParse(raw);
    if (!parsed.success) throw badRequest(fieldErrors(parsed.error), 'Filtre invalide.');
    const f = parsed.data;
    const like = f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : null;
    const condition = where(sql, [
      f.id && sql`m.id = any(${f.id}::int[])`,
      f.status && sql`m.status = any(${f.status}::text[])`,
      f.neighbourhood_id && sql`m.neighbourhood_id = any(${f.neighbourhood_id}::int[])`,
      f.channel && sql`m.channels && ${f.channel}::text[]`,
      f.kind && sql`m.kind = any(${f.kind}::text[])`,
      f.source && sql`m.source = any(${f.source}::text[])`,
      f.out_of_area !== undefined && sql`m.out_of_area = ${f.out_of_area}`,
      f.created_at_gte && dateCondition(sql, 'm.created_at', f.created_at_gte, 'gte'),
      f.created_at_lte && dateCondition(sql, 'm.created_at', f.created_at_lte, 'lte'),
      like && sql`(m.full_name ilike ${like} or m.email ilike ${like} or m.phone ilike ${like} or m.address ilike ${like})`,
    ]);
    const auth = c.get('auth');
    // Contacts and homes only for a role that may open a member's record; today only the town hall exports at all.
    const withContacts = canAccess(auth.role, { resource: 'members', action: 'show' });
    // Audited before the first byte: a download cut short was still a download.
    await audit(sql, { staff_id: auth.staff_id, action: 'export', resource: 'members', record_id: null, ip: c.get('ip') });
    const batches = sql<ExportRow[]>`
      select m.id, m.full_name, m.status, m.kind, m.source, n.name as sector, m.channels, m.out_of_area, m.created_at, m.confirmed_at, m.decided_at,
        ${withContacts ? sql`m.email, m.phone, m.address` : sql`null as email, null as phone, null as address`}
      from members m left join neighbourhoods n on n.id = m.neighbourhood_id
      where ${condition} order by m.id`.cursor(500);
    const stamp = new Date().toISOString().slice(0, 10);
    return csvResponse({
      filename: `membres-${stamp}.csv`,
      columns: withContacts ? [...BASE_COLUMNS.slice(0, 2), ...CONTACT_COLUMNS, ...BASE_COLUMNS.slice(2)] : BASE_COLUMNS,
      batches,
      onError: (error) => logger.error({ err: error }, 'members export failed mid-stream'),
    }) as never;
  });
  return app;
}
