import type { Sql } from '@vigie/db';
import { audit } from '../audit/audit.ts';
import type { Logger } from '../logger.ts';

/**
 * Delete members of one status whose last change is older than `days`, with everything hanging off
 * them (relatives, history, links, messages). Reports that named them keep their history but lose
 * the link and the reporter copies. Each removal is audited with staff_id null (no personal value).
 */
async function purgeMembers(sql: Sql, status: 'pending_confirmation' | 'rejected', days: number) {
  return sql.begin(async (tx) => {
    const rows = await tx<{ id: number }[]>`
      select id from members
      where status = ${status} and coalesce(decided_at, created_at) < now() - make_interval(days => ${days})
      order by id for update skip locked`;
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return ids;
    await tx`update reports set member_id = null, reporter_name = null, reporter_phone = null where member_id = any(${ids}::int[])`;
    await tx`delete from outbox_messages where member_id = any(${ids}::int[]) or relative_id in (select id from relatives where member_id = any(${ids}::int[]))`;
    await tx`delete from partner_events where member_id = any(${ids}::int[])`;
    await tx`delete from confirmation_tokens where member_id = any(${ids}::int[])`;
    await tx`delete from member_events where member_id = any(${ids}::int[])`;
    await tx`delete from relatives where member_id = any(${ids}::int[])`;
    await tx`delete from members where id = any(${ids}::int[])`;
    for (const id of ids) await audit(tx, { staff_id: null, action: 'purge', resource: 'members', record_id: id, ip: null });
    return ids;
  });
}

/** Registrations never confirmed by the resident (double opt-in), after MEMBERS_UNCONFIRMED_RETENTION_DAYS. */
export async function purgeUnconfirmedMembers(sql: Sql, days: number, logger?: Logger) {
  const ids = await purgeMembers(sql, 'pending_confirmation', days);
  if (ids.length) logger?.info({ job: 'members_unconfirmed_purge', count: ids.length, ids }, 'unconfirmed registrations purged');
  return ids;
}

/** Rejected registrations, after MEMBERS_REJECTED_RETENTION_DAYS from the decision. */
export async function purgeRejectedMembers(sql: Sql, days: number, logger?: Logger) {
  const ids = await purgeMembers(sql, 'rejected', days);
  if (ids.length) logger?.info({ job: 'members_rejected_purge', count: ids.length, ids }, 'rejected registrations purged');
  return ids;
}
