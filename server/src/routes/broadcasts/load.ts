import type { Sql, TxSql } from '@vigie/db';
import type { Broadcast } from '@vigie/shared';

/** A broadcast as the API shows it: names of author and approver, and counts per channel. */
export const broadcastColumns = (sql: Sql | TxSql) => sql`
  b.id, b.category, b.title, b.sms_text, b.email_subject, b.email_body, b.channels, b.target, b.closure, b.status,
  b.send_at, b.report_id, b.follows_id, b.follow_kind, b.created_by, (select full_name from staff where id = b.created_by) as created_by_name,
  b.approved_by, (select full_name from staff where id = b.approved_by) as approved_by_name, b.sent_at,
  coalesce((
    select jsonb_object_agg(channel, jsonb_build_object('queued', queued, 'sent', sent, 'delivered', delivered, 'failed', failed, 'dead', dead))
    from (
      select channel,
             count(*) filter (where status in ('queued', 'sending')) as queued,
             count(*) filter (where status in ('sent', 'captured')) as sent,
             count(*) filter (where status = 'delivered') as delivered,
             count(*) filter (where status = 'failed') as failed,
             count(*) filter (where status = 'dead') as dead
      from deliveries where broadcast_id = b.id group by channel
    ) per_channel
  ), '{}'::jsonb) as counts`;

export async function loadBroadcast(sql: Sql | TxSql, id: number): Promise<Broadcast | undefined> {
  const [row] = await sql<Broadcast[]>`select ${broadcastColumns(sql)} from broadcasts b where b.id = ${id}`;
  return row;
}
