import type { Sql } from '@vigie/db';
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
import { filterCondition } from '../reports/queries.ts';
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

/** The reports list's own filter builder, so that a figure and the list it summarises always agree. */
function condition(sql: Sql, period: Period, q: Pick<StatsQuery, 'category' | 'neighbourhood_id'>) {
  return filterCondition(sql, {
    category: q.category,
    neighbourhood_id: q.neighbourhood_id,
    received_at_gte: { value: period.from, dateOnly: true },
    received_at_lte: { value: period.to, dateOnly: true },
  });
}

interface GroupRow {
  g_week: boolean;
  g_month: boolean;
  g_category: boolean;
  g_sector: boolean;
  g_source: boolean;
  g_cell: boolean;
  week: string | null;
  month: string | null;
  category: ReportCategory | null;
  neighbourhood_id: number | null;
  source: ReportSource | null;
  cy: number | null;
  cx: number | null;
  n: number;
  forwarded: number;
}

type Shape = 'sectors' | 'summary' | 'full';

/**
 * Every count of a period in one pass over its reports: `grouping sets` lets PostgreSQL aggregate
 * by week, month, category, sector, source and heat cell from a single scan (of the covering
 * index of migration 00009), and only the aggregates come back to the server.
 */
function groupedCounts(sql: Sql, period: Period, q: StatsQuery, shape: Shape) {
  const sets =
    shape === 'sectors'
      ? sql`(s.neighbourhood_id), ()`
      : shape === 'summary'
        ? sql`(s.category), (s.neighbourhood_id), (s.source), ()`
        : sql`(s.week, s.category), (s.month, s.category), (s.category), (s.neighbourhood_id), (s.source), (s.cy, s.cx), ()`;
  const grouped: Record<Shape, readonly string[]> = {
    sectors: ['neighbourhood_id'],
    summary: ['category', 'neighbourhood_id', 'source'],
    full: ['week', 'month', 'category', 'neighbourhood_id', 'source', 'cy'],
  };
  // grouping() accepts only columns of some grouping set: the others are never grouped by.
  const flag = (column: string, name: string) =>
    grouped[shape].includes(column) ? sql`grouping(${sql(`s.${column}`)}) = 0 as ${sql(name)}` : sql`false as ${sql(name)}`;
  const value = (column: string) =>
    grouped[shape].includes(column === 'cx' ? 'cy' : column) ? sql(`s.${column}`) : sql`null as ${sql(column)}`;
  return sql<GroupRow[]>`
    select ${flag('week', 'g_week')}, ${flag('month', 'g_month')}, ${flag('category', 'g_category')},
           ${flag('neighbourhood_id', 'g_sector')}, ${flag('source', 'g_source')}, ${flag('cy', 'g_cell')},
           ${value('week')}, ${value('month')}, ${value('category')}, ${value('neighbourhood_id')}, ${value('source')}, ${value('cy')}, ${value('cx')},
           count(*)::int as n, count(*) filter (where s.status = 'forwarded')::int as forwarded
    from (
      select to_char(date_trunc('week', r.received_at at time zone ${TIME_ZONE}), 'YYYY-MM-DD') as week,
             to_char(r.received_at at time zone ${TIME_ZONE}, 'YYYY-MM') as month,
             r.category, r.neighbourhood_id, r.source, r.status,
             floor(r.lat / ${HEAT_CELL.lat}::float8)::int as cy, floor(r.lng / ${HEAT_CELL.lng}::float8)::int as cx
      from reports r
      where ${condition(sql, period, q)}
    ) s
    group by grouping sets (${sets})`;
}

/**
 * Median minutes to the first status past « nouveau » and to the first closing status, per
 * priority, from the status changes of the timeline (report_events).
 */
function durations(sql: Sql, period: Period, q: StatsQuery) {
  return sql<FullStats['durations']>`
    select r.priority,
           round((percentile_cont(0.5) within group (order by extract(epoch from e.ack_at - r.received_at)))::numeric / 60, 1)::float8 as acknowledge_minutes,
           count(e.ack_at)::int as acknowledged,
           round((percentile_cont(0.5) within group (order by extract(epoch from e.close_at - r.received_at)))::numeric / 60, 1)::float8 as close_minutes,
           count(e.close_at)::int as closed
    from reports r
    cross join lateral (
      select min(ev.at) filter (where ev.to_value <> 'new') as ack_at,
             min(ev.at) filter (where ev.to_value in ('resolved', 'dismissed', 'forwarded')) as close_at
      from report_events ev where ev.report_id = r.id and ev.action = 'status'
    ) e
    where ${condition(sql, period, q)}
    group by r.priority
    order by array_position(array['low', 'normal', 'high', 'urgent'], r.priority)`;
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

const total = (rows: GroupRow[]) => rows.find((r) => !r.g_week && !r.g_month && !r.g_category && !r.g_sector && !r.g_source && !r.g_cell);

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
  const [now, before, timing, names] = await Promise.all([
    groupedCounts(sql, period, q, 'full'),
    groupedCounts(sql, previous, q, 'summary'),
    durations(sql, period, q),
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
  const byPriority = new Map(timing.map((t) => [t.priority, t]));
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
      cells: now.filter((r) => r.g_cell).map((r) => ({ lat: round(r.cy! * HEAT_CELL.lat), lng: round(r.cx! * HEAT_CELL.lng), count: r.n })),
    },
  };
}
