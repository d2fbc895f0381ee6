import type { Sql, TxSql } from '@vigie/db';
import { kickPartnerWebhooks } from '../../jobs/partnerWebhooks.ts';

export const POST_KINDS = ['small_ad', 'carpooling', 'help_offer', 'help_request'] as const;
export const POST_STATUSES = ['pending', 'approved', 'hidden', 'deleted'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export interface Post {
  id: number;
  partner_id: string;
  external_id: string;
  member_id: number;
  member_name: string | null;
  kind: (typeof POST_KINDS)[number];
  title: string;
  body: string;
  status: PostStatus;
  flags: string[];
  hidden_reason: string | null;
  report_count: number;
  created_at: string;
  decided_at: string | null;
  decided_by_name: string | null;
}

type AnySql = Sql | TxSql;

export const postColumns = (sql: AnySql) => sql`
  p.id, p.partner_id, p.external_id, p.member_id, m.full_name as member_name, p.kind, p.title, p.body, p.status, p.flags,
  p.hidden_reason, (select count(*)::int from post_reports r where r.post_id = p.id) as report_count,
  p.created_at, p.decided_at, s.full_name as decided_by_name`;
export const postFrom = (sql: AnySql) => sql`posts p join members m on m.id = p.member_id left join staff s on s.id = p.decided_by`;

export async function getPost(sql: AnySql, id: number): Promise<Post | undefined> {
  const [row] = await sql<Post[]>`select ${postColumns(sql)} from ${postFrom(sql)} where p.id = ${id}`;
  return row;
}

/** What the partner's platform learns about a moderated post, through its events feed or webhook. */
export async function queuePostEvent(
  tx: AnySql,
  post: { partner_id: string; external_id: string; member_id: number },
  type: 'post.approved' | 'post.hidden' | 'post.deleted',
  reason: string | null,
) {
  const payload = { type, external_id: post.external_id, status: type.slice('post.'.length), reason, at: new Date().toISOString() };
  await tx`
    insert into partner_events (partner_id, report_id, member_id, external_id, type, payload)
    values (${post.partner_id}, null, ${post.member_id}, ${post.external_id}, ${type}, ${tx.json(payload)})`;
  await kickPartnerWebhooks(tx);
}
