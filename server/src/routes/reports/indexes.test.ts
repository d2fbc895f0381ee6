import type { Sql } from '@vigie/db';
import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListQuery } from '../../rest/listQuery.ts';
import { reportPageQuery, REPORT_SORTS } from './queries.ts';
import { ReportFilterSchema } from './schemas.ts';

let db: TestDatabase;
let sql: Sql;

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] }
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function planOf(filter: object, sort: [string, string] = ['received_at', 'DESC']) {
  const query = parseListQuery(
    { sort: JSON.stringify(sort), range: '[0,24]', filter: JSON.stringify(filter) },
    { sortable: REPORT_SORTS, defaultSort: ['received_at', 'DESC'], filter: ReportFilterSchema },
  );
  const [row] = await sql`explain (format json) ${reportPageQuery(sql, query)}`;
  return nodes((row!['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
}

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await sql`insert into neighbourhoods (name, area) select 'S' || i, polygon(box(point(i, 0), point(i + 1, 1))) from generate_series(1, 8) i`;
  await sql`insert into staff (email, full_name, role, password_hash) values ('a@vigie.test', 'A', 'officer', 'x')`;
  // 50,000 reports spread like the real thing: enough rows that a sequential scan would show.
  await sql`
    insert into reports (category, status, priority, description, lat, lng, neighbourhood_id, source, assigned_to, received_at)
    select (array['burglary','burglary_attempt','abusive_canvassing','suspicious_vehicle','suspicious_person','vandalism','road_hazard','other'])[1 + i % 8],
           (array['new','acknowledged','in_progress','resolved','dismissed','forwarded'])[1 + (i / 7) % 6],
           (array['low','normal','normal','normal','high','urgent'])[1 + (i / 3) % 6],
           'Signalement ' || i || case when i % 97 = 0 then ' vélo volé' else ' véhicule stationné' end,
           48.77 + (i % 1000) / 60000.0, 2.31 + (i / 1000) / 3000.0, 1 + i % 8, 'phone',
           case when i % 5 = 0 then 1 end,
           now() - make_interval(secs => i * 60)
    from generate_series(1, 50000) i`;
  await sql`analyze reports`;
}, 120_000);
afterAll(async () => {
  await db?.destroy();
});

describe('every report list query is index-backed', () => {
  const cases: Array<[string, object, [string, string]?]> = [
    ['default sort', {}],
    ['status', { status: 'new' }],
    ['several statuses', { status: ['new', 'acknowledged'] }],
    ['category', { category: 'burglary' }],
    ['priority', { priority: 'urgent' }],
    ['sector', { neighbourhood_id: 3 }],
    ['assigned officer', { assigned_to: 1 }],
    ['date window', { received_at_gte: new Date(Date.now() - 86_400_000).toISOString() }],
    ['full text', { q: 'vélo' }],
    ['ids (getMany)', { id: [1, 2, 3] }],
    ['open queue of a sector, high and urgent', { status: ['new', 'acknowledged', 'in_progress'], neighbourhood_id: 3, priority: ['high', 'urgent'] }],
    ['updated_at sort', {}, ['updated_at', 'DESC']],
    ['id sort', {}, ['id', 'ASC']],
  ];
  it.each(cases)('%s', async (_name, filter, sort) => {
    const plan = await planOf(filter, sort);
    const seqScans = plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'reports');
    expect(seqScans, JSON.stringify(plan.map((n) => n['Node Type']))).toEqual([]);
  });
});
