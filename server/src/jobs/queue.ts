import type { Database, Sql, TxSql } from '@vigie/db';
import { PgBoss, type Db as IDatabase, type Job, type Queue as QueueOptions, type SendOptions } from 'pg-boss';
import type { Logger } from '../logger.ts';

/** Queue names and their retry policy; a job's own options may narrow them. */
export const QUEUES = {
  /** One job per outbox message (e-mail or SMS). */
  outbox: { name: 'outbox', retryLimit: 8, retryDelay: 15, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 120 },
  /** One job per broadcast delivery (broadcast × person × channel). */
  delivery: { name: 'delivery', retryLimit: 8, retryDelay: 15, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 900 },
  /** A nudge to push due partner events; the events' own backoff (10 s → 1 h, 30 tries) lives in SQL. */
  partnerWebhooks: { name: 'partner-webhooks', retryLimit: 0, expireInSeconds: 300, policy: 'stately' },
  /** A broadcast to fan out at its `send_at`, or a road closure's reopening at its `ends_at`. */
  broadcastSend: { name: 'broadcast-send', retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 300 },
} as const satisfies Record<string, QueueOptions>;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]['name'];

/**
 * pg-boss runs over the app's own postgres.js pool (so the embedded engine's single session is
 * shared, its queries queueing behind the app's). Only pg-boss's own SQL goes through `unsafe`,
 * never text from a request. Parameterless texts may be BEGIN…COMMIT batches: they run on one
 * reserved connection, rolled back there if a statement fails so no aborted transaction leaks
 * back into the pool.
 */
export function sqlExecutor(sql: Sql | TxSql): IDatabase {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) return { rows: [...(await sql.unsafe(text, values as never[]))] };
      if (!('reserve' in sql)) return { rows: flatten(await sql.unsafe(text)) };
      const connection = await sql.reserve();
      try {
        return { rows: flatten(await connection.unsafe(text)) };
      } catch (error) {
        await connection.unsafe('rollback').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}

/** A simple-protocol batch answers one result per statement: keep every statement's rows. */
function flatten(result: unknown): unknown[] {
  const list = result as unknown[];
  if (list.length && list.every((r) => Array.isArray(r))) return (list as unknown[][]).flat();
  return [...list];
}

export interface JobQueue {
  boss: PgBoss;
  /** Add a job in the caller's transaction: it exists exactly when that transaction commits. */
  send(tx: Sql | TxSql, queue: QueueName, data: object, options?: Omit<SendOptions, 'db'>): Promise<string | null>;
  /** Add many jobs in one statement, in the caller's transaction. */
  insert(tx: Sql | TxSql, queue: QueueName, jobs: Array<{ data: object; singletonKey?: string; startAfter?: Date }>): Promise<void>;
  work<T>(queue: QueueName, options: { batchSize?: number; localConcurrency?: number; pollingIntervalSeconds?: number }, handler: (job: Job<T>) => Promise<void>): Promise<string>;
  stop(): Promise<void>;
}

// enqueueMessage(tx, message) has no handle on the server: the queue of the running server is
// found here. Several servers in one process (tests) share one database, so any of them will do.
const running = new Set<JobQueue>();

export function activeQueue(): JobQueue {
  const queue = [...running].at(-1);
  if (!queue) throw new Error('The job queue is not started (startServer starts it).');
  return queue;
}

/** Start pg-boss on the app's pool: creates or migrates its schema, then the queues. */
export async function startQueue(db: Database, logger: Logger): Promise<JobQueue> {
  const boss = new PgBoss({
    db: sqlExecutor(db.sql),
    schema: 'pgboss',
    // Supervision (expiry, retention) runs in every process; pg-boss takes an advisory lock for it.
    superviseIntervalSeconds: 30,
    monitorIntervalSeconds: 60,
    persistWarnings: false,
  });
  boss.on('error', (error: Error) => logger.warn({ err: error }, 'job queue error'));
  await boss.start();
  for (const { name, ...options } of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
  }
  const queue: JobQueue = {
    boss,
    send: (tx, name, data, options = {}) => boss.send(name, data, { ...options, db: sqlExecutor(tx) }),
    async insert(tx, name, jobs) {
      if (jobs.length) await boss.insert(name, jobs, { db: sqlExecutor(tx) });
    },
    work<T>(name: QueueName, options: { batchSize?: number; localConcurrency?: number; pollingIntervalSeconds?: number }, handler: (job: Job<T>) => Promise<void>) {
      return boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: 1, ...options }, async (jobs) => {
        for (const job of jobs) await handler(job);
      });
    },
    async stop() {
      running.delete(queue);
      await boss.stop({ graceful: true, timeout: 5000, close: false });
    },
  };
  running.add(queue);
  return queue;
}
