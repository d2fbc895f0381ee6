import type { Sql, TxSql } from '@vigie/db';
import type { Report, ReportReporter } from '@vigie/shared';
import { estimateRows, knownTotal, pageTotal, where, type ListQuery } from '../../rest/listQuery.ts';
import { dateCondition } from '../../rest/dates.ts';
import type { ReportFilter } from './schemas.ts';

type AnySql = Sql | TxSql;

// The columns of a report as the API and socket events show it; reporter details are separate.
const columns = (sql: AnySql) => sql`
  r.id, r.category, r.status, r.priority, r.description, r.lat, r.lng, r.address,
  r.neighbourhood_id, r.out_of_area, r.source, r.partner_id, r.external_id, r.member_id,
  r.assigned_to, (select s.full_name from staff s where s.id = r.assigned_to) as assigned_to_name,
  r.emergency, r.incident_id, r.forwarded_reference, r.received_at, r.occurred_at, r.updated_at`;

export const REPORT_SORTS = ['id', 'received_at', 'updated_at', 'status', 'priority', 'category'] as const;

// Priority and status sort by their meaning, not alphabetically.
export const sortExpression = (sql: Sql, field: string) => {
  switch (field) {
    case 'priority':
      // reports_open_rank_idx (migration 00007) indexes this very expression: change both or neither.
      return sql`array_position(array['low','normal','high','urgent'], r.priority)`;
    case 'status':
      return sql`array_position(array['new','acknowledged','in_progress','forwarded','resolved','dismissed'], r.status)`;
    default:
      return sql(`r.${field}`);
  }
};

/**
 * `column = value` for one value, `= any(array)` for several: only the first tells the planner the
 * column is fixed, so that a (column, received_at, id) index yields rows already in order.
 */
function oneOf(sql: Sql, column: string, values: readonly (string | number)[], type: 'text' | 'int') {
  if (values.length === 1) return sql`${sql(column)} = ${values[0]!}`;
  return type === 'int' ? sql`${sql(column)} = any(${values as number[]}::int[])` : sql`${sql(column)} = any(${values as string[]}::text[])`;
}

/** The query folded like the document (migration 00010), so « velo » finds « vélo » through the GIN index. */
export const textMatch = (sql: Sql, q: string) => sql`r.search @@ websearch_to_tsquery('french', vigie_unaccent(${q}))`;

/** The list's where clause; statistics and the CSV export reuse it so that they count what the list shows. */
export function filterCondition(sql: Sql, f: ReportFilter) {
  const q = f.q?.trim();
  return where(sql, [
    f.id && oneOf(sql, 'r.id', f.id, 'int'),
    f.status && oneOf(sql, 'r.status', f.status, 'text'),
    f.category && oneOf(sql, 'r.category', f.category, 'text'),
    f.priority && oneOf(sql, 'r.priority', f.priority, 'text'),
    f.source && oneOf(sql, 'r.source', f.source, 'text'),
    f.neighbourhood_id && oneOf(sql, 'r.neighbourhood_id', f.neighbourhood_id, 'int'),
    f.assigned_to && oneOf(sql, 'r.assigned_to', f.assigned_to, 'int'),
    f.member_id && oneOf(sql, 'r.member_id', f.member_id, 'int'),
    f.incident_id && oneOf(sql, 'r.incident_id', f.incident_id, 'int'),
    f.out_of_area !== undefined && sql`r.out_of_area = ${f.out_of_area}`,
    f.received_at_gte && dateCondition(sql, 'r.received_at', f.received_at_gte, 'gte'),
    f.received_at_lte && dateCondition(sql, 'r.received_at', f.received_at_lte, 'lte'),
    q && (/^\d{1,9}$/.test(q)
      ? sql`(r.id = ${Number(q)} or ${textMatch(sql, q)})`
      : textMatch(sql, q)),
  ]);
}

const directionOf = (sql: Sql, order: 'ASC' | 'DESC') => (order === 'ASC' ? sql`asc` : sql`desc`);

