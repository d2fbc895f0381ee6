import type { Sql, TxSql } from '@vigie/db';
import type { BroadcastTarget, Channel } from '@vigie/shared';
import type { PendingQuery, Row } from 'postgres';
import { targetCondition } from './target.ts';

/** Per channel: where a message goes, the key that tells two people's contacts apart, the opt-out. */
const CONTACTS = {
  sms: { to: 'phone', key: (sql: Sql | TxSql, p: 'm' | 'r') => sql`${sql(p)}.phone`, optedOut: 'sms_opt_out_at' },
  email: { to: 'email', key: (sql: Sql | TxSql, p: 'm' | 'r') => sql`lower(${sql(p)}.email)`, optedOut: 'email_opt_out_at' },
} as const;

/** Whether person `p` accepts `channel`, has a contact for it and has not opted out of it. */
function usable(sql: Sql | TxSql, p: 'm' | 'r', channel: Channel): PendingQuery<Row[]> {
  const contact = CONTACTS[channel];
  return sql`(${sql(`${p}.${contact.to}`)} is not null and ${sql(`${p}.${contact.optedOut}`)} is null and ${channel}::text = any(${sql(p)}.channels))`;
}

/** Whether person `p` can be reached on at least one of `channels` (not empty). */
const reachable = (sql: Sql | TxSql, p: 'm' | 'r', channels: Channel[]) =>
  channels.map((channel) => usable(sql, p, channel)).reduce((acc, part) => sql`${acc} or ${part}`);

/** The channels asked for, each once (the schema requires at least one). */
const chosen = (channels: Channel[]) => [...new Set(channels)].filter((channel) => channel in CONTACTS);

/** CTE `targeted`: the approved members in the target, with what a broadcast reads of them (all in `members_point_idx`). */
const targeted = (sql: Sql | TxSql, target: BroadcastTarget) => sql`
  select m.id, m.phone, m.email, m.channels, m.sms_opt_out_at, m.email_opt_out_at
  from members m where m.status = 'approved' and ${targetCondition(sql, target)}`;

/** CTE `targeted_relatives`: the confirmed relatives of the targeted members (who receive alerts for a senior). */
const targetedRelatives = (sql: Sql | TxSql) => sql`
  select r.id, r.member_id, r.phone, r.email, r.channels, r.sms_opt_out_at, r.email_opt_out_at
  from relatives r join targeted m on m.id = r.member_id where r.confirmed_at is not null and r.erased_at is null`;

/**
 * Everyone a broadcast may reach, before de-duplication, from the CTEs `targeted` and
 * `targeted_relatives`: one branch per chosen channel and kind of person, so each row is a plain
 * filtered scan (no per-row `values` list to build and filter). Columns: member_id, relative_id,
 * channel, "to", recipient_key; channel and key in collation "C", see `recipients`.
 */
function candidates(sql: Sql | TxSql, channels: Channel[]): PendingQuery<Row[]> {
  return chosen(channels)
    .flatMap((channel) => {
      const { to, key } = CONTACTS[channel];
      return [
        sql`select m.id as member_id, null::int as relative_id, ${channel}::text collate "C" as channel, ${sql(`m.${to}`)} as "to",
            ${key(sql, 'm')} collate "C" as recipient_key
          from targeted m where ${usable(sql, 'm', channel)}`,
        sql`select r.member_id, r.id, ${channel}::text collate "C", ${sql(`r.${to}`)}, ${key(sql, 'r')} collate "C"
          from targeted_relatives r where ${usable(sql, 'r', channel)}`,
      ];
    })
    .reduce((acc, branch) => sql`${acc} union all ${branch}`);
}

/**
 * One row per person per channel: a member's own contact wins over the same contact as a relative,
 * then the lowest id. The de-duplication sorts bytes (collation "C"), key first: keys are only
 * compared for equality, a linguistic collation would cost the sort of a commune several times
 * over, and only a leading key that differs from row to row gets abbreviated (a channel name, equal
 * on every other row, would send each comparison to the full one). `targeted` is inlined where it
 * is scanned (a commune's 100,000 rows would spill to disk as a CTE); the relatives are few.
 */
export function recipients(sql: Sql | TxSql, target: BroadcastTarget, channels: Channel[]): PendingQuery<Row[]> {
  return sql`
    with targeted as not materialized (${targeted(sql, target)}),
         targeted_relatives as materialized (${targetedRelatives(sql)})
    select distinct on (recipient_key, channel) member_id, relative_id, channel, "to", recipient_key
    from (${candidates(sql, channels)}) c
    order by recipient_key, channel, relative_id nulls first, member_id`;
}

/** A follow-up's recipients: the parent's frozen ones, less whoever opted out since. */
export function followUpRecipients(sql: Sql | TxSql, parentId: number, channels: Channel[]): PendingQuery<Row[]> {
  return sql`
    select d.member_id, d.relative_id, d.channel, d."to", d.recipient_key
    from deliveries d
    left join members m on m.id = d.member_id and d.relative_id is null
    left join relatives r on r.id = d.relative_id
    where d.broadcast_id = ${parentId} and d.channel = any(${channels}::text[]) and d.status <> 'cancelled'
      and coalesce(case d.channel when 'sms' then coalesce(r.sms_opt_out_at, m.sms_opt_out_at) else coalesce(r.email_opt_out_at, m.email_opt_out_at) end, null) is null
      and coalesce(m.status, 'approved') = 'approved' and r.erased_at is null`;
}

/**
 * Reach before sending, no side effect; called while a zone is being drawn (p95 < 300 ms over
 * 100,000 members, docs/benchmarks.md). The zone's members come from one index-only scan of
 * `members_point_idx`, which carries their contacts (migration 00020), and are kept for the
 * unreachable count; their confirmed relatives are joined once. The candidates are grouped by
 * (key, channel) straight into counts, nothing else materialised; per group the winner follows
 * `recipients`' rule (a member before a relative, then the lowest id). The unreachable are the
 * targeted members with no usable contact of their own nor through a relative.
 */
export async function previewReach(sql: Sql, target: BroadcastTarget, channels: Channel[]) {
  if (chosen(channels).length === 0) return { members: 0, relatives: 0, sms: 0, email: 0, unreachable: 0 };
  const [row] = await sql<{ members: number; relatives: number; sms: number; email: number; unreachable: number }[]>`
    with targeted as materialized (${targeted(sql, target)}),
         targeted_relatives as materialized (${targetedRelatives(sql)}),
         w as (
           select channel, min(member_id) filter (where relative_id is null) as own, min(relative_id) as relative
           from (${candidates(sql, channels)}) c group by recipient_key, channel)
    select
      count(distinct own)::int as members,
      count(distinct relative) filter (where own is null)::int as relatives,
      count(*) filter (where channel = 'sms')::int as sms,
      count(*) filter (where channel = 'email')::int as email,
      (select count(*) from targeted m where not (${reachable(sql, 'm', chosen(channels))})
         and not exists (select 1 from targeted_relatives r where r.member_id = m.id and (${reachable(sql, 'r', chosen(channels))})))::int as unreachable
    from w`;
  return row!;
}
