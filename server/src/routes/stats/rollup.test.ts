import { HEAT_CELL, REPORT_CATEGORIES, type FullStats, type SectorStats } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { splitWeeks } from './queries.ts';

/**
 * The rollups (migrations 00016 and 00019) are kept by triggers: after random writes of every kind — bulk and
 * single inserts, SQL updates of the grouped columns, triage through the API with forwarding,
 * closing and reopening, deletes — its answers must equal a direct aggregate over `reports`.
 */
let t: TestServer;
let chief: Client;
let townhall: Client;
let sectors: number[];

/** mulberry32: a fixed seed, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20261204);
const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
const SOURCES = ['phone', 'officer'] as const;
const STATUSES = ['new', 'acknowledged', 'in_progress', 'resolved', 'dismissed', 'forwarded'] as const;
/** Two years of Paris days, so that both a period and the year before it hold reports. */
const someInstant = () => new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 730 * 86_400_000)).toISOString();

const randomReport = () => ({
  category: pick(REPORT_CATEGORIES),
  status: pick(STATUSES),
  priority: pick(['low', 'normal', 'high', 'urgent']),
  description: 'Signalement aléatoire',
  lat: 48.77 + rnd() * 0.02,
  lng: 2.31 + rnd() * 0.04,
  neighbourhood_id: rnd() < 0.15 ? null : pick(sectors),
  source: pick(SOURCES),
  received_at: someInstant(),
});

async function randomWrites() {
  for (let batch = 0; batch < 3; batch++) {
    const rows = Array.from({ length: 150 }, randomReport);
    await t.sql`insert into reports ${t.sql(rows)}`;
  }
  for (let i = 0; i < 20; i++) await t.sql`insert into reports ${t.sql(randomReport())}`;
  const ids = (await t.sql<{ id: number }[]>`select id from reports order by id`).map((r) => r.id);
  for (let i = 0; i < 40; i++) {
    const { category, neighbourhood_id, received_at, status } = randomReport();
    await t.sql`update reports set category = ${category}, neighbourhood_id = ${neighbourhood_id} where id = ${pick(ids)}`;
    await t.sql`update reports set received_at = ${received_at}, status = ${status} where id = ${pick(ids)}`;
  }
  // Timelines with delays from seconds to weeks (most under a few hours), some closed, in bulk as a
  // partner or a seed writes them: the timing trigger sets the moments, the rollups follow.
  const timed = ids.filter(() => rnd() < 0.5);
  const delay = () => Math.floor(Math.pow(rnd(), 3) * 21 * 86_400_000);
  const events = (await t.sql<{ id: number; received_at: Date }[]>`select id, received_at from reports where id = any(${timed}::int[])`).flatMap((r) => {
    const ack = new Date(r.received_at.getTime() + delay());
    const rows = [{ report_id: r.id, at: ack, action: 'status', from_value: 'new', to_value: 'acknowledged' }];
    if (rnd() < 0.6) rows.push({ report_id: r.id, at: new Date(ack.getTime() + delay()), action: 'status', from_value: 'acknowledged', to_value: pick(['resolved', 'dismissed', 'forwarded']) });
    return rows;
  });
  await t.sql`insert into report_events ${t.sql(events, 'report_id', 'at', 'action', 'from_value', 'to_value')}`;
  // The status follows the timeline, as the triage route keeps it.
  await t.sql`
    update reports r set status = e.to_value
    from (select distinct on (report_id) report_id, to_value from report_events where report_id = any(${timed}::int[]) and action = 'status' order by report_id, at desc, id desc) e
    where r.id = e.report_id`;
  for (let i = 0; i < 20; i++) await t.sql`update reports set priority = ${pick(['low', 'normal', 'high', 'urgent'])} where id = ${pick(timed)}`;
  // One statement moving many rows at once, as the sector deletion does.
  await t.sql`update reports set neighbourhood_id = null where neighbourhood_id = ${sectors[0]!} and id % 3 = 0`;
  // Triage through the route, as officers do: forwarding, closing and reopening.
  const open = (await t.sql<{ id: number }[]>`select id from reports where status = 'new' order by id limit 30`).map((r) => r.id);
  for (const [i, id] of open.entries()) {
    const put = async (body: Record<string, unknown>) => expect((await chief.json('PUT', `/api/reports/${id}`, body)).status).toBe(200);
    await put({ status: 'acknowledged', priority: pick(['low', 'urgent']) });
    if (i % 3 === 0) await put({ status: 'forwarded', reference: `PV ${id}` });
    else if (i % 3 === 1) await put({ status: 'resolved', category: pick(REPORT_CATEGORIES) });
    else continue;
    if (i % 2 === 0) await put({ status: 'in_progress', note: 'Rouvert : nouveaux éléments.' });
    if (i % 4 === 0) await put({ status: 'dismissed', note: 'Classé après vérification.' });
  }
  // Reports without a timeline can be deleted (nothing else points at them).
  await t.sql`delete from reports r where r.id % 17 = 0 and not exists (select 1 from report_events e where e.report_id = r.id)`;
}

