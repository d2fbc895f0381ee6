import { performance } from 'node:perf_hooks';
import { loadCommune, outerRing, toPgPolygon, type Sql } from '@vigie/db';
import { REPORT_CATEGORIES, type ReportCategory } from '@vigie/shared';
import { buildSectors } from '../../../db/seeds/sectors.ts';
import { STREETS } from '../../../db/seeds/streets.ts';
import { samplePayload } from '../../../server/src/routes/intake/samples.ts';
import { seededRandom } from './vigie.ts';

/** Bump when the generated data changes: a kept database with another version is rebuilt. */
export const GENERATOR_VERSION = 1;

export const OFFICERS = 40;

/** In the order of the cumulative weights below (the demo seed's: 24, 22, 11, 10, 10, 9, 8, 6). */
const REPORT_CATEGORIES_BY_WEIGHT: readonly ReportCategory[] = [
  'suspicious_vehicle', 'suspicious_person', 'abusive_canvassing', 'burglary_attempt', 'vandalism', 'road_hazard', 'burglary', 'other',
];

/**
 * Up to 64 distinct French descriptions per category, from the intake's own samples, so that a
 * full-text search finds what it would find in a real commune (« camionnette » in vehicles…).
 */
function descriptions(): Array<{ category: ReportCategory; k: number; description: string }> {
  const ring = outerRing(loadCommune().boundary);
  const random = seededRandom(1_000_000);
  const byCategory = new Map<ReportCategory, Set<string>>(REPORT_CATEGORIES.map((c) => [c, new Set<string>()]));
  for (let i = 0; i < 20_000; i++) {
    const sample = samplePayload(random, ring, `text-${i}`);
    const set = byCategory.get(sample.category)!;
    if (set.size < 64) set.add(sample.description);
  }
  return [...byCategory].flatMap(([category, texts]) => [...texts].map((description, k) => ({ category, k, description })));
}

/**
 * The commune's 8 real sectors, 40 officers and `count` reports received over the last year, in
 * plain SQL (`generate_series`) on two connections at once. Distributions follow the demo seed:
 * categories weighted as residents report them, most reports older than a day closed (resolved,
 * dismissed, forwarded), open ones recent, priorities mostly normal, sectors unevenly busy, 2 %
 * just outside the commune, 80 % from the platform. Ends with VACUUM ANALYZE, as autovacuum
 * would have left a year-old table.
 */
