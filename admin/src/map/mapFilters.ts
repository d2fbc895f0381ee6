import type { ReportCategory, ReportStatus } from '@vigie/shared';
import { parisLocalToIso } from '../common/parisTime.ts';

export const TIME_WINDOWS = ['1h', '6h', '24h', '7d', 'custom'] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];

/** What the map shows; `from` / `to` are Paris `datetime-local` values, used by the custom window. */
export interface MapFilters {
  window: TimeWindow;
  from: string;
  to: string;
  status: ReportStatus[];
  category: ReportCategory[];
  neighbourhood_id: number[];
}

export const DEFAULT_MAP_FILTERS: MapFilters = {
  window: '24h',
  from: '',
  to: '',
  status: [],
  category: [],
  neighbourhood_id: [],
};

const HOUR = 3_600_000;
const WINDOW_MS: Record<Exclude<TimeWindow, 'custom'>, number> = { '1h': HOUR, '6h': 6 * HOUR, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR };

export interface TimeRange {
  /** Epoch ms; the server compares `received_at >= gte` and `<= lte`. */
  gte: number | null;
  lte: number | null;
}

/** The instants a window covers at `now`; a custom window with an empty bound is open on that side. */
export function windowRange(filters: Pick<MapFilters, 'window' | 'from' | 'to'>, now: number): TimeRange {
  if (filters.window !== 'custom') return { gte: now - WINDOW_MS[filters.window], lte: null };
  const from = filters.from ? parisLocalToIso(filters.from) : null;
  // The `to` minute is included whole: 14:05 means up to 14:05:59.999.
  const to = filters.to ? parisLocalToIso(filters.to) : null;
  return { gte: from ? Date.parse(from) : null, lte: to ? Date.parse(to) + 59_999 : null };
}

/** A custom window whose end comes before its start shows nothing; say so instead of asking. */
export const isInvertedRange = ({ gte, lte }: TimeRange) => gte !== null && lte !== null && lte < gte;

/** The `filter` of GET /api/reports/points (and of the list): the same names as the reports list. */
export function pointsFilter(filters: MapFilters, now: number): Record<string, unknown> {
  const range = windowRange(filters, now);
  const filter: Record<string, unknown> = {};
  if (filters.status.length) filter.status = [...filters.status];
  if (filters.category.length) filter.category = [...filters.category];
  if (filters.neighbourhood_id.length) filter.neighbourhood_id = [...filters.neighbourhood_id];
  if (range.gte !== null) filter.received_at_gte = new Date(range.gte).toISOString();
  if (range.lte !== null) filter.received_at_lte = new Date(range.lte).toISOString();
  return filter;
}

export interface FilterableReport {
  status: ReportStatus;
  category: ReportCategory;
  neighbourhood_id: number | null;
  received_at: string;
}

/** Whether a report pushed live belongs on the map as currently filtered (the server filtered the rest). */
export function matchesFilters(report: FilterableReport, filters: MapFilters, now: number): boolean {
  if (filters.status.length && !filters.status.includes(report.status)) return false;
  if (filters.category.length && !filters.category.includes(report.category)) return false;
  if (filters.neighbourhood_id.length && (report.neighbourhood_id === null || !filters.neighbourhood_id.includes(report.neighbourhood_id))) {
    return false;
  }
  const received = Date.parse(report.received_at);
  const { gte, lte } = windowRange(filters, now);
  if (gte !== null && received < gte) return false;
  // A relative window has no end: a report stamped a little ahead by the server clock still counts.
  if (lte !== null && received > lte) return false;
  return true;
}

/** Filters kept in the store may come from an older version of the page: keep what still makes sense. */
export function sanitizeFilters(value: unknown): MapFilters {
  const v = (value ?? {}) as Partial<MapFilters>;
  const list = <T,>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
  return {
    window: TIME_WINDOWS.includes(v.window as TimeWindow) ? (v.window as TimeWindow) : DEFAULT_MAP_FILTERS.window,
    from: typeof v.from === 'string' ? v.from : '',
    to: typeof v.to === 'string' ? v.to : '',
    status: list<ReportStatus>(v.status),
    category: list<ReportCategory>(v.category),
    neighbourhood_id: list<number>(v.neighbourhood_id).filter(Number.isInteger),
  };
}
