/**
 * One line of the benchmark table: a value measured now against a baseline measured in the same
 * run. A row is judged on its ratio (`minRatio`, `maxRatio`), on an absolute `limit` where the
 * issue states its goal in absolute terms (the ratio then stays as context), or on nothing at
 * all: such a row is context ("info") and never fails the run.
 */
export interface Row {
  name: string;
  value: number;
  baseline: number;
  unit: string;
  /** Pass when value / baseline is at most this. */
  maxRatio?: number;
  /** Pass when value / baseline is at least this (throughput: more is better). */
  minRatio?: number;
  /** Pass when the value itself is under `max` (`strict`: below, not equal). */
  limit?: { max: number; strict?: boolean };
  /** Decimals to print value and baseline with. */
  digits?: number;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<Row[]>;
}

export const ratio = (row: Row) => (row.baseline === 0 ? Number.NaN : row.value / row.baseline);

const hasGoal = (row: Row) => row.maxRatio !== undefined || row.minRatio !== undefined || row.limit !== undefined;

export function passes(row: Row): boolean {
  const r = ratio(row);
  if (row.maxRatio !== undefined && !(r <= row.maxRatio)) return false;
  if (row.minRatio !== undefined && !(r >= row.minRatio)) return false;
  if (row.limit && !(row.limit.strict ? row.value < row.limit.max : row.value <= row.limit.max)) return false;
  return true;
}

export function goal(row: Row): string {
  const parts: string[] = [];
  if (row.minRatio !== undefined && row.minRatio === row.maxRatio) parts.push(`= ${row.minRatio.toFixed(2)}×`);
  else {
    if (row.minRatio !== undefined) parts.push(`≥ ${row.minRatio.toFixed(2)}×`);
    if (row.maxRatio !== undefined) parts.push(`≤ ${row.maxRatio.toFixed(2)}×`);
  }
  if (row.limit) parts.push(`${row.limit.strict ? '<' : '≤'} ${row.limit.max} ${row.unit}`.trimEnd());
  return parts.length ? parts.join(', ') : '—';
}

export function verdict(row: Row): 'pass' | 'FAIL' | 'info' {
  if (!hasGoal(row)) return 'info';
  return passes(row) ? 'pass' : 'FAIL';
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'goal', 'result'];
  const lines = rows.map((row) => {
    const digits = row.digits ?? 1;
    const r = ratio(row);
    return [
      row.name,
      `${row.value.toFixed(digits)} ${row.unit}`.trimEnd(),
      `${row.baseline.toFixed(digits)} ${row.unit}`.trimEnd(),
      Number.isFinite(r) ? r.toFixed(2) : '—',
      goal(row),
      verdict(row),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}
