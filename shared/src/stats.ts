import type { ReportCategory, ReportPriority, ReportSource } from './reports.ts';

/**
 * Heat-map cells: about 100 m a side at the commune's latitude (48.8° N). A cell is named by its
 * south-west corner; no individual report position ever leaves the server.
 */
export const HEAT_CELL = { lat: 0.0009, lng: 0.0013 } as const;

export interface StatsByCategory {
  category: ReportCategory;
  count: number;
  previous: number;
}
export interface StatsBySector {
  /** null: outside every sector (out of the commune, or a gap between sectors). */
  neighbourhood_id: number | null;
  name: string | null;
  count: number;
  previous: number;
}
export interface StatsBySource {
  source: ReportSource;
  count: number;
  previous: number;
}
/** One bucket of a time series: the Monday of the week (`2026-11-02`) or the month (`2026-11`), Paris time. */
export interface StatsSeriesPoint {
  period: string;
  category: ReportCategory;
  count: number;
}
export interface StatsDuration {
  priority: ReportPriority;
  /** Median minutes from reception to the first status past « nouveau »; null when none was. */
  acknowledge_minutes: number | null;
  acknowledged: number;
  /** Median minutes from reception to resolved, dismissed or forwarded; null when none was. */
  close_minutes: number | null;
  closed: number;
}
export interface StatsHeatCell {
  /** South-west corner of the cell. */
  lat: number;
  lng: number;
  count: number;
}

/** What the town hall sees: sector counts only. */
export interface SectorStats {
  scope: 'sectors';
  from: string;
  to: string;
  total: number;
  previous_total: number;
  by_sector: StatsBySector[];
}

/** What the police see. */
export interface FullStats extends Omit<SectorStats, 'scope'> {
  scope: 'full';
  previous_from: string;
  previous_to: string;
  by_category: StatsByCategory[];
  by_source: StatsBySource[];
  by_week: StatsSeriesPoint[];
  by_month: StatsSeriesPoint[];
  durations: StatsDuration[];
  forwarded: { count: number; previous: number };
  heat: { cell: typeof HEAT_CELL; cells: StatsHeatCell[] };
}

export type Stats = SectorStats | FullStats;
