import { purgeExpiredThrottles } from './auth/throttle.ts';
import type { Deps } from './context.ts';
import { purgeLiveEvents } from './live/events.ts';
import { purgeRejectedMembers, purgeUnconfirmedMembers } from './members/retention.ts';

type MaintenanceDeps = Pick<Deps, 'sql' | 'env' | 'logger'>;

/** One housekeeping task; `run` answers how many rows it removed when it knows. */
export interface MaintenanceJob {
  name: string;
  run(deps: MaintenanceDeps): Promise<number | void>;
}

/** Undelivered partner events are dropped this long after their last retry (or creation). */
export const UNDELIVERED_PARTNER_EVENTS_DAYS = 30;

/**
 * Housekeeping every hour, each job on its own: one that fails (a lock timeout, a bad row) is
 * logged under its name and the others still run.
 */
export const MAINTENANCE_JOBS: MaintenanceJob[] = [
  {
    // The only deletion the audit log's trigger allows.
    name: 'audit_log_retention',
    async run({ sql, env }) {
      const [row] = await sql<{ purged: number }[]>`select purge_audit_log(make_interval(days => ${env.AUDIT_RETENTION_DAYS})) as purged`;
      return Number(row?.purged ?? 0);
    },
  },
  {
    name: 'expired_sessions',
    async run({ sql }) {
      return (await sql`delete from sessions where expires_at < now() - interval '7 days'`).count;
    },
  },
  { name: 'throttle_windows', run: ({ sql }) => purgeExpiredThrottles(sql) },
  { name: 'live_events', run: ({ sql }) => purgeLiveEvents(sql) },
  {
    // Delivered (pushed or polled) events after the retention; undelivered ones a month after
    // their last retry was due, when no partner will ever take them.
    name: 'partner_events',
    async run({ sql, env }) {
      const result = await sql`
        delete from partner_events
        where (delivered_at is not null and delivered_at < now() - make_interval(days => ${env.PARTNER_EVENTS_RETENTION_DAYS}))
           or (delivered_at is null and greatest(created_at, next_attempt_at) < now() - make_interval(days => ${UNDELIVERED_PARTNER_EVENTS_DAYS}))`;
      return result.count;
    },
  },
  // Members' RGPD retention: registrations never confirmed, and rejected ones.
  { name: 'members_unconfirmed', run: async ({ sql, env, logger }) => (await purgeUnconfirmedMembers(sql, env.MEMBERS_UNCONFIRMED_RETENTION_DAYS, logger)).length },
  { name: 'members_rejected', run: async ({ sql, env, logger }) => (await purgeRejectedMembers(sql, env.MEMBERS_REJECTED_RETENTION_DAYS, logger)).length },
];

export type MaintenanceReport = Record<string, { ok: true; purged: number | null } | { ok: false; error: string }>;

/** Run every job in turn, whatever the previous one did; the report says how each went. */
export async function runMaintenance(deps: MaintenanceDeps, jobs: MaintenanceJob[] = MAINTENANCE_JOBS): Promise<MaintenanceReport> {
  const report: MaintenanceReport = {};
  for (const job of jobs) {
    try {
      const purged = await job.run(deps);
      report[job.name] = { ok: true, purged: typeof purged === 'number' ? purged : null };
      if (typeof purged === 'number' && purged > 0) deps.logger.info({ job: job.name, purged }, 'maintenance purge');
    } catch (error) {
      report[job.name] = { ok: false, error: (error as Error).message };
      deps.logger.error({ err: error, job: job.name }, 'maintenance job failed');
    }
  }
  return report;
}

export function startMaintenance(deps: MaintenanceDeps, everyMs = 60 * 60_000) {
  const run = () => void runMaintenance(deps);
  const timer = setInterval(run, everyMs);
  timer.unref();
  const first = setTimeout(run, 10_000);
  first.unref();
  return {
    stop() {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
