import type { ReportCategory } from '@vigie/shared';

export interface StatsFilters {
  from: string;
  to: string;
  category: ReportCategory | '';
  neighbourhood_id: number | '';
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last 12 full weeks up to today: what a chief looks at on a Monday morning. */
export function defaultFilters(today = new Date()): StatsFilters {
  const to = isoDay(today);
  const from = new Date(`${to}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 83);
  return { from: isoDay(from), to, category: '', neighbourhood_id: '' };
}

/** The server's query string; empty filters are left out rather than sent blank. */
export function statsUrl(f: StatsFilters): string {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (f.category) params.set('category', f.category);
  if (f.neighbourhood_id !== '') params.set('neighbourhood_id', String(f.neighbourhood_id));
  return `/api/stats?${params}`;
}

/** Rows of a by-category series pivoted into one object per period, as a stacked chart wants them. */
export function pivot<K extends string>(points: ReadonlyArray<{ period: string; category: K; count: number }>) {
  const byPeriod = new Map<string, Record<string, number | string>>();
  const keys = new Set<K>();
  for (const p of points) {
    keys.add(p.category);
    const row = byPeriod.get(p.period) ?? { period: p.period };
    row[p.category] = p.count;
    byPeriod.set(p.period, row);
  }
  const rows = [...byPeriod.values()];
  for (const row of rows) for (const k of keys) row[k] ??= 0;
  return { rows, keys: [...keys] };
}
