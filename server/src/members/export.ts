import type { Sql, TxSql } from '@vigie/db';
import { getMember } from './queries.ts';

type AnySql = Sql | TxSql;

/**
 * Everything Vigie holds about one member (RGPD right of access), as one JSON document: the
 * member, their relatives, their history, every message sent to them or their relatives, their
 * posts (once that table exists) and the reporter fields of the reports linked to them.
 */
export async function memberExport(sql: AnySql, id: number) {
  const member = await getMember(sql, id);
  if (!member) return null;
  const relatives = await sql`
    select id, full_name, relation, email, phone, channels, confirmed_at, sms_opt_out_at, email_opt_out_at, created_at, updated_at
    from relatives where member_id = ${id} order by id`;
  const history = await sql`
    select e.at, e.action, e.from_status, e.to_status, e.reason, e.note, s.full_name as staff_name
    from member_events e left join staff s on s.id = e.staff_id where e.member_id = ${id} order by e.at, e.id`;
  const messages = await sql`
    select id, channel, "to", subject, body, kind, status, created_at, sent_at
    from outbox_messages
    where member_id = ${id} or relative_id in (select id from relatives where member_id = ${id}) order by id`;
  const reports = await sql`
    select id, received_at, category, status, reporter_name, reporter_phone from reports where member_id = ${id} order by id`;
  const [posts] = await sql<{ exists: boolean }[]>`select to_regclass('posts') is not null as exists`;
  return {
    exported_at: new Date().toISOString(),
    member,
    relatives,
    history,
    messages,
    reports,
    ...(posts?.exists ? { posts: await sql`select * from posts where member_id = ${id} order by id` } : {}),
  };
}
