import type { Sql, TxSql } from '@vigie/db';
import type { BroadcastTarget, Channel } from '@vigie/shared';
import type { PendingQuery, Row } from 'postgres';
import { targetCondition } from './target.ts';

/**
 * Everyone a broadcast may reach, before de-duplication: approved members in the target with the
 * channel chosen, a contact and no opt-out, and the confirmed relatives of those members (who
 * receive alerts for a senior). Columns: member_id, relative_id, channel, "to", recipient_key.
 */
export function candidates(sql: Sql | TxSql, target: BroadcastTarget, channels: Channel[]): PendingQuery<Row[]> {
  return sql`
    with targeted as (
      select m.id, m.email, m.phone, m.channels, m.email_opt_out_at, m.sms_opt_out_at
      from members m where m.status = 'approved' and ${targetCondition(sql, target)}
    )
    select t.id as member_id, null::int as relative_id, 'sms' as channel, t.phone as "to", t.phone as recipient_key
      from targeted t where 'sms' = any(${channels}::text[]) and 'sms' = any(t.channels) and t.phone is not null and t.sms_opt_out_at is null
    union all
    select t.id, null, 'email', t.email, lower(t.email)
      from targeted t where 'email' = any(${channels}::text[]) and 'email' = any(t.channels) and t.email is not null and t.email_opt_out_at is null
    union all
    select t.id, r.id, 'sms', r.phone, r.phone
      from targeted t join relatives r on r.member_id = t.id
      where 'sms' = any(${channels}::text[]) and 'sms' = any(r.channels) and r.phone is not null and r.sms_opt_out_at is null
        and r.confirmed_at is not null and r.erased_at is null
    union all
    select t.id, r.id, 'email', r.email, lower(r.email)
      from targeted t join relatives r on r.member_id = t.id
      where 'email' = any(${channels}::text[]) and 'email' = any(r.channels) and r.email is not null and r.email_opt_out_at is null
        and r.confirmed_at is not null and r.erased_at is null`;
}

/** One row per person per channel: a member's own contact wins over the same contact as a relative. */
export function recipients(sql: Sql | TxSql, target: BroadcastTarget, channels: Channel[]): PendingQuery<Row[]> {
  return sql`
    select distinct on (channel, recipient_key) member_id, relative_id, channel, "to", recipient_key
    from (${candidates(sql, target, channels)}) c
    order by channel, recipient_key, relative_id nulls first, member_id`;
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

/** Reach before sending, no side effect. */
export async function previewReach(sql: Sql, target: BroadcastTarget, channels: Channel[]) {
  const [row] = await sql<{ members: number; relatives: number; sms: number; email: number; unreachable: number }[]>`
    with c as (${candidates(sql, target, channels)}),
         r as (select distinct on (channel, recipient_key) * from c order by channel, recipient_key, relative_id nulls first, member_id)
    select
      (select count(distinct member_id) from r where relative_id is null)::int as members,
      (select count(distinct relative_id) from r)::int as relatives,
      (select count(*) from r where channel = 'sms')::int as sms,
      (select count(*) from r where channel = 'email')::int as email,
      (select count(*) from members m where m.status = 'approved' and ${targetCondition(sql, target)}
         and not exists (select 1 from c where c.member_id = m.id))::int as unreachable`;
  return row!;
}
