import type { Sql } from '@vigie/db';
import type { Role } from '@vigie/shared';
import type { Env } from '../env.ts';
import { hashToken, newSessionToken } from './tokens.ts';

export interface SessionInfo {
  session_id: string;
  staff_id: number;
  full_name: string;
  role: Role;
}

export async function createSession(sql: Sql, env: Env, staffId: number, meta: { ip: string | null; userAgent: string | null }) {
  const token = newSessionToken();
  const [row] = await sql<{ id: string }[]>`
    insert into sessions (token_hash, staff_id, expires_at, ip, user_agent)
    values (${hashToken(token)}, ${staffId}, now() + make_interval(hours => ${env.SESSION_MAX_HOURS}),
            ${meta.ip}, ${meta.userAgent?.slice(0, 300) ?? null})
    returning id`;
  return { token, session_id: row!.id, maxAgeSeconds: env.SESSION_MAX_HOURS * 3600 };
}

/**
 * A session is valid while not revoked, before its absolute expiry, used within the idle timeout,
 * and its account is enabled. `last_seen_at` is bumped at most once a minute to spare writes.
 */
export async function findSession(sql: Sql, env: Env, token: string): Promise<SessionInfo | null> {
  const [row] = await sql<(SessionInfo & { stale: boolean })[]>`
    select s.id as session_id, s.staff_id, st.full_name, st.role,
           s.last_seen_at < now() - interval '1 minute' as stale
    from sessions s join staff st on st.id = s.staff_id
    where s.token_hash = ${hashToken(token)}
      and s.revoked_at is null
      and s.expires_at > now()
      and s.last_seen_at > now() - make_interval(mins => ${env.SESSION_IDLE_MINUTES})
      and not st.disabled`;
  if (!row) return null;
  if (row.stale) await touchSessions(sql, [row.session_id]);
  const { stale: _stale, ...session } = row;
  return session;
}

export async function touchSessions(sql: Sql, sessionIds: string[]) {
  if (sessionIds.length === 0) return;
  await sql`update sessions set last_seen_at = now() where id = any(${sessionIds}::uuid[]) and revoked_at is null`;
}

/** Sessions among `sessionIds` that are no longer valid (revoked, expired, idle, account disabled). */
export async function invalidSessions(sql: Sql, env: Env, sessionIds: string[]): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const rows = await sql<{ id: string }[]>`
    select x.id::text as id from unnest(${sessionIds}::uuid[]) as x(id)
    where not exists (
      select 1 from sessions s join staff st on st.id = s.staff_id
      where s.id = x.id and s.revoked_at is null and s.expires_at > now()
        and s.last_seen_at > now() - make_interval(mins => ${env.SESSION_IDLE_MINUTES})
        and not st.disabled)`;
  return rows.map((r) => r.id);
}

export async function revokeSession(sql: Sql, sessionId: string) {
  await sql`update sessions set revoked_at = now() where id = ${sessionId} and revoked_at is null`;
}

export async function revokeStaffSessions(sql: Sql, staffId: number) {
  await sql`update sessions set revoked_at = now() where staff_id = ${staffId} and revoked_at is null`;
}
