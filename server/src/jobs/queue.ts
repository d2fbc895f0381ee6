import type { Database, Sql, TxSql } from '@vigie/db';
import { PgBoss, type Db as IDatabase, type Job, type Queue as QueueOptions, type SendOptions } from 'pg-boss';
import type { Logger } from '../logger.ts';

/** Queue names and their retry policy; a job's own options may narrow them. */
export const QUEUES = {
  /** One job per outbox message (e-mail or SMS). */
  outbox: { name: 'outbox', retryLimit: 8, retryDelay: 15, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 120 },
  /**
   * One job per run of broadcast deliveries. The heartbeat (refreshed every 5 s while a run is in
   * hand) is what brings back the run of a process killed mid-send: pg-boss fails it once its
   * heartbeat is 10 s stale, at the next supervision, and retries it at once on any process; the
   * 15-minute expiry alone would leave those recipients waiting that long.
   */
  delivery: { name: 'delivery', retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 900, heartbeatSeconds: 10 },
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
/** How long stop() waits for pg-boss: its 5 s grace for running handlers, plus room for its last step. */
const STOP_TIMEOUT_MS = 10_000;

export async function startQueue(db: Database, logger: Logger): Promise<JobQueue> {
  const boss = new PgBoss({
    db: sqlExecutor(db.sql),
    schema: 'pgboss',
    // Supervision (expiry, retention) runs in every process; pg-boss takes an advisory lock for it.
    // Every 10 s: how long a crashed worker's heartbeat-less job waits before it is retried.
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 60,
    persistWarnings: false,
  });
  boss.on('error', (error: Error) => logger.warn({ err: error }, 'job queue error'));
  await boss.start();
  for (const { name, ...options } of Object.values(QUEUES)) {
    // A database created by an older release keeps its queues: bring their retry, expiry and
    // heartbeat settings up to date (pg-boss never changes a queue's policy after creation).
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
    else {
      const { policy: _policy, ...changeable } = options as Omit<QueueOptions, 'name'>;
      await boss.updateQueue(name, changeable);
    }
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
      // pg-boss bounds the wait for running handlers (5 s) but not its last step, which fails the
      // jobs in hand and drains pending claims: after the database's connections were killed under
      // load, a claim's query was seen never to settle and stop() hung for minutes (reproduced by
      // databaseUnavailable.test.ts with the CPU busy). A process that is stopping must stop: jobs
      // left active come back through their expiry or heartbeat, as after a crash.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_TIMEOUT_MS)));
      const outcome = await Promise.race([boss.stop({ graceful: true, timeout: 5000, close: false }).then(() => 'stopped' as const), late]);
      clearTimeout(timer);
      if (outcome === 'late') logger.warn({ timeout_ms: STOP_TIMEOUT_MS }, 'job queue did not stop in time; its active jobs will be retried after their expiry');
    },
  };
  running.add(queue);
  return queue;
}
