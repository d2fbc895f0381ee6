import { createHash } from 'node:crypto';
import { connectDatabase, migrate, readMigrations, type Sql } from '@vigie/db';
import { createStaff, signIn } from '../../server/src/test/harness.ts';
import { SERVER_CHILD, startServerProcess } from './support/childProcess.ts';
import { databaseMarker, databaseUrl, dropDatabase, withAdmin } from './support/database.ts';
import { createHttpClient } from './support/http.ts';
import { GENERATOR_VERSION, generateReports } from './support/reportsAtScale.ts';
import { ms, summarise } from './support/stats.ts';
import { vigieEnv } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

const REPORTS = 1_000_000;
/** Kept between runs, like the lists' database; rebuilt when its marker differs. */
const KEPT_DATABASE = 'vigie_bench_stats';
const REQUESTS = 30;
const WARMUP = 3;
/** The goal: every statistics answer within 200 ms at the 95th percentile over 1M reports. */
const MAX_P95_MS = 200;
const DAY = 86_400_000;

interface Context {
  sectors: number[];
  latest: Date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const period = (c: Context, i: number, days: number) => {
  const to = new Date(c.latest.getTime() - (i % 10) * DAY);
  return `from=${day(new Date(to.getTime() - (days - 1) * DAY))}&to=${day(to)}`;
};

/** What the statistics page asks for: its default twelve weeks, a month, a year, and filtered views. */
const CASES: ReadonlyArray<readonly [string, 'supervisor' | 'townhall', (i: number, c: Context) => string]> = [
  ['month', 'supervisor', (i, c) => period(c, i, 30)],
  ['12 weeks (page default)', 'supervisor', (i, c) => period(c, i, 84)],
  ['year', 'supervisor', (i, c) => period(c, i, 365)],
  ['12 weeks, one category', 'supervisor', (i, c) => `${period(c, i, 84)}&category=${['burglary', 'vandalism', 'suspicious_vehicle'][i % 3]}`],
  ['12 weeks, one sector', 'supervisor', (i, c) => `${period(c, i, 84)}&neighbourhood_id=${c.sectors[i % c.sectors.length]}`],
  ['town hall, 12 weeks', 'townhall', (i, c) => period(c, i, 84)],
];

function marker(): string {
  const migrations = createHash('sha256').update(readMigrations().map((m) => `${m.name}:${m.checksum}`).join('\n')).digest('hex').slice(0, 16);
  return `vigie-bench stats: generator v${GENERATOR_VERSION}, ${REPORTS} reports with status events, migrations ${migrations}`;
}

/**
 * The timeline the median delays read: every report past « new » was acknowledged within two hours
 * of its reception, every closed one closed within its `updated_at` (the generator's).
 */
async function statusEvents(sql: Sql) {
  await sql`
    insert into report_events (report_id, at, action, from_value, to_value)
    select id, received_at + (1 + random() * 119) * interval '1 minute', 'status', 'new', 'acknowledged'
    from reports where status <> 'new'`;
  await sql`
    insert into report_events (report_id, at, action, from_value, to_value)
    select id, greatest(updated_at, received_at + interval '2 hours'), 'status', 'acknowledged', status
    from reports where status in ('resolved', 'dismissed', 'forwarded')`;
  // The events' trigger (migration 00016) rewrote every report past « new » to set its timing: a
  // vacuum restores the visibility map the index-only scans need, as autovacuum would in service.
  await sql`vacuum (analyze) reports, report_events, report_stats_daily`;
}

async function database(): Promise<string> {
  const wanted = marker();
  if ((await databaseMarker(KEPT_DATABASE)) === wanted) {
    console.log(`  reusing database ${KEPT_DATABASE}`);
    return databaseUrl(KEPT_DATABASE);
  }
  console.log(`  building ${KEPT_DATABASE}…`);
  await dropDatabase(KEPT_DATABASE);
  await withAdmin((admin) => admin`create database ${admin(KEPT_DATABASE)}`);
  const url = databaseUrl(KEPT_DATABASE);
  const db = await connectDatabase({ url, max: 1 });
  try {
    await migrate(db.sql);
    const started = performance.now();
    await generateReports(db.sql, async () => {
      const lane = await connectDatabase({ url, max: 1 });
      return { sql: lane.sql, close: () => lane.close() };
    }, REPORTS);
    await statusEvents(db.sql);
    console.log(`  ${REPORTS.toLocaleString('en')} reports and their status events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
  await withAdmin((admin) => admin.unsafe(`comment on database ${KEPT_DATABASE} is '${wanted}'`)); // our constant, no input
  return url;
}

export const stats: Benchmark = {
  name: 'stats',
  description: `GET /api/stats p95 over ${REPORTS.toLocaleString('en')} reports (supervisor's full answer, town hall's sector counts)`,
  async run() {
    const url = await database();
    const server = await startServerProcess(SERVER_CHILD, vigieEnv(url, false));
    const http = createHttpClient(server.url, 1);
    try {
      const db = await connectDatabase({ url, max: 1 });
      let context: Context;
      const cookies = {} as Record<'supervisor' | 'townhall', string>;
      try {
        for (const role of ['supervisor', 'townhall'] as const) cookies[role] = (await signIn(server.url, (await createStaff(db.sql, role)).email)).cookie;
        const sectors = (await db.sql<{ id: number }[]>`select id from neighbourhoods order by id`).map((r) => r.id);
        const [row] = await db.sql<{ latest: Date }[]>`select max(received_at) as latest from reports`;
        context = { sectors, latest: row!.latest };
      } finally {
        await db.close();
      }
      await withAdmin((admin) => admin`checkpoint`);
      const rows: Row[] = [];
      for (const [name, role, query] of CASES) {
        const samples: number[] = [];
        for (let i = -WARMUP; i < REQUESTS; i++) {
          const answer = await http.request('GET', `/api/stats?${query(Math.max(0, i), context)}`, { cookie: cookies[role], accept: 'application/json' });
          if (answer.status !== 200) throw new Error(`GET /api/stats (${name}) answered ${answer.status} ${answer.body.slice(0, 200)}`);
          if (i >= 0) samples.push(answer.ms);
        }
        const s = summarise(samples);
        console.log(`  ${name.padEnd(26)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`);
        rows.push({ name: `stats p95: ${name}`, value: s.p95, baseline: s.p50, unit: 'ms', limit: { max: MAX_P95_MS } });
      }
      return rows;
    } finally {
      http.close();
      await server.stop();
    }
  },
};