beforeAll(async () => {
  t = await startTestServer();
  sectors = [await createSector(t.sql, 'Centre-ville'), await createSector(t.sql, 'Gare'), await createSector(t.sql, 'Les Blagis')];
  chief = await signIn(t.base, (await createStaff(t.sql, 'supervisor')).email);
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
  await randomWrites();
});
afterAll(async () => {
  await t?.stop();
});

type Filter = { category?: string[]; neighbourhood_id?: number[] };

/** The old way: every figure straight from the period's reports. */
async function direct(from: string, to: string, f: Filter) {
  const rows = await t.sql<Array<{ category: string; neighbourhood_id: number | null; source: string; month: string; n: number; forwarded: number }>>`
    select category, neighbourhood_id, source, to_char(received_at at time zone 'Europe/Paris', 'YYYY-MM') as month,
           count(*)::int as n, count(*) filter (where status = 'forwarded')::int as forwarded
    from reports
    where received_at >= (${from}::date::timestamp at time zone 'Europe/Paris')
      and received_at < ((${to}::date + 1)::timestamp at time zone 'Europe/Paris')
      and (${f.category ?? null}::text[] is null or category = any(${f.category ?? null}::text[]))
      and (${f.neighbourhood_id ?? null}::int[] is null or neighbourhood_id = any(${f.neighbourhood_id ?? null}::int[]))
    group by 1, 2, 3, 4`;
  const sum = (key: (r: (typeof rows)[number]) => string) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + r.n;
    return out;
  };
  return {
    total: rows.reduce((s, r) => s + r.n, 0),
    forwarded: rows.reduce((s, r) => s + r.forwarded, 0),
    category: sum((r) => r.category),
    sector: sum((r) => String(r.neighbourhood_id)),
    source: sum((r) => r.source),
    month: sum((r) => `${r.month} ${r.category}`),
  };
}

const counts = <T>(rows: T[], key: (r: T) => string, value: (r: T) => number) =>
  Object.fromEntries(rows.filter((r) => value(r) > 0).map((r) => [key(r), value(r)]));

const CASES: Array<[string, string, Filter]> = [
  ['2026-03-01', '2026-08-31', {}],
  ['2026-01-01', '2026-12-31', { category: ['burglary', 'vandalism'] }],
  ['2025-12-15', '2026-02-14', {}],
];