export async function generateReports(sql: Sql, connect: () => Promise<{ sql: Sql; close(): Promise<void> }>, count: number, log: (phase: string, ms: number) => void = () => {}) {
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    log(name, now - mark);
    mark = now;
  };
  const boundary = outerRing(loadCommune().boundary);
  const sectors = buildSectors(boundary as Array<[number, number]>);
  const sectorIds: number[] = [];
  for (const sector of sectors) {
    const [row] = await sql<{ id: number }[]>`
      insert into neighbourhoods (name, area) values (${sector.name}, ${toPgPolygon(sector.ring)}::polygon) returning id`;
    sectorIds.push(row!.id);
  }
  const officers = await sql<{ id: number }[]>`
    insert into staff (email, full_name, role, password_hash)
    select 'agent' || i || '@bench.vigie.test', 'Agent ' || i, 'officer', 'not-a-hash' from generate_series(1, ${OFFICERS}) i
    returning id`;
  const officerIds = officers.map((o) => o.id);

  const texts = descriptions();
  const categories = [...REPORT_CATEGORIES_BY_WEIGHT];
  const textCounts = categories.map((c) => texts.filter((t) => t.category === c).length);

  await sql`create table bench_texts (category text not null, k integer not null, description text not null, primary key (category, k))`;
  const lngs = boundary.map((p) => p[0]!);
  const lats = boundary.map((p) => p[1]!);
  const box = { minLng: Math.min(...lngs), maxLng: Math.max(...lngs), minLat: Math.min(...lats), maxLat: Math.max(...lats) };
  const streets = STREETS.map((s) => s.name);
  await sql`insert into bench_texts ${sql(texts, 'category', 'k', 'description')}`;

  const insertRange = (q: Sql, from: number, to: number) => q`
    insert into reports (category, status, priority, emergency, description, lat, lng, address, neighbourhood_id, out_of_area,
                         source, partner_id, external_id, reporter_name, reporter_phone, assigned_to, received_at, occurred_at, updated_at)
    select g.category, g.status, g.priority, g.priority = 'urgent' and g.r7 < 0.7, t.description,
           g.lat, g.lng, g.address, case when not g.outside then g.sector end, g.outside,
           g.source, case when g.source = 'platform' then 'vvs-demo' end, case when g.source = 'platform' then 'scale-' || lpad(g.i::text, 8, '0') end,
           case when g.source <> 'officer' and g.r7 < 0.7 then (array['Jeanne Martin','Paul Bernard','Nadia Dubois','Karim Lefèvre','Sophie Moreau','Henri Garcia'])[1 + g.i % 6] end,
           case when g.source <> 'officer' and g.r7 < 0.6 then '+33 6 ' || lpad((g.i % 100)::text, 2, '0') || ' 12 34 56' end,
           case when g.status <> 'new' then (${officerIds}::int[])[1 + floor(${OFFICERS} * power(g.r6, 1.5))::int] end,
           g.received_at, g.received_at - g.r5 * interval '15 minutes',
           g.received_at + case when g.status in ('resolved', 'dismissed', 'forwarded') then g.r5 * interval '6 hours' else interval '0' end
    from (
      select a.*, now() - a.age * interval '365 days' - a.r1 * interval '5 minutes' as received_at,
             (${categories}::text[])[c.c] as category,
             a.i % (${textCounts}::int[])[c.c] as k,
             case when a.age * 365 < 1.0 / 24 then (array['new','new','new','new','new','new','new','acknowledged','acknowledged','in_progress'])[1 + floor(a.r3 * 10)::int]
                  when a.age * 365 < 1 then (array['new','new','new','acknowledged','acknowledged','in_progress','in_progress','resolved','resolved','resolved','resolved','resolved','dismissed','dismissed','forwarded'])[1 + floor(a.r3 * 15)::int]
                  when a.r3 < 0.01 then 'new' when a.r3 < 0.015 then 'acknowledged' when a.r3 < 0.02 then 'in_progress'
                  when a.r3 < 0.67 then 'resolved' when a.r3 < 0.92 then 'dismissed' else 'forwarded' end as status,
             case when a.r4 < 0.20 then 'low' when a.r4 < 0.78 then 'normal' when a.r4 < 0.94 then 'high' else 'urgent' end as priority,
             case when a.r8 < 0.80 then 'platform' when a.r8 < 0.93 then 'phone' else 'officer' end as source,
             (${sectorIds}::int[])[1 + floor(${sectorIds.length} * power(a.r6, 1.3))::int] as sector,
             a.r7 < 0.02 as outside,
             ${box.minLat}::float8 + a.r5 * ${box.maxLat - box.minLat}::float8 as lat,
             ${box.minLng}::float8 + a.r6 * ${box.maxLng - box.minLng}::float8 as lng,
             (1 + a.i % 60)::text || ' ' || (${streets}::text[])[1 + (a.i / 7) % ${streets.length}] || ', 92340 Bourg-la-Reine' as address
      from (
        -- volatile target list: evaluated once per row, never pulled up into the query above;
        -- ids grow with received_at, as rows arrive in a real table (the heap follows time)
        select i, 1 - i::float8 / ${count} as age, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8
        from generate_series(${from}::int, ${to}::int) i offset 0
      ) a
      cross join lateral (
        select case when a.r2 < 0.24 then 1 when a.r2 < 0.46 then 2 when a.r2 < 0.57 then 3 when a.r2 < 0.67 then 4
                    when a.r2 < 0.77 then 5 when a.r2 < 0.86 then 6 when a.r2 < 0.94 then 7 else 8 end as c
      ) c
    ) g
    join bench_texts t on t.category = g.category and t.k = g.k`;

  // Secondary indexes are dropped during the load and built again after (five times faster than
  // maintaining them row by row), from their own definitions so that migrations stay the truth.
  const indexes = await sql<{ name: string; definition: string }[]>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = 'public' and tablename = 'reports'
      and indexname not in (select conname from pg_constraint where conrelid = 'public.reports'::regclass)`;
  for (const index of indexes) await sql`drop index ${sql(index.name)}`;

  // Two lanes on two connections: to_tsvector of the generated search column, then the index builds.
  const half = Math.ceil(count / 2);
  const lanes: Array<[number, number]> = [[1, half], [half + 1, count]];
  await Promise.all(
    lanes.map(async ([from, to], lane) => {
      const connection = await connect();
      try {
        await connection.sql`select setseed(${(lane + 1) / 3})`;
        if (from <= to) await insertRange(connection.sql, from, to);
      } finally {
        await connection.close();
      }
    }),
  );
  phase('rows');
  let next = 0;
  await Promise.all(
    lanes.map(async () => {
      const connection = await connect();
      try {
        await connection.sql`set maintenance_work_mem = '256MB'`;
        while (next < indexes.length) await connection.sql.unsafe(indexes[next++]!.definition); // from the catalog, never from a request
      } finally {
        await connection.close();
      }
    }),
  );
  phase('indexes');
  await sql`drop table bench_texts`;
  await sql`vacuum (analyze) reports`;
  await sql`analyze`;
  phase('vacuum analyze');
  return { sectors: sectorIds, officers: officerIds };
}
