/** Nearest-rank percentile (p in 0–100) of samples in any order; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  return ranked(Float64Array.from(samples).sort(), p);
}

function ranked(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  return { count: sorted.length, p50: ranked(sorted, 50), p95: ranked(sorted, 95), p99: ranked(sorted, 99), max: ranked(sorted, 100) };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reject when `promise` takes longer than `ms`: every wait in a benchmark is bounded. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
