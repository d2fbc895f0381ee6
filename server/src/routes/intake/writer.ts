import type { Sql } from '@vigie/db';
import { insertIntakeReports, type IntakeInserted, type IntakeRow } from './queries.ts';

export interface IntakeWriter {
  /** Write one alert: the report as inserted, or null when its (partner, external_id) exists already. */
  write(row: IntakeRow): Promise<IntakeInserted | null>;
}

/** Statements in flight at once. One is best measured (docs/benchmarks.md): the batches grow with the load instead. */
export const WRITER_IN_FLIGHT = 1;
/** Alerts per statement at most. */
export const WRITER_MAX_BATCH = 100;

interface Pending {
  row: IntakeRow;
  resolve(result: IntakeInserted | null): void;
  reject(error: unknown): void;
}

const keyOf = (row: IntakeRow) => `${row.partnerId}\u0000${row.input.external_id}`;

/**
 * Group commit for the intake. An alert is written at once when a statement slot is free; alerts
 * that arrive while WRITER_IN_FLIGHT statements are running wait for one to finish and then go
 * together, in one statement and one commit. So a quiet night costs no latency at all, and a
 * burglary wave reported by a whole street costs one round trip and one disk flush per batch
 * rather than per alert. Each caller is answered only once its own batch has committed.
 *
 * A batch that fails is retried alert by alert, so that one alert the database refuses does not
 * take its neighbours down with it; two alerts with the same (partner, external_id) never share a
 * batch (the unique key must see the first committed to judge the second).
 */
export function createIntakeWriter(
  sql: Sql,
  boundary: string,
  options: { inFlight?: number; maxBatch?: number; /** told each statement's size (metrics, tests) */ onBatch?: (size: number) => void } = {},
): IntakeWriter {
  const inFlightMax = options.inFlight ?? WRITER_IN_FLIGHT;
  const maxBatch = options.maxBatch ?? WRITER_MAX_BATCH;
  let queue: Pending[] = [];
  let inFlight = 0;

  const takeBatch = () => {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const keys = new Set<string>();
    for (const pending of queue) {
      const key = keyOf(pending.row);
      if (batch.length < maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else {
        rest.push(pending);
      }
    }
    queue = rest;
    return batch;
  };

  async function run(batch: Pending[]) {
    try {
      options.onBatch?.(batch.length);
      const results = await insertIntakeReports(sql, boundary, batch.map((p) => p.row));
      batch.forEach((pending, i) => pending.resolve(results[i] ?? null));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // Nothing of the batch was written (one statement): each alert on its own finds the culprit.
      await Promise.all(batch.map((pending) => run([pending])));
    }
  }

  const pump = () => {
    while (inFlight < inFlightMax && queue.length > 0) {
      const batch = takeBatch();
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return {
    write(row) {
      return new Promise((resolve, reject) => {
        queue.push({ row, resolve, reject });
        pump();
      });
    },
  };
}
