import type { Sql, TxSql } from '@vigie/db';
import type { Report, ReportReporter } from '@vigie/shared';
import { pageTotal, where, type ListQuery } from '../../rest/listQuery.ts';
import { dateCondition } from '../../rest/dates.ts';
import type { ReportFilter } from './schemas.ts';

type AnySql = Sql | TxSql;

// The columns of a report as the API and socket events show it; reporter details are separate.
const columns = (sql: AnySql) => sql`
  r.id, r.category, r.status, r.priority, r.description, r.lat, r.lng, r.address,
  r.neighbourhood_id, r.out_of_area, r.source, r.partner_id, r.external_id, r.member_id,
  r.assigned_to, (select s.full_name from staff s where s.id = r.assigned_to) as assigned_to_name,
  r.emergency, r.incident_id, r.received_at, r.occurred_at, r.updated_at`;

export const REPORT_SORTS = ['id', 'received_at', 'updated_at', 'status', 'priority', 'category'] as const;

// Priority and status sort by their meaning, not alphabetically.
const sortExpression = (sql: Sql, field: string) => {
  switch (field) {
    case 'priority':
      return sql`array_position(array['low','normal','high','urgent'], r.priority)`;
    case 'status':
      return sql`array_position(array['new','acknowledged','in_progress','forwarded','resolved','dismissed'], r.status)`;
    default:
      return sql(`r.${field}`);
  }
};

function filterCondition(sql: Sql, f: ReportFilter) {
  const q = f.q?.trim();
  return where(sql, [
    f.id && sql`r.id = any(${f.id}::int[])`,
    f.status && sql`r.status = any(${f.status}::text[])`,
    f.category && sql`r.category = any(${f.category}::text[])`,
    f.priority && sql`r.priority = any(${f.priority}::text[])`,
    f.source && sql`r.source = any(${f.source}::text[])`,
    f.neighbourhood_id && sql`r.neighbourhood_id = any(${f.neighbourhood_id}::int[])`,
    f.assigned_to && sql`r.assigned_to = any(${f.assigned_to}::int[])`,
    f.member_id && sql`r.member_id = any(${f.member_id}::int[])`,
    f.incident_id && sql`r.incident_id = any(${f.incident_id}::int[])`,
    f.out_of_area !== undefined && sql`r.out_of_area = ${f.out_of_area}`,
    f.received_at_gte && dateCondition(sql, 'r.received_at', f.received_at_gte, 'gte'),
    f.received_at_lte && dateCondition(sql, 'r.received_at', f.received_at_lte, 'lte'),
    q && (/^\d{1,9}$/.test(q)
      ? sql`(r.id = ${Number(q)} or r.search @@ websearch_to_tsquery('french', ${q}))`
      : sql`r.search @@ websearch_to_tsquery('french', ${q})`),
  ]);
}

/** The page query of the list, also used by the EXPLAIN test that keeps every list index-backed. */
export function reportPageQuery(sql: Sql, query: ListQuery<ReportFilter>) {
  const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
  return sql<Report[]>`
    select ${columns(sql)} from reports r
    where ${filterCondition(sql, query.filter)}
    order by ${sortExpression(sql, query.sort.field)} ${direction}, r.id ${direction}
    limit ${query.limit} offset ${query.offset}`;
}

/** The few fields the map draws, for every report matching the filter, newest first. */
export function reportPoints(sql: Sql, filter: ReportFilter, limit: number) {
  return sql<Array<Pick<Report, 'id' | 'lat' | 'lng' | 'status' | 'category' | 'priority'> & { received_at: Date }>>`
    select r.id, r.lat, r.lng, r.status, r.category, r.priority, r.received_at
    from reports r where ${filterCondition(sql, filter)}
    order by r.received_at desc, r.id desc limit ${limit}`;
}

export async function listReports(sql: Sql, query: ListQuery<ReportFilter>) {
  const rows = await reportPageQuery(sql, query);
  // Every full-text match costs a row read: count those exactly only up to a thousand, then estimate.
  const cap = query.filter.q ? 1_000 : undefined;
  const total = await pageTotal(sql, query, rows.length, sql`reports r`, filterCondition(sql, query.filter), cap);
  return { rows, total };
}

export async function getReport(sql: AnySql, id: number): Promise<Report | undefined> {
  const [row] = await sql<Report[]>`select ${columns(sql)} from reports r where r.id = ${id}`;
  return row;
}

export async function getReporter(sql: AnySql, id: number): Promise<ReportReporter & { member_id: number | null }> {
  const [row] = await sql<(ReportReporter & { member_id: number | null })[]>`
    select reporter_name, reporter_phone, member_id from reports where id = ${id}`;
  return row ?? { reporter_name: null, reporter_phone: null, member_id: null };
}

/** An incident: its primary report first, then the reports linked to it, oldest first. */
export async function getIncident(sql: AnySql, primary: number): Promise<Report[]> {
  return sql<Report[]>`
    select ${columns(sql)} from reports r where r.id = ${primary} or r.incident_id = ${primary}
    order by (r.id = ${primary}) desc, r.received_at, r.id`;
}

/** `neighbourhood_id` (the sector containing the point) and `out_of_area` (outside the commune), as select columns. */
export const placeColumns = (sql: AnySql, boundary: string, lat: number, lng: number) => sql`
  (select id from neighbourhoods where area @> point(${lng}, ${lat}) order by id limit 1) as neighbourhood_id,
  not (${boundary}::polygon @> point(${lng}, ${lat})) as out_of_area`;

/** The sector containing a point, and whether the point lies outside the commune. */
export async function locate(sql: AnySql, boundary: string, lat: number, lng: number) {
  const [row] = await sql<{ neighbourhood_id: number | null; out_of_area: boolean }[]>`select ${placeColumns(sql, boundary, lat, lng)}`;
  return row!;
}

/** Within this distance and time of each other, two reports of one category may be one incident. */
export const DUPLICATE_RADIUS_M = 200;
export const DUPLICATE_WINDOW_MIN = 30;

/**
 * Reports of the same category within 200 m and 30 minutes of this one. A bounding box on lat/lng
 * narrows the rows the (category, received_at) index yields before the exact distance is computed.
 */
export async function possibleDuplicates(sql: AnySql, report: Pick<Report, 'id' | 'category' | 'lat' | 'lng' | 'received_at'>) {
  const dLat = DUPLICATE_RADIUS_M / 111_320;
  const dLng = DUPLICATE_RADIUS_M / (111_320 * Math.cos((report.lat * Math.PI) / 180));
  return sql<(Report & { distance_m: number })[]>`
    select ${columns(sql)},
           round(sqrt(power((r.lng - ${report.lng}) * cos(radians(${report.lat})) * 111320, 2) + power((r.lat - ${report.lat}) * 111320, 2)))::int as distance_m
    from reports r
    where r.category = ${report.category} and r.id <> ${report.id}
      and r.received_at between ${report.received_at}::timestamptz - make_interval(mins => ${DUPLICATE_WINDOW_MIN})
                            and ${report.received_at}::timestamptz + make_interval(mins => ${DUPLICATE_WINDOW_MIN})
      and r.lat between ${report.lat - dLat} and ${report.lat + dLat}
      and r.lng between ${report.lng - dLng} and ${report.lng + dLng}
      and sqrt(power((r.lng - ${report.lng}) * cos(radians(${report.lat})) * 111320, 2) + power((r.lat - ${report.lat}) * 111320, 2)) <= ${DUPLICATE_RADIUS_M}
    order by r.received_at, r.id
    limit 50`;
}
