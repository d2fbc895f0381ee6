import type { Sql } from '@vigie/db';

/**
 * Sign-in throttling, in PostgreSQL so that every server process shares the counters. Three keys:
 * the (account, IP) pair trips first, so an attacker elsewhere cannot lock a real officer out for
 * long; the account alone catches distributed guessing; the IP alone catches password spraying.
 * Windows are fixed and short (15 min): the worst lock-out is one window.
 */
export const THROTTLE_RULES = {
  accountIp: { limit: 5, windowSeconds: 15 * 60 },
  account: { limit: 20, windowSeconds: 15 * 60 },
  ip: { limit: 50, windowSeconds: 15 * 60 },
} as const;

export const throttleKeys = (email: string, ip: string | null) => [
  { key: `acct-ip:${email}|${ip ?? '?'}`, ...THROTTLE_RULES.accountIp },
  { key: `acct:${email}`, ...THROTTLE_RULES.account },
  { key: `ip:${ip ?? '?'}`, ...THROTTLE_RULES.ip },
];

type Rule = ReturnType<typeof throttleKeys>[number];

export type Reservation = { ok: true; release(): Promise<void> } | { ok: false; retryAfter: number };

class Refused extends Error {
  constructor(readonly retryAfter: number) {
    super('throttled');
  }
}

/**
 * Count this attempt against every key before the password is checked, atomically: each upsert
 * takes the key's row lock, so concurrent attempts for one key queue up and each sees the count the
 * previous one committed. An attempt that would go over a limit is rolled back (not counted), so a
 * flood from one address cannot use up the account's budget for other addresses. Keys are taken in
 * sorted order so that two attempts sharing keys never deadlock.
 *
 * A successful sign-in calls `release()`: it gives back its own attempt only (one hit per key, in
 * the window it was counted in). It never resets a counter other attempts are racing on; failures
 * earned in the window stay until the window ends.
 */
export async function reserveAttempt(sql: Sql, rules: Rule[]): Promise<Reservation> {
  const ordered = [...rules].sort((a, b) => (a.key < b.key ? -1 : 1));
  try {
    const windows = await sql.begin(async (tx) => {
      const taken: { key: string; window: string }[] = [];
      let refusedFor = 0;
      for (const rule of ordered) {
        const [row] = await tx<{ hits: number; window: string; remaining: number }[]>`
          insert into throttle (key, hits, window_started_at) values (${rule.key}, 1, now())
          on conflict (key) do update set
            hits = case when throttle.window_started_at <= now() - make_interval(secs => ${rule.windowSeconds}) then 1 else throttle.hits + 1 end,
            window_started_at = case when throttle.window_started_at <= now() - make_interval(secs => ${rule.windowSeconds}) then now() else throttle.window_started_at end
          returning hits, window_started_at::text as window, -- text: a JS Date would drop the microseconds
                    greatest(1, ceil(extract(epoch from (window_started_at + make_interval(secs => ${rule.windowSeconds}) - now()))))::int as remaining`;
        if (row!.hits > rule.limit) refusedFor = Math.max(refusedFor, row!.remaining);
        taken.push({ key: rule.key, window: row!.window });
      }
      if (refusedFor > 0) throw new Refused(refusedFor); // rolls the whole reservation back
      return taken;
    });
    return {
      ok: true,
      async release() {
        for (const { key, window } of windows) {
          await sql`update throttle set hits = greatest(0, hits - 1) where key = ${key} and window_started_at = ${window}::text::timestamptz`; // a timestamptz parameter would go through a JS Date too
        }
      },
    };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, retryAfter: error.retryAfter };
    throw error;
  }
}

export async function purgeExpiredThrottles(sql: Sql) {
  await sql`delete from throttle where window_started_at < now() - interval '1 day'`;
}
