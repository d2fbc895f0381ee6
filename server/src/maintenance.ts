import { purgeExpiredThrottles } from './auth/throttle.ts';
import type { Deps } from './context.ts';
import { purgeLiveEvents } from './live/events.ts';
import { purgeRejectedMembers, purgeUnconfirmedMembers } from './members/retention.ts';

/**
 * Housekeeping every hour: the audit log's retention purge (the only deletion its trigger allows),
 * expired sessions, old throttle windows and live events older than any client could resync.
 */
export function startMaintenance({ sql, env, logger }: Deps, everyMs = 60 * 60_000) {
  const run = async () => {
    try {
      const [row] = await sql`select purge_audit_log(make_interval(days => ${env.AUDIT_RETENTION_DAYS})) as purged`;
      await sql`delete from sessions where expires_at < now() - interval '7 days'`;
      await purgeExpiredThrottles(sql);
      await purgeLiveEvents(sql);
      if ((row?.purged as number) > 0) logger.info({ purged: row?.purged }, 'audit log retention purge');
    } catch (error) {
      logger.warn({ err: error }, 'maintenance failed');
    }
    // Members' retention purges: each its own job, so one failing does not skip the other.
    const jobs = {
      members_unconfirmed_purge: () => purgeUnconfirmedMembers(sql, env.MEMBERS_UNCONFIRMED_RETENTION_DAYS, logger),
      members_rejected_purge: () => purgeRejectedMembers(sql, env.MEMBERS_REJECTED_RETENTION_DAYS, logger),
    };
    for (const [job, purge] of Object.entries(jobs)) {
      await purge().catch((error: unknown) => logger.warn({ err: error, job }, 'maintenance job failed'));
    }
  };
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
