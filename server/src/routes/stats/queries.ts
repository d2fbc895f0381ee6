import type { Sql } from '@vigie/db';
import type { PendingQuery, Row } from 'postgres';
import {
  HEAT_CELL,
  type FullStats,
  type ReportCategory,
  type ReportPriority,
  type ReportSource,
  type SectorStats,
  type StatsBySector,
  type StatsSeriesPoint,
} from '@vigie/shared';
import { TIME_ZONE } from '../../rest/dates.ts';
import type { StatsQuery } from './schemas.ts';

/** A period of whole Paris days, `from` and `to` inclusive (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Today in Paris, whatever the server's own time zone. */
export const parisToday = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);

export const addDays = (iso: string, days: number) => {
  const d = utcDay(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
};

/** The same day one year earlier; 29 February becomes the 28th. */
export function yearBefore(iso: string): string {
  const d = utcDay(iso);
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return isoDay(d);
}

export const daysBetween = (from: string, to: string) => Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000);

interface GroupRow {
  g_week: boolean;
  g_month: boolean;
  g_category: boolean;
  g_sector: boolean;
  g_source: boolean;
  week: string | null;
  month: string | null;
  category: ReportCategory | null;
  neighbourhood_id: number | null;
  source: ReportSource | null;
  n: number;
  forwarded: number;
}

type Shape = 'sectors' | 'summary' | 'full';

/** The category and sector filters on a counts rollup (`d`: daily, `w`: weekly). */
function countFilters(sql: Sql, alias: 'd' | 'w', q: Pick<StatsQuery, 'category' | 'neighbourhood_id'>) {
  return sql`${sql(`${alias}.reports`)} <> 0
    ${q.category ? sql`and ${sql(`${alias}.category`)} = any(${q.category as string[]}::text[])` : sql``}
    ${q.neighbourhood_id ? sql`and ${sql(`${alias}.neighbourhood_id`)} = any(${q.neighbourhood_id as number[]}::int[])` : sql``}`;
}

/**
 * A period's counts rollup rows: its whole weeks from `report_stats_weekly`, its edge days from
 * `report_stats_daily` (whose `day` is already a Paris day, so a period is a plain range).
 */
function countRows(sql: Sql, period: Period, q: Pick<StatsQuery, 'category' | 'neighbourhood_id'>) {
  const split = splitWeeks(period);
  const parts = [
    ...(split.weeks
      ? [sql`select w.week, w.month, w.category, w.neighbourhood_id, w.source, w.reports, w.forwarded from report_stats_weekly w
             where w.week >= ${split.weeks.from}::date and w.week < ${split.weeks.until}::date and ${countFilters(sql, 'w', q)}`]
      : []),
    ...split.edges.map((edge) => sql`select d.week, d.month, d.category, d.neighbourhood_id, d.source, d.reports, d.forwarded from report_stats_daily d
             where d.day between ${edge.from}::date and ${edge.to}::date and ${countFilters(sql, 'd', q)}`),
  ];
  return parts.reduce((all, part) => sql`${all} union all ${part}`);
}

/**
 * Every count of a period in one pass over its rollup rows (migrations 00016 and 00019, kept by
 * triggers): `grouping sets` aggregates by week, month, category, sector and source at once, and a
 * year is ~15,000 weekly rollup rows, never the million reports behind them.
 */
function groupedCounts(sql: Sql, period: Period, q: StatsQuery, shape: Shape) {
  const sets =
    shape === 'sectors'
      ? sql`(s.neighbourhood_id), ()`
      : shape === 'summary'
        ? sql`(s.category), (s.neighbourhood_id), (s.source), ()`
        : sql`(s.week, s.category), (s.month, s.category), (s.category), (s.neighbourhood_id), (s.source), ()`;
  const grouped: Record<Shape, readonly string[]> = {
    sectors: ['neighbourhood_id'],
    summary: ['category', 'neighbourhood_id', 'source'],
    full: ['week', 'month', 'category', 'neighbourhood_id', 'source'],
  };
  // grouping() accepts only columns of some grouping set: the others are never grouped by.
  const flag = (column: string, name: string) =>
    grouped[shape].includes(column) ? sql`grouping(${sql(`s.${column}`)}) = 0 as ${sql(name)}` : sql`false as ${sql(name)}`;
  // Weeks and months are grouped as dates and formatted once per group, not once per rollup row.
  const formats: Record<string, string> = { week: 'YYYY-MM-DD', month: 'YYYY-MM' };
  const value = (column: string) =>
    !grouped[shape].includes(column)
      ? sql`null as ${sql(column)}`
      : formats[column]
        ? sql`to_char(${sql(`s.${column}`)}, ${formats[column]}) as ${sql(column)}`
        : sql(`s.${column}`);
  return sql<GroupRow[]>`
    select ${flag('week', 'g_week')}, ${flag('month', 'g_month')}, ${flag('category', 'g_category')},
           ${flag('neighbourhood_id', 'g_sector')}, ${flag('source', 'g_source')},
           ${value('week')}, ${value('month')}, ${value('category')}, ${value('neighbourhood_id')}, ${value('source')},
           coalesce(sum(s.reports), 0)::int as n, coalesce(sum(s.forwarded), 0)::int as forwarded
    from (${countRows(sql, period, q)}) s (week, month, category, neighbourhood_id, source, reports, forwarded)
    group by grouping sets (${sets})`;
}