describe('the statistics rollup', () => {
  it('holds exactly the daily and weekly counts of the reports table', async () => {
    const difference = await t.sql`
      (select day, category, neighbourhood_id, source, reports, forwarded from report_stats_daily where reports <> 0
       except
       select (received_at at time zone 'Europe/Paris')::date, category, neighbourhood_id, source, count(*)::int, (count(*) filter (where status = 'forwarded'))::int
       from reports group by 1, 2, 3, 4)
      union all
      (select (received_at at time zone 'Europe/Paris')::date, category, neighbourhood_id, source, count(*)::int, (count(*) filter (where status = 'forwarded'))::int
       from reports group by 1, 2, 3, 4
       except
       select day, category, neighbourhood_id, source, reports, forwarded from report_stats_daily where reports <> 0)`;
    expect(difference).toEqual([]);
    // The weekly counts (migration 00019), weeks cut independently of stats_week, split by month.
    const weekly = t.sql`
      select date_trunc('week', received_at at time zone 'Europe/Paris')::date as week, date_trunc('month', received_at at time zone 'Europe/Paris')::date as month,
             category, neighbourhood_id, source, count(*)::int as reports, (count(*) filter (where status = 'forwarded'))::int as forwarded
      from reports group by 1, 2, 3, 4, 5`;
    const weeklyDifference = await t.sql`
      (select week, month, category, neighbourhood_id, source, reports, forwarded from report_stats_weekly where reports <> 0 except ${weekly})
      union all
      (${weekly} except select week, month, category, neighbourhood_id, source, reports, forwarded from report_stats_weekly where reports <> 0)`;
    expect(weeklyDifference).toEqual([]);
    const [all] = await t.sql<{ n: number }[]>`select count(*)::int as n from reports`;
    expect(all!.n).toBeGreaterThan(400);
  });

  it('answers the statistics route like a direct aggregate, with filters and the year before', async () => {
    for (const [from, to, filter] of [...CASES, ['2026-01-01', '2026-12-31', { neighbourhood_id: [sectors[1]!] }] as [string, string, Filter]]) {
      const query = new URLSearchParams({ from, to });
      for (const c of filter.category ?? []) query.append('category', c);
      for (const s of filter.neighbourhood_id ?? []) query.append('neighbourhood_id', String(s));
      const { status, body } = await chief.json<FullStats>('GET', `/api/stats?${query}`);
      expect(status).toBe(200);
      const now = await direct(from, to, filter);
      const before = await direct(body.previous_from, body.previous_to, filter);
      expect(now.total).toBeGreaterThan(0);
      expect({ total: body.total, previous_total: body.previous_total, forwarded: body.forwarded }).toEqual({
        total: now.total, previous_total: before.total, forwarded: { count: now.forwarded, previous: before.forwarded },
      });
      expect(counts(body.by_category, (r) => r.category, (r) => r.count)).toEqual(now.category);
      expect(counts(body.by_category, (r) => r.category, (r) => r.previous)).toEqual(before.category);
      expect(counts(body.by_sector, (r) => String(r.neighbourhood_id), (r) => r.count)).toEqual(now.sector);
      expect(counts(body.by_source, (r) => r.source, (r) => r.previous)).toEqual(before.source);
      expect(counts(body.by_month, (r) => `${r.period} ${r.category}`, (r) => r.count)).toEqual(now.month);
      expect(body.heat.cells.reduce((s, c) => s + c.count, 0)).toBe(now.total);

      const town = await townhall.json<SectorStats>('GET', `/api/stats?${query}`);
      expect(counts(town.body.by_sector, (r) => String(r.neighbourhood_id), (r) => r.previous)).toEqual(before.sector);
    }
  });

  it('holds exactly the weekly and daily heat cells and delay histograms of the reports table, in every filter scope', async () => {
    const recomputed = {
      heat: t.sql`
        select s.category, s.neighbourhood_id, p.days, p.since,
               stats_cell_y(r.lat) as cy, stats_cell_x(r.lng) as cx, count(*)::int as reports
        from reports r
        cross join lateral (values (''::text, 0), (r.category, 0), ('', r.neighbourhood_id), (r.category, r.neighbourhood_id)) s(category, neighbourhood_id)
        cross join lateral (values (1, (r.received_at at time zone 'Europe/Paris')::date), (7, date_trunc('week', r.received_at at time zone 'Europe/Paris')::date)) p(days, since)
        group by 1, 2, 3, 4, 5, 6`,
      delays: t.sql`
        select s.category, s.neighbourhood_id, p.days, p.since,
               r.priority, k.kind, stats_delay_bucket(k.seconds) as bucket, count(*)::int as reports
        from reports r
        cross join lateral (values ('acknowledge', extract(epoch from r.acknowledged_at - r.received_at)),
                                   ('close', extract(epoch from r.closed_at - r.received_at))) k(kind, seconds)
        cross join lateral (values (''::text, 0), (r.category, 0), ('', r.neighbourhood_id), (r.category, r.neighbourhood_id)) s(category, neighbourhood_id)
        cross join lateral (values (1, (r.received_at at time zone 'Europe/Paris')::date), (7, date_trunc('week', r.received_at at time zone 'Europe/Paris')::date)) p(days, since)
        where k.seconds is not null
        group by 1, 2, 3, 4, 5, 6, 7`,
    };
    const heat = await t.sql`
      (select category, neighbourhood_id, days, since, cy, cx, reports from report_heat_rollup where reports <> 0 except ${recomputed.heat})
      union all
      (${recomputed.heat} except select category, neighbourhood_id, days, since, cy, cx, reports from report_heat_rollup where reports <> 0)`;
    expect(heat).toEqual([]);
    const delays = await t.sql`
      (select category, neighbourhood_id, days, since, priority, kind, bucket, reports from report_delay_rollup where reports <> 0 except ${recomputed.delays})
      union all
      (${recomputed.delays} except select category, neighbourhood_id, days, since, priority, kind, bucket, reports from report_delay_rollup where reports <> 0)`;
    expect(delays).toEqual([]);
    const [spread] = await t.sql<{ buckets: number; long: number }[]>`
      select count(distinct bucket)::int as buckets, count(*) filter (where bucket >= 86400)::int as long from report_delay_rollup where reports > 0`;
    expect(spread!.buckets).toBeGreaterThan(50); // delays from minutes to weeks: every bucket width is exercised
    expect(spread!.long).toBeGreaterThan(0);
  });

  it('gives medians within one bucket of percentile_cont, for periods with and without whole weeks and with filters', async () => {
    const periods: Array<[string, string, Filter]> = [
      ...CASES,
      ['2026-01-01', '2026-12-31', { neighbourhood_id: [sectors[1]!, sectors[2]!] }],
      ['2026-01-01', '2026-12-31', { category: ['burglary'], neighbourhood_id: [sectors[1]!] }],
      ['2025-06-03', '2025-06-12', {}], // no whole week: edge days only
      ['2025-06-02', '2025-06-15', {}], // whole weeks only
    ];
    let compared = 0;
    for (const [from, to, filter] of periods) {
      const query = new URLSearchParams({ from, to });
      for (const c of filter.category ?? []) query.append('category', c);
      for (const s of filter.neighbourhood_id ?? []) query.append('neighbourhood_id', String(s));
      const { body } = await chief.json<FullStats>('GET', `/api/stats?${query}`);
      for (const [kind, moment] of [['acknowledge', 'acknowledged_at'], ['close', 'closed_at']] as const) {
        // The exact median, and the width of the buckets of the one or two middle values it averages.
        const exact = await t.sql<{ priority: string; n: number; median: number; bound: number }[]>`
          select priority, count(*)::int as n, percentile_cont(0.5) within group (order by s)::float8 as median,
                 max(stats_delay_width(stats_delay_bucket(s))) filter (where k in (floor((total - 1) / 2.0), ceil((total - 1) / 2.0)))::float8 as bound
          from (
            select priority, s, row_number() over (partition by priority order by s) - 1 as k, count(*) over (partition by priority) as total
            from (
              select r.priority, extract(epoch from ${t.sql(`r.${moment}`)} - r.received_at) as s
              from reports r
              where r.received_at >= (${from}::date::timestamp at time zone 'Europe/Paris')
                and r.received_at < ((${to}::date + 1)::timestamp at time zone 'Europe/Paris')
                and ${t.sql(`r.${moment}`)} is not null
                and (${filter.category ?? null}::text[] is null or r.category = any(${filter.category ?? null}::text[]))
                and (${filter.neighbourhood_id ?? null}::int[] is null or r.neighbourhood_id = any(${filter.neighbourhood_id ?? null}::int[]))
            ) v
          ) o
          group by priority`;
        for (const d of body.durations) {
          const want = exact.find((e) => e.priority === d.priority);
          const [minutes, n] = kind === 'acknowledge' ? [d.acknowledge_minutes, d.acknowledged] : [d.close_minutes, d.closed];
          expect(n).toBe(want?.n ?? 0);
          if (!want) {
            expect(minutes).toBeNull();
            continue;
          }
          // Off by less than the bucket's width, plus the answer's rounding to a tenth of a minute.
          expect(Math.abs(minutes! * 60 - want.median), `${from}…${to} ${JSON.stringify(filter)} ${d.priority} ${kind}`).toBeLessThanOrEqual(want.bound + 3);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('splits a period into whole weeks and edge days', () => {
    // 2026-11-04 is a Wednesday, 2026-11-30 a Monday, 2026-11-29 a Sunday.
    expect(splitWeeks({ from: '2026-11-04', to: '2026-11-30' })).toEqual({
      weeks: { from: '2026-11-09', until: '2026-11-30' },
      edges: [{ from: '2026-11-04', to: '2026-11-08' }, { from: '2026-11-30', to: '2026-11-30' }],
    });
    expect(splitWeeks({ from: '2026-11-02', to: '2026-11-29' })).toEqual({ weeks: { from: '2026-11-02', until: '2026-11-30' }, edges: [] });
    expect(splitWeeks({ from: '2026-11-03', to: '2026-11-14' })).toEqual({ weeks: null, edges: [{ from: '2026-11-03', to: '2026-11-14' }] });
    expect(splitWeeks({ from: '2026-11-03', to: '2026-11-15' })).toEqual({ weeks: { from: '2026-11-09', until: '2026-11-16' }, edges: [{ from: '2026-11-03', to: '2026-11-08' }] });
    expect(splitWeeks({ from: '2026-11-02', to: '2026-11-08' })).toEqual({ weeks: { from: '2026-11-02', until: '2026-11-09' }, edges: [] });
  });

  it('cuts heat cells in SQL exactly as the shared HEAT_CELL says', async () => {
    const [cell] = await t.sql<{ cy: number; cx: number }[]>`select stats_cell_y(${HEAT_CELL.lat * 54_200.5}) as cy, stats_cell_x(${HEAT_CELL.lng * 1_780.5}) as cx`;
    expect(cell).toEqual({ cy: 54_200, cx: 1_780 });
  });

  it('keeps acknowledged_at and closed_at to the timeline, closed_at cleared on reopening', async () => {
    const mismatches = await t.sql`
      select r.id, r.status, r.acknowledged_at, r.closed_at, e.ack_at, e.close_at
      from reports r
      left join (
        select report_id, min(at) filter (where to_value <> 'new') as ack_at,
               max(at) filter (where to_value in ('resolved', 'dismissed', 'forwarded')) as close_at
        from report_events where action = 'status' group by report_id
      ) e on e.report_id = r.id
      where r.acknowledged_at is distinct from e.ack_at
         or r.closed_at is distinct from (case when r.status in ('resolved', 'dismissed', 'forwarded') then e.close_at end)`;
    expect(mismatches).toEqual([]);
    const [reopened] = await t.sql<{ n: number }[]>`
      select count(*)::int as n from reports r
      where r.status = 'in_progress' and r.closed_at is null
        and exists (select 1 from report_events e where e.report_id = r.id and e.action = 'status' and e.to_value in ('resolved', 'forwarded'))`;
    expect(reopened!.n).toBeGreaterThan(0);
    const [timed] = await t.sql<{ n: number }[]>`select count(*)::int as n from reports where closed_at is not null and acknowledged_at is not null`;
    expect(timed!.n).toBeGreaterThan(0);
  });
});