/**
 * A full-text page sorted by one of these walks the sort's index and tests each report; the other
 * sorts (by meaning: priority, status, category) sort every match.
 */
const WINDOWED_SORTS: ReadonlySet<string> = new Set(['id', 'received_at', 'updated_at']);

/**
 * How many reports, first in the sort order, a full-text page walks before it turns to the GIN
 * index. The walk finds a common word's page within a few hundred reports but would read the whole
 * table for a word nobody wrote; the GIN index costs a row read per match, cheap only when matches
 * are few. Past a window that did not fill the page they are (a word rare at the top is rare), and
 * the worst of either side is least near √(25 × 4 × reports): 10,000 at a million.
 */
export const SEARCH_WINDOW = 10_000;

/**
 * The first `size` reports in the sort order. Its limit makes the walk the only plan: a planner that
 * guessed a word rare would otherwise read all its matches through the GIN index, at any cost.
 */
const windowOf = (sql: Sql, sort: ListQuery<ReportFilter>['sort'], size: number) => {
  const direction = directionOf(sql, sort.order);
  return sql`(select * from reports r order by ${sortExpression(sql, sort.field)} ${direction}, r.id ${direction} limit ${size}) r`;
};

/**
 * The page query of the list, also used by the EXPLAIN test that keeps every list index-backed.
 * With `window`, the page is looked for among the first `window` reports in the sort order only.
 */
export function reportPageQuery(sql: Sql, query: ListQuery<ReportFilter>, window?: number) {
  const direction = directionOf(sql, query.sort.order);
  return sql<Report[]>`
    select ${columns(sql)} from ${window ? windowOf(sql, query.sort, window) : sql`reports r`}
    where ${filterCondition(sql, query.filter)}
    order by ${sortExpression(sql, query.sort.field)} ${direction}, r.id ${direction}
    limit ${query.limit} offset ${query.offset}`;
}

/**
 * A full-text page past the window: every match is read through the GIN index, then the ones past
 * the window's edge sorted. `materialized` keeps the planner from walking the sort index instead,
 * as it would under a limit for a word it guesses common (through the whole table for a word nobody
 * wrote), and the edge out of the scan, where it would turn into a range of most of the table.
 */
export function searchTailQuery(sql: Sql, query: ListQuery<ReportFilter>, window: number) {
  const direction = directionOf(sql, query.sort.order);
  const key = sortExpression(sql, query.sort.field);
  // The window's last report, compared on (key, id) as its limit cut: ties on the key fall on either side.
  const edge = sql`(select ${key}, r.id from reports r order by ${key} ${direction}, r.id ${direction} offset ${window - 1} limit 1)`;
  return sql<Report[]>`
    with matches as materialized (select r.id, ${key} as key from reports r where ${filterCondition(sql, query.filter)})
    select ${columns(sql)} from reports r
    join (
      select id from matches where (key, id) ${query.sort.order === 'ASC' ? sql`>` : sql`<`} ${edge}
      order by key ${direction}, id ${direction} limit ${query.limit} offset ${query.offset}
    ) page on page.id = r.id
    order by ${key} ${direction}, r.id ${direction}`;
}