/**
 * A period cut for the rollups of migration 00019: its whole Monday-to-Sunday weeks, read from the
 * weekly rows, and the days before the first and after the last of them (at most 6 + 6, or the
 * whole period when it holds no whole week), read from the daily rows.
 */
export interface WeeklySplit {
  /** Mondays: the weekly rows `weeks.from <= since < weeks.until`; null when there is none. */
  weeks: { from: string; until: string } | null;
  /** Periods of whole days read from the daily rows. */
  edges: Period[];
}

/** ISO day of the week of a YYYY-MM-DD day, Monday = 1 … Sunday = 7. */
const isoDow = (iso: string) => ((utcDay(iso).getUTCDay() + 6) % 7) + 1;

export function splitWeeks(period: Period): WeeklySplit {
  const first = addDays(period.from, (8 - isoDow(period.from)) % 7); // the first Monday on or after `from`
  const until = addDays(period.to, 1 - (isoDow(addDays(period.to, 1)) - 1)); // the Monday of the week after the last whole one
  if (first >= until) return { weeks: null, edges: [period] };
  const edges: Period[] = [];
  if (period.from < first) edges.push({ from: period.from, to: addDays(first, -1) });
  if (until <= period.to) edges.push({ from: until, to: period.to });
  return { weeks: { from: first, until }, edges };
}

/**
 * The rollup rows covering a period (whole weeks, then edge days), each range in the scope of the
 * filters (see migration 00019): one index-only range scan of the rollup's key per part.
 */
function rollupParts(sql: Sql, table: 'report_heat_rollup' | 'report_delay_rollup', columns: PendingQuery<Row[]>, period: Period, q: StatsQuery) {
  const split = splitWeeks(period);
  const ranges: Array<[days: 1 | 7, from: string, until: string]> = [
    ...(split.weeks ? [[7, split.weeks.from, split.weeks.until] as [7, string, string]] : []),
    ...split.edges.map((edge) => [1, edge.from, addDays(edge.to, 1)] as [1, string, string]),
  ];
  return ranges
    .map(([days, from, until]) => sql`
      select ${columns} from ${sql(table)} x
      where x.category ${q.category ? sql`= any(${q.category as string[]}::text[])` : sql`= ''`}
        and x.neighbourhood_id ${q.neighbourhood_id ? sql`= any(${q.neighbourhood_id as number[]}::int[])` : sql`= 0`}
        and x.days = ${days} and x.since >= ${from}::date and x.since < ${until}::date
        and x.reports <> 0`)
    .reduce((all, part) => sql`${all} union all ${part}`);
}

/** Heat cells of the period, from `report_heat_rollup` (cut by `stats_cell_y/x`, the shared HEAT_CELL). */
function heatCells(sql: Sql, period: Period, q: StatsQuery) {
  return sql<Array<{ cy: number; cx: number; n: number }>>`
    select cy, cx, sum(n)::int as n from (${rollupParts(sql, 'report_heat_rollup', sql`x.cy, x.cx, x.reports`, period, q)}) c (cy, cx, n)
    group by 1, 2 having sum(n) <> 0`;
}

/**
 * Median minutes to the first status past « nouveau » and to closing, per priority. Medians cannot
 * be summed, histograms can: `report_delay_rollup` counts the delays in buckets (1 minute under an
 * hour, then 5 min, 15 min, 1 h, 1 day: `stats_delay_bucket`, migration 00019). The median is read
 * from the period's cumulative histogram like `percentile_cont(0.5)` reads sorted values (the mean
 * of the two middle ones for an even count), each middle value placed evenly inside its bucket: it
 * stays inside the bucket of the exact value, so it is off by less than one bucket's width (one
 * minute under an hour). `rollup.test.ts` checks that bound against `percentile_cont`.
 */
function durations(sql: Sql, period: Period, q: StatsQuery) {
  return sql<Array<{ priority: ReportPriority; kind: 'acknowledge' | 'close'; total: number; minutes: number }>>`
    with histogram as (
      select priority, kind, bucket, sum(n) as n
      from (${rollupParts(sql, 'report_delay_rollup', sql`x.priority, x.kind, x.bucket, x.reports`, period, q)}) h (priority, kind, bucket, n)
      group by 1, 2, 3 having sum(n) > 0
    ), cumulative as (
      select priority, kind, bucket, n,
             sum(n) over (partition by priority, kind order by bucket) - n as before,
             sum(n) over (partition by priority, kind) as total
      from histogram
    )
    select c.priority, c.kind, c.total::int as total,
           round(avg(c.bucket + stats_delay_width(c.bucket) * (m.rank - c.before + 0.5) / c.n) / 60, 1)::float8 as minutes
    from cumulative c
    cross join lateral (values (floor((c.total - 1) / 2.0)), (ceil((c.total - 1) / 2.0))) m (rank)
    where m.rank >= c.before and m.rank < c.before + c.n
    group by 1, 2, 3`;
}

