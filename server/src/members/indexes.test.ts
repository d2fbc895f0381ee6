import type { Sql } from '@vigie/db';
import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListQuery } from '../rest/listQuery.ts';
import { MemberFilterSchema } from '../routes/members/schemas.ts';
import { MEMBER_SORTS, memberCondition, memberPageQuery, type MemberFilter } from './queries.ts';

let db: TestDatabase;
let sql: Sql;

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function planOf(filter: object, sort: [string, string] = ['created_at', 'DESC']) {
  const query = parseListQuery(
    { sort: JSON.stringify(sort), range: '[0,24]', filter: JSON.stringify(filter) },
    { sortable: MEMBER_SORTS, defaultSort: ['created_at', 'DESC'], filter: MemberFilterSchema },
  );
  const [row] = await sql`explain (format json) ${memberPageQuery(sql, query)}`;
  return nodes((row!['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
}

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await sql`insert into neighbourhoods (name, area) select 'S' || i, polygon(box(point(i, 0), point(i + 1, 1))) from generate_series(1, 8) i`;
  // 30,000 members spread like a commune's: enough rows that a sequential scan would show.
  await sql`
    insert into members (kind, status, source, full_name, email, phone, address, channels, neighbourhood_id, created_at, updated_at, decided_at)
    select (array['self','self','self','on_behalf','senior'])[1 + i % 5],
           (array['pending_confirmation','pending_review','approved','approved','approved','approved','rejected','suspended'])[1 + (i / 3) % 8],
           (array['public','partner','desk','import'])[1 + i % 4],
           (array['Martin','Bernard','Dubois','Thomas','Robert','Petit','Durand','Leroy'])[1 + i % 8] || ' ' || i,
           'membre' || i || '@example.fr', '+336' || lpad(i::text, 8, '0'), i || ' rue de la Paix',
           case when i % 3 = 0 then '{sms}'::text[] when i % 3 = 1 then '{email}'::text[] else '{sms,email}'::text[] end,
           1 + i % 8, now() - make_interval(secs => i * 60), now() - make_interval(secs => i * 30),
           case when i % 2 = 0 then now() - make_interval(secs => i * 45) end
    from generate_series(1, 30000) i`;
  await sql`analyze members`;
}, 120_000);
afterAll(async () => {
  await db?.destroy();
});

describe('every member list query is index-backed', () => {
  const cases: Array<[string, object, [string, string]?]> = [
    ['default (all but unconfirmed)', {}],
    ['review queue', { status: 'pending_review' }, ['created_at', 'ASC']],
    ['several statuses', { status: ['approved', 'suspended'] }],
    ['kind', { kind: 'senior' }],
    ['source', { source: 'partner' }],
    ['channel', { channel: 'sms' }],
    ['sector', { neighbourhood_id: 3 }],
    ['date window', { created_at_gte: new Date(Date.now() - 86_400_000).toISOString() }],
    ['name search', { q: 'dubois' }],
    ['e-mail search', { q: 'membre1234@example' }],
    ['phone search', { q: '06 00 00 12 34' }],
    ['ids (getMany)', { id: [1, 2, 3] }],
    ['sorted by name', {}, ['full_name', 'ASC']],
    ['sorted by last change', {}, ['updated_at', 'DESC']],
    ['sorted by decision', { status: 'approved' }, ['decided_at', 'DESC']],
  ];
  it.each(cases)('%s', async (_name, filter, sort) => {
    const plan = await planOf(filter, sort);
    const seq = plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'members');
    expect(seq, JSON.stringify(plan.map((n) => n['Index Name'] ?? n['Node Type']))).toEqual([]);
  });
});

describe('the capped totals and the e-mail search stay on their indexes', () => {
  async function countPlan(filter: MemberFilter) {
    const [row] = await sql`explain (format json) select count(*) from (select 1 from members m where ${memberCondition(sql, filter)} limit 1001) capped`;
    return nodes((row!['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
  }

  it("counts a sector's members from the index alone (migration 00021)", async () => {
    const plan = await countPlan({ neighbourhood_id: [3] });
    expect(plan.map((n) => n['Index Name'] ?? n['Node Type'])).toContain('members_neighbourhood_status_idx');
    expect(plan.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
  });

  it('finds the start of an e-mail by index, even in the generic plan of a prepared statement', async () => {
    const plan = await sql.begin(async (tx) => {
      await tx`set local plan_cache_mode = force_generic_plan`;
      const [row] = await tx`explain (format json) ${memberPageQuery(tx as unknown as Sql, parseListQuery(
        { sort: JSON.stringify(['created_at', 'DESC']), range: '[0,24]', filter: JSON.stringify({ q: 'membre1234@exa' }) },
        { sortable: MEMBER_SORTS, defaultSort: ['created_at', 'DESC'], filter: MemberFilterSchema },
      ))}`;
      return nodes((row!['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
    });
    expect(plan.map((n) => n['Index Name'] ?? n['Node Type'])).toContain('members_email_prefix_idx');
  });
});
