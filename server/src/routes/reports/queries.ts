import type { Sql, TxSql } from '@vigie/db';
import type { Report, ReportReporter } from '@vigie/shared';
import { countRows, where, type ListQuery } from '../../rest/listQuery.ts';
import { dateCondition } from '../../rest/dates.ts';
import type { ReportFilter } from './schemas.ts';

type AnySql = Sql | TxSql;

// The columns of a report as the API and socket events show it; reporter details are separate.
const columns = (sql: AnySql) => sql`
  r.id, r.category, r.status, r.priority, r.description, r.lat, r.lng, r.address,
  r.neighbourhood_id, r.out_of_area, r.source, r.partner_id, r.external_id, r.member_id,
  r.assigned_to, r.received_at, r.occurred_at, r.updated_at`;

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
    f.out_of_area !== undefined && sql`r.out_of_area = ${f.out_of_area}`,
    f.received_at_gte && dateCondition(sql, 'r.received_at', f.received_at_gte, 'gte'),
    f.received_at_lte && dateCondition(sql, 'r.received_at', f.received_at_lte, 'lte'),
    q && (/^\d{1,9}$/.test(q)
      ? sql`(r.id = ${Number(q)} or r.search @@ websearch_to_tsquery('french', ${q}))`
      : sql`r.search @@ websearch_to_tsquery('french', ${q})`),
  ]);
}

export async function listReports(sql: Sql, query: ListQuery<ReportFilter>) {
  const condition = filterCondition(sql, query.filter);
  const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
  const rows = await sql<Report[]>`
    select ${columns(sql)} from reports r
    where ${condition}
    order by ${sortExpression(sql, query.sort.field)} ${direction}, r.id ${direction}
    limit ${query.limit} offset ${query.offset}`;
  const total = rows.length < query.limit && (query.offset === 0 || rows.length > 0)
    ? query.offset + rows.length
    : await countRows(sql, sql`reports r`, condition);
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

/** The sector containing a point, and whether the point lies outside the commune. */
export async function locate(sql: AnySql, boundary: string, lat: number, lng: number) {
  const [row] = await sql<{ neighbourhood_id: number | null; out_of_area: boolean }[]>`
    select (select id from neighbourhoods where area @> point(${lng}, ${lat}) order by id limit 1) as neighbourhood_id,
           not (${boundary}::polygon @> point(${lng}, ${lat})) as out_of_area`;
  return row!;
}
