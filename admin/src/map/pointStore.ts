import {
  REPORT_CATEGORIES,
  REPORT_PRIORITIES,
  REPORT_STATUSES,
  type Report,
  type ReportCategory,
  type ReportPriority,
  type ReportStatus,
} from '@vigie/shared';

/** GET /api/reports/points: one entry per report in parallel arrays, compact enough for 100,000 points. */
export interface PointsPayload {
  count: number;
  truncated: boolean;
  id: number[];
  lat: number[];
  lng: number[];
  status: ReportStatus[];
  category: ReportCategory[];
  priority: ReportPriority[];
  /**
   * Unix seconds, each as the difference from the row before (row i is the sum of the first i + 1):
   * epoch milliseconds would take 100,000 points past 1 MB gzip.
   */
  received_at_delta_s: number[];
}

const COLUMNS = ['id', 'lat', 'lng', 'status', 'category', 'priority', 'received_at_delta_s'] as const;

/** Epoch milliseconds from the payload's delta-encoded seconds. */
const receivedAtMs = (deltas: readonly number[]) => {
  let seconds = 0;
  return deltas.map((delta) => (seconds += delta) * 1000);
};

/** Checks the shape once, so that drawing code can trust every index it reads. */
export function parsePointsPayload(value: unknown): PointsPayload {
  const v = value as Partial<PointsPayload> | null;
  if (!v || typeof v !== 'object') throw new Error('points payload is not an object');
  const length = Array.isArray(v.id) ? v.id.length : -1;
  for (const column of COLUMNS) {
    if (!Array.isArray(v[column]) || v[column].length !== length) throw new Error(`points payload: bad column ${column}`);
  }
  return { ...(v as PointsPayload), count: length, truncated: v.truncated === true };
}

/** What supercluster indexes: a GeoJSON point whose only property is its row in the store. */
export interface PointFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  /** `fresh`: 1 when the report is still new, summed per cluster (red ring). */
  properties: { i: number; fresh: number };
}

export type UpsertResult = 'added' | 'moved' | 'restyled' | 'unchanged';

const known = <T extends string>(values: readonly T[], value: string): value is T => values.includes(value as T);

/**
 * The reports on the map, as parallel arrays like the payload they come from. Live events add
 * rows, change them in place or retire them; rows are never spliced (their index is the feature's
 * identity in the cluster index), retired ones are skipped until the next full load.
 */
export class PointStore {
  readonly id: number[];
  readonly lat: number[];
  readonly lng: number[];
  readonly status: ReportStatus[];
  readonly category: ReportCategory[];
  readonly priority: ReportPriority[];
  /** Epoch milliseconds, whole seconds (as the payload has them, live reports included). */
  readonly receivedAt: number[];
  readonly alive: boolean[];
  readonly truncated: boolean;
  private readonly rowOf = new Map<number, number>();

  constructor(payload: PointsPayload) {
    this.id = [...payload.id];
    this.lat = [...payload.lat];
    this.lng = [...payload.lng];
    this.status = [...payload.status];
    this.category = [...payload.category];
    this.priority = [...payload.priority];
    this.receivedAt = receivedAtMs(payload.received_at_delta_s);
    this.alive = new Array<boolean>(this.id.length).fill(true);
    this.truncated = payload.truncated;
    this.id.forEach((id, row) => this.rowOf.set(id, row));
  }

  static empty() {
    return new PointStore({ count: 0, truncated: false, id: [], lat: [], lng: [], status: [], category: [], priority: [], received_at_delta_s: [] });
  }

  /** Row of a report currently on the map, or undefined. */
  row(id: number): number | undefined {
    const row = this.rowOf.get(id);
    return row !== undefined && this.alive[row] ? row : undefined;
  }

  get size() {
    return this.rowOf.size;
  }

  /** A report from a live event: new on the map, moved, recoloured, or the same as before. */
  upsert(report: Pick<Report, 'id' | 'lat' | 'lng' | 'status' | 'category' | 'priority' | 'received_at'>): UpsertResult {
    if (!known(REPORT_STATUSES, report.status) || !known(REPORT_CATEGORIES, report.category) || !known(REPORT_PRIORITIES, report.priority)) {
      return 'unchanged';
    }
    if (!Number.isFinite(report.lat) || !Number.isFinite(report.lng)) return 'unchanged';
    const existing = this.rowOf.get(report.id);
    if (existing === undefined || !this.alive[existing]) {
      const row = existing ?? this.id.length;
      this.id[row] = report.id;
      this.lat[row] = report.lat;
      this.lng[row] = report.lng;
      this.status[row] = report.status;
      this.category[row] = report.category;
      this.priority[row] = report.priority;
      this.receivedAt[row] = Math.floor(Date.parse(report.received_at) / 1000) * 1000;
      this.alive[row] = true;
      this.rowOf.set(report.id, row);
      return 'added';
    }
    const row = existing;
    const moved = this.lat[row] !== report.lat || this.lng[row] !== report.lng;
    const restyled =
      this.status[row] !== report.status || this.category[row] !== report.category || this.priority[row] !== report.priority;
    this.lat[row] = report.lat;
    this.lng[row] = report.lng;
    this.status[row] = report.status;
    this.category[row] = report.category;
    this.priority[row] = report.priority;
    return moved ? 'moved' : restyled ? 'restyled' : 'unchanged';
  }

  /** Takes a report off the map (it no longer matches the filters); true when it was on it. */
  remove(id: number): boolean {
    const row = this.row(id);
    if (row === undefined) return false;
    this.alive[row] = false;
    this.rowOf.delete(id);
    return true;
  }

  /** The features supercluster loads: only live rows, `[lng, lat]` as GeoJSON wants. */
  toFeatures(): PointFeature[] {
    const features: PointFeature[] = [];
    for (let i = 0; i < this.id.length; i++) {
      if (!this.alive[i]) continue;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [this.lng[i]!, this.lat[i]!] },
        properties: { i, fresh: this.status[i] === 'new' ? 1 : 0 },
      });
    }
    return features;
  }

  /**
   * Rows inside a bounding box, newest first, for the list beside the map. Scanning 100,000 rows
   * costs a few milliseconds, cheaper than asking the cluster index for every leaf.
   */
  rowsWithin(bounds: { west: number; south: number; east: number; north: number }): number[] {
    const rows: number[] = [];
    for (let i = 0; i < this.id.length; i++) {
      if (!this.alive[i]) continue;
      const lat = this.lat[i]!;
      const lng = this.lng[i]!;
      if (lat >= bounds.south && lat <= bounds.north && lng >= bounds.west && lng <= bounds.east) rows.push(i);
    }
    return rows.sort((a, b) => this.receivedAt[b]! - this.receivedAt[a]! || this.id[b]! - this.id[a]!);
  }
}