/** A full-text page: from the window when it holds the page, else completed from past its edge. */
async function searchPage(sql: Sql, query: ListQuery<ReportFilter>, window: number): Promise<Report[]> {
  const head = await reportPageQuery(sql, query, window);
  if (head.length === query.limit) return head;
  // Matches in the window before this page: the page tells, unless it came back empty past the start.
  let inWindow = query.offset + head.length;
  if (head.length === 0 && query.offset > 0) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from ${windowOf(sql, query.sort, window)} where ${filterCondition(sql, query.filter)}`;
    inWindow = row!.n;
  }
  const rest = { ...query, offset: Math.max(0, query.offset - inWindow), limit: query.limit - head.length };
  return [...head, ...(await searchTailQuery(sql, rest, window))];
}

/** A full-text total is exact up to this many matches (four pages), an estimate past it. */
export const SEARCH_COUNT_CAP = 100;
const NEWEST: ListQuery<ReportFilter>['sort'] = { field: 'received_at', order: 'DESC' };

/**
 * Where the newest window holds its match past the cap, if it does: the rate of matches among the
 * newest reports. Walked, like a page, so that a common word answers within a few hundred reports.
 */
export function searchDensityQuery(sql: Sql, filter: ReportFilter, window: number) {
  return sql<{ at: number; reports: number }[]>`
    select w.at, (select reltuples from pg_class where oid = 'reports'::regclass)::float8 as reports
    from (
      select row_number() over (order by r.received_at desc, r.id desc)::int as at, ${filterCondition(sql, filter)} as hit
      from ${windowOf(sql, NEWEST, window)}
    ) w
    where w.hit offset ${SEARCH_COUNT_CAP} limit 1`;
}

/** Every match through the GIN index, counted up to one past the cap (`materialized`: see the tail). */
export function searchCountQuery(sql: Sql, filter: ReportFilter) {
  return sql<{ n: number }[]>`
    with matches as materialized (select 1 from reports r where ${filterCondition(sql, filter)})
    select count(*)::int as n from (select 1 from matches limit ${SEARCH_COUNT_CAP + 1}) capped`;
}

/**
 * The total of a full page of matches. A word past the cap in the newest window is extrapolated
 * from its rate there (recent usage, which is what an officer searches); one rarer than that has
 * few matches, counted exactly through the GIN index, and estimated only if the past held more.
 */
async function searchTotal(sql: Sql, filter: ReportFilter, window: number): Promise<number> {
  const [dense] = await searchDensityQuery(sql, filter, window);
  // `reports` is the table's size as last analyzed (-1 before that: the cap then stands).
  if (dense) return Math.max(SEARCH_COUNT_CAP + 1, Math.round(((SEARCH_COUNT_CAP + 1) / dense.at) * dense.reports));
  const [counted] = await searchCountQuery(sql, filter);
  const n = counted!.n;
  if (n <= SEARCH_COUNT_CAP) return n;
  return Math.max(n, await estimateRows(sql, sql`reports r`, filterCondition(sql, filter)));
}

/** The few fields the map draws, for every report matching the filter, newest first. */
export function reportPoints(sql: Sql, filter: ReportFilter, limit: number) {
  return sql<Array<Pick<Report, 'id' | 'lat' | 'lng' | 'status' | 'category' | 'priority'> & { received_at: Date }>>`
    select r.id, r.lat, r.lng, r.status, r.category, r.priority, r.received_at
    from reports r where ${filterCondition(sql, filter)}
    order by r.received_at desc, r.id desc limit ${limit}`;
}

export async function listReports(sql: Sql, query: ListQuery<ReportFilter>, searchWindow = SEARCH_WINDOW) {
  if (!query.filter.q?.trim()) {
    const rows = await reportPageQuery(sql, query);
    return { rows, total: await pageTotal(sql, query, rows.length, sql`reports r`, filterCondition(sql, query.filter)) };
  }
  const rows = WINDOWED_SORTS.has(query.sort.field) ? await searchPage(sql, query, searchWindow) : await reportPageQuery(sql, query);
  return { rows, total: knownTotal(query, rows.length) ?? (await searchTotal(sql, query.filter, searchWindow)) };
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

/** The sector containing a point, and whether the point lies outside the commune (the intake's batch insert does the same per row). */
export async function locate(sql: AnySql, boundary: string, lat: number, lng: number) {
  const [row] = await sql<{ neighbourhood_id: number | null; out_of_area: boolean }[]>`
    select (select id from neighbourhoods where area @> point(${lng}, ${lat}) order by id limit 1) as neighbourhood_id,
           not (${boundary}::polygon @> point(${lng}, ${lat})) as out_of_area`;
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