const PRIORITY_ORDER: readonly ReportPriority[] = ['urgent', 'high', 'normal', 'low'];

function bySector(current: GroupRow[], previous: GroupRow[], names: Map<number, string>): StatsBySector[] {
  const rows = new Map<number | null, StatsBySector>();
  const slot = (id: number | null) => {
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { neighbourhood_id: id, name: id === null ? null : (names.get(id) ?? null), count: 0, previous: 0 }));
    return row;
  };
  for (const r of current) if (r.g_sector) slot(r.neighbourhood_id).count = r.n;
  for (const r of previous) if (r.g_sector) slot(r.neighbourhood_id).previous = r.n;
  return [...rows.values()].sort((a, b) => b.count - a.count || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'fr'));
}

const total = (rows: GroupRow[]) => rows.find((r) => !r.g_week && !r.g_month && !r.g_category && !r.g_sector && !r.g_source);

async function sectorNames(sql: Sql) {
  const rows = await sql<{ id: number; name: string }[]>`select id, name from neighbourhoods`;
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The town hall's view: how many reports per sector, this period and a year before. */
export async function sectorStats(sql: Sql, period: Period, q: StatsQuery): Promise<SectorStats> {
  const previous = { from: yearBefore(period.from), to: yearBefore(period.to) };
  const [now, before, names] = await Promise.all([
    groupedCounts(sql, period, q, 'sectors'),
    groupedCounts(sql, previous, q, 'sectors'),
    sectorNames(sql),
  ]);
  return {
    scope: 'sectors',
    ...period,
    total: total(now)?.n ?? 0,
    previous_total: total(before)?.n ?? 0,
    by_sector: bySector(now, before, names),
  };
}

/** Every figure of the statistics page and of the monthly « bilan ». */
export async function fullStats(sql: Sql, period: Period, q: StatsQuery): Promise<FullStats> {
  const previous = { from: yearBefore(period.from), to: yearBefore(period.to) };
  const [now, before, timing, cells, names] = await Promise.all([
    groupedCounts(sql, period, q, 'full'),
    groupedCounts(sql, previous, q, 'summary'),
    durations(sql, period, q),
    heatCells(sql, period, q),
    sectorNames(sql),
  ]);
  const series = (pick: (r: GroupRow) => boolean, key: (r: GroupRow) => string | null): StatsSeriesPoint[] =>
    now
      .filter(pick)
      .map((r) => ({ period: key(r)!, category: r.category!, count: r.n }))
      .sort((a, b) => a.period.localeCompare(b.period) || a.category.localeCompare(b.category));
  const pair = <K extends 'category' | 'source'>(flag: 'g_category' | 'g_source', key: K) => {
    const map = new Map<string, { count: number; previous: number }>();
    for (const r of now) if (r[flag] && !r.g_week && !r.g_month) map.set(r[key]!, { count: r.n, previous: 0 });
    for (const r of before) if (r[flag]) map.set(r[key]!, { count: map.get(r[key]!)?.count ?? 0, previous: r.n });
    return [...map].map(([k, v]) => ({ [key]: k, ...v }) as { [P in K]: NonNullable<GroupRow[P]> } & { count: number; previous: number }).sort((a, b) => b.count - a.count || b.previous - a.previous || String(a[key]).localeCompare(String(b[key])));
  };
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const byPriority = new Map<ReportPriority, FullStats['durations'][number]>();
  for (const t of timing) {
    const row = byPriority.get(t.priority) ?? { priority: t.priority, acknowledge_minutes: null, acknowledged: 0, close_minutes: null, closed: 0 };
    if (t.kind === 'acknowledge') Object.assign(row, { acknowledge_minutes: t.minutes, acknowledged: t.total });
    else Object.assign(row, { close_minutes: t.minutes, closed: t.total });
    byPriority.set(t.priority, row);
  }
  return {
    scope: 'full',
    ...period,
    previous_from: previous.from,
    previous_to: previous.to,
    total: total(now)?.n ?? 0,
    previous_total: total(before)?.n ?? 0,
    by_category: pair('g_category', 'category'),
    by_sector: bySector(now, before, names),
    by_source: pair('g_source', 'source'),
    by_week: series((r) => r.g_week, (r) => r.week),
    by_month: series((r) => r.g_month, (r) => r.month),
    durations: PRIORITY_ORDER.map(
      (priority) => byPriority.get(priority) ?? { priority, acknowledge_minutes: null, acknowledged: 0, close_minutes: null, closed: 0 },
    ),
    forwarded: { count: total(now)?.forwarded ?? 0, previous: total(before)?.forwarded ?? 0 },
    heat: {
      cell: HEAT_CELL,
      cells: cells.map((r) => ({ lat: round(r.cy * HEAT_CELL.lat), lng: round(r.cx * HEAT_CELL.lng), count: r.n })),
    },
  };
}
