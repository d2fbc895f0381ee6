import type { Sql, TxSql } from '@vigie/db';
import { getMember } from './queries.ts';

type AnySql = Sql | TxSql;

/**
 * Everything Vigie holds about one member (RGPD right of access), as one JSON document: the
 * member, their relatives, their history, every message sent to them or their relatives, their
 * posts, the abuse reports they wrote about others' posts, and the reporter fields of the reports linked to them.
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
  const posts = await sql`
    select id, external_id, kind, title, body, status, flags, hidden_reason, created_at, updated_at, decided_at
    from posts where member_id = ${id} order by id`;
  // Abuse reports they wrote about other members' posts: their words, kept under their platform id.
  const postReports = member.partner_id && member.external_id
    ? await sql`
        select pr.id, p.external_id as post_external_id, pr.reason, pr.created_at
        from post_reports pr join posts p on p.id = pr.post_id
        where p.partner_id = ${member.partner_id} and pr.reporter_external_id = ${member.external_id} order by pr.id`
    : [];
  return { exported_at: new Date().toISOString(), member, relatives, history, messages, reports, posts, post_reports: postReports };
}
