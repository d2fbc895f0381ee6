import type { Sql } from '@vigie/db';
import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import type { PendingQuery, Row } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListQuery } from '../../rest/listQuery.ts';
import { listReports, reportPageQuery, textMatch, REPORT_SORTS, SEARCH_COUNT_CAP, searchCountQuery, searchDensityQuery, searchTailQuery } from './queries.ts';
import { ReportFilterSchema } from './schemas.ts';

let db: TestDatabase;
let sql: Sql;

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] }
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

const listQuery = (filter: object, sort: [string, string] = ['received_at', 'DESC'], range: [number, number] = [0, 24]) =>
  parseListQuery(
    { sort: JSON.stringify(sort), range: JSON.stringify(range), filter: JSON.stringify(filter) },
    { sortable: REPORT_SORTS, defaultSort: ['received_at', 'DESC'], filter: ReportFilterSchema },
  );

async function explain<T extends Row[]>(query: PendingQuery<T>) {
  const [row] = await sql`explain (format json) ${query}`;
  return nodes((row!['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
}

const planOf = (filter: object, sort?: [string, string]) => explain(reportPageQuery(sql, listQuery(filter, sort)));

const OPEN = ['new', 'acknowledged', 'in_progress'];
const seqScans = (plan: PlanNode[]) => plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'reports');
const shape = (plan: PlanNode[]) => JSON.stringify(plan.map((n) => n['Index Name'] ?? n['Node Type']));

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await sql`insert into neighbourhoods (name, area) select 'S' || i, polygon(box(point(i, 0), point(i + 1, 1))) from generate_series(1, 8) i`;
  await sql`insert into staff (email, full_name, role, password_hash) values ('a@vigie.test', 'A', 'officer', 'x')`;
  // 50,000 reports spread like the real thing: enough rows that a sequential scan would show.
  await sql`
    insert into reports (category, status, priority, description, lat, lng, neighbourhood_id, source, assigned_to, received_at, updated_at)
    select (array['burglary','burglary_attempt','abusive_canvassing','suspicious_vehicle','suspicious_person','vandalism','road_hazard','other'])[1 + i % 8],
           (array['new','acknowledged','in_progress','resolved','dismissed','forwarded'])[1 + (i / 7) % 6],
           (array['low','normal','normal','normal','high','urgent'])[1 + (i / 3) % 6],
           'Signalement ' || i || case when i % 97 = 0 then ' vélo volé' else ' véhicule stationné' end,
           48.77 + (i % 1000) / 60000.0, 2.31 + (i / 1000) / 3000.0, 1 + i % 8, 'phone',
           case when i % 5 = 0 then 1 end,
           now() - make_interval(secs => i * 60),
           date_trunc('hour', now() - make_interval(secs => i * 60)) -- sixty reports to an hour: ties in the updated_at sort
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
    ['source', { source: 'phone' }],
    ['sector', { neighbourhood_id: 3 }],
    ['assigned officer', { assigned_to: 1 }],
    ['date window', { received_at_gte: new Date(Date.now() - 86_400_000).toISOString() }],
    ['full text', { q: 'vélo' }],
    ['ids (getMany)', { id: [1, 2, 3] }],
    ['open queue of a sector, high and urgent', { status: OPEN, neighbourhood_id: 3, priority: ['high', 'urgent'] }],
    ['open queue of a sector, newest first', { status: OPEN, neighbourhood_id: 3 }],
    ['open queue of a sector, by priority', { status: OPEN, neighbourhood_id: 3 }, ['priority', 'DESC']],
    ['updated_at sort', {}, ['updated_at', 'DESC']],
    ['id sort', {}, ['id', 'ASC']],
  ];
  it.each(cases)('%s', async (_name, filter, sort) => {
    const plan = await planOf(filter, sort);
    expect(seqScans(plan), shape(plan)).toEqual([]);
  });
});

describe('the open queue', () => {
  it.each([
    ['a sector, urgent first', { status: OPEN, neighbourhood_id: 3 }, ['priority', 'DESC']],
    ['a sector, low first', { status: OPEN, neighbourhood_id: 3 }, ['priority', 'ASC']],
    ['every sector, urgent first', { status: OPEN }, ['priority', 'DESC']],
    ['new reports, urgent first', { status: 'new' }, ['priority', 'DESC']],
  ] as Array<[string, object, [string, string]]>)('%s: in priority order from its index, nothing sorted', async (_name, filter, sort) => {
    const plan = await planOf(filter, sort);
    expect([...seqScans(plan), ...plan.filter((n) => n['Node Type'] === 'Sort')], shape(plan)).toEqual([]);
    expect(plan.some((n) => n['Index Name'] === 'reports_open_rank_idx'), shape(plan)).toBe(true);
  });
});

describe('a full-text list walks a bounded window, then reads the rest through the GIN index', () => {
  const searches: Array<[string, object, [string, string]]> = [
    ['a word, newest first', { q: 'vélo' }, ['received_at', 'DESC']],
    ['a word, oldest first', { q: 'vélo' }, ['received_at', 'ASC']],
    ['a number (an id or a word)', { q: '4242' }, ['received_at', 'DESC']],
    ['a word in the open queue', { q: 'vélo', status: OPEN }, ['received_at', 'DESC']],
    ['a word, by id', { q: 'vélo' }, ['id', 'DESC']],
    ['a word, by last update', { q: 'vélo' }, ['updated_at', 'DESC']],
  ];

  it.each(searches)('%s: the window is walked in order, and no further', async (_name, filter, sort) => {
    const plan = await explain(reportPageQuery(sql, listQuery(filter, sort), 1_000));
    expect(seqScans(plan), shape(plan)).toEqual([]);
    // Index order, no sort: the walk stops once the page is found, or at the window's limit.
    expect(plan.filter((n) => n['Node Type'] === 'Sort'), shape(plan)).toEqual([]);
    expect(plan.map((n) => n['Node Type']), shape(plan)).toContain('Subquery Scan');
  });

  it.each(searches)('%s: past the window, matches are read through the GIN index', async (_name, filter, sort) => {
    const plan = await explain(searchTailQuery(sql, listQuery(filter, sort), 1_000));
    expect(seqScans(plan), shape(plan)).toEqual([]);
    expect(plan.some((n) => n['Index Name'] === 'reports_search_idx'), shape(plan)).toBe(true);
  });

  it.each(searches)('%s: the total walks the newest window for a rate, in order', async (_name, filter) => {
    const plan = await explain(searchDensityQuery(sql, listQuery(filter).filter, 1_000));
    expect([...seqScans(plan), ...plan.filter((n) => n['Node Type'] === 'Sort')], shape(plan)).toEqual([]);
  });

  it.each(searches)('%s: the total counts rare matches through the GIN index', async (_name, filter) => {
    const plan = await explain(searchCountQuery(sql, listQuery(filter).filter));
    expect(seqScans(plan), shape(plan)).toEqual([]);
    expect(plan.some((n) => n['Index Name'] === 'reports_search_idx'), shape(plan)).toBe(true);
  });

  it('counts exactly up to the cap, then estimates from the rate among the newest reports', async () => {
    const exact = async ({ q, received_at_gte: since }: { q: string; received_at_gte?: string }) => {
      const [row] = await sql`select count(*)::int as n from reports r where ${textMatch(sql, q)}
        and ${since ? sql`r.received_at >= ${since}::timestamptz` : sql`true`}`;
      return row!.n as number;
    };
    const total = async (filter: object) => (await listReports(sql, listQuery(filter, ['received_at', 'DESC'], [0, 9]), 3_000)).total;
    // Under the cap: exact, whether the window or the GIN index finds them.
    const lately = { q: 'vélo', received_at_gte: new Date(Date.now() - 5_000 * 60_000).toISOString() };
    expect(await exact(lately)).toBeLessThanOrEqual(SEARCH_COUNT_CAP);
    expect(await total(lately)).toBe(await exact(lately));
    // Past it: an estimate, near the truth when the word is spread evenly (« véhicule »: 96 reports in 97).
    for (const filter of [{ q: 'véhicule' }, { q: 'vélo' }]) {
      const truth = await exact(filter);
      expect(truth).toBeGreaterThan(SEARCH_COUNT_CAP);
      expect(Math.abs((await total(filter)) - truth) / truth, JSON.stringify(filter)).toBeLessThan(0.25);
    }
  });

  it('pages exactly as one ordered query would, across the window edge', async () => {
    // 'vélo' is in one report out of 97: about 30 in a window of 3,000, about 515 in all.
    for (const [filter, sort] of [
      [{ q: 'vélo' }, ['received_at', 'DESC']],
      [{ q: 'vélo' }, ['received_at', 'ASC']],
      [{ q: 'vélo' }, ['id', 'DESC']],
      [{ q: 'vélo' }, ['updated_at', 'DESC']],
      [{ q: 'vélo' }, ['updated_at', 'ASC']],
      // Only old reports: the window holds none, so a later page counts the window's matches first.
      [{ q: 'vélo', received_at_lte: new Date(Date.now() - 40_000 * 60_000).toISOString() }, ['received_at', 'DESC']],
    ] as Array<[object, [string, string]]>) {
      for (const start of [0, 7, 25, 28, 40, 510]) {
        const query = listQuery(filter, sort, [start, start + 9]);
        const windowed = await listReports(sql, query, 3_000);
        const plain = await reportPageQuery(sql, query);
        expect(windowed.rows.map((r) => r.id), `${JSON.stringify(filter)} ${sort.join(' ')} from ${start}`).toEqual(plain.map((r) => r.id));
      }
    }
  });
});
