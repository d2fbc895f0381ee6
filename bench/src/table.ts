/** One line of the benchmark table: a value measured now against a baseline measured in the same run. */
export interface Row {
  name: string;
  value: number;
  baseline: number;
  unit: string;
  /** Pass when value / baseline is at most this. */
  maxRatio: number;
  /** Decimals to print value and baseline with. */
  digits?: number;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<Row[]>;
}

export const ratio = (row: Row) => row.value / row.baseline;
export const passes = (row: Row) => ratio(row) <= row.maxRatio;

export function formatTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'goal', 'result'];
  const lines = rows.map((row) => {
    const digits = row.digits ?? 1;
    return [
      row.name,
      `${row.value.toFixed(digits)} ${row.unit}`,
      `${row.baseline.toFixed(digits)} ${row.unit}`,
      ratio(row).toFixed(2),
      `≤ ${row.maxRatio.toFixed(2)}`,
      passes(row) ? 'pass' : 'FAIL',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}
