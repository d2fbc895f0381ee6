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

/** Seconds until the caller may try again, or 0 when no key is over its limit. */
export async function retryAfter(sql: Sql, rules: Rule[]): Promise<number> {
  let wait = 0;
  for (const rule of rules) {
    const [row] = await sql<{ hits: number; remaining: number }[]>`
      select hits, ceil(extract(epoch from (window_started_at + make_interval(secs => ${rule.windowSeconds}) - now())))::int as remaining
      from throttle where key = ${rule.key}`;
    if (row && row.remaining > 0 && row.hits >= rule.limit) wait = Math.max(wait, row.remaining);
  }
  return wait;
}

/** Count one failure against every key (one atomic upsert each; a window that ended restarts). */
export async function recordFailure(sql: Sql, rules: Rule[]) {
  for (const rule of rules) {
    await sql`
      insert into throttle (key, hits, window_started_at) values (${rule.key}, 1, now())
      on conflict (key) do update set
        hits = case when throttle.window_started_at <= now() - make_interval(secs => ${rule.windowSeconds}) then 1 else throttle.hits + 1 end,
        window_started_at = case when throttle.window_started_at <= now() - make_interval(secs => ${rule.windowSeconds}) then now() else throttle.window_started_at end`;
  }
}

/** A successful sign-in clears the account's own counters (not the IP's). */
export async function clearAccount(sql: Sql, rules: Rule[]) {
  const keys = rules.filter((r) => !r.key.startsWith('ip:')).map((r) => r.key);
  await sql`delete from throttle where key = any(${keys})`;
}

export async function purgeExpiredThrottles(sql: Sql) {
  await sql`delete from throttle where window_started_at < now() - interval '1 day'`;
}
