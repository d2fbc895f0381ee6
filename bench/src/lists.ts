import { createHash } from 'node:crypto';
import { connectDatabase, migrate, readMigrations, type Sql } from '@vigie/db';
import { createStaff, signIn } from '../../server/src/test/harness.ts';
import { SERVER_CHILD, startServerProcess, type ServerProcess } from './support/childProcess.ts';
import { createThrowawayDatabase, databaseMarker, databaseUrl, dropDatabase, withAdmin, type BenchDatabase } from './support/database.ts';
import { createHttpClient, type HttpClient } from './support/http.ts';
import { GENERATOR_VERSION, generateReports } from './support/reportsAtScale.ts';
import { ms, summarise } from './support/stats.ts';
import { vigieEnv } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

const LARGE = 1_000_000;
const SMALL = 10_000;
/** Kept between runs (1M rows take about a minute to build); rebuilt when its marker differs. */
const KEPT_DATABASE = 'vigie_bench_lists';
const REQUESTS = 50;
const WARMUP = 5;
/** The goal: every list answers within 50 ms at the 95th percentile with 1M reports. */
const MAX_P95_MS = 50;

interface Context {
  sectors: number[];
  officers: number[];
  /** The newest report: date windows are laid back from it, so a kept database ages gracefully. */
  latest: Date;
}

type Filter = Record<string, unknown>;
type Sort = readonly [field: string, order: 'ASC' | 'DESC'];

const OPEN = ['new', 'acknowledged', 'in_progress'];
/**
 * Words an officer types: common ones, « scooter », « rue » in half the addresses, « vélo » that
 * no report holds, and a number (a report id or a word).
 */
const TERMS = ['camionnette', 'tags', 'démarchage', 'cambriolage', 'rue Ravon', 'portail', 'chien errant', '4242', 'scooter', 'vélo', 'rue'];
const DAY = 86_400_000;
/** The reports list's default (admin/src/reports/ReportList.tsx); a column header sorts ASC, then DESC. */
const NEWEST: Sort = ['received_at', 'DESC'];

/** What an officer asks for: each case cycles through its values, one request at a time. */
const CASES: ReadonlyArray<readonly [string, (i: number, c: Context) => Filter, ((i: number) => Sort)?]> = [
  ['default sort', () => ({})],
  ['status', (i) => ({ status: ['new', 'acknowledged', 'in_progress', 'resolved', 'dismissed', 'forwarded'][i % 6] })],
  ['category', (i) => ({ category: ['burglary', 'burglary_attempt', 'abusive_canvassing', 'suspicious_vehicle', 'suspicious_person', 'vandalism', 'road_hazard', 'other'][i % 8] })],
  ['priority', (i) => ({ priority: ['low', 'normal', 'high', 'urgent'][i % 4] })],
  ['source', (i) => ({ source: ['platform', 'phone', 'officer'][i % 3] })],
  ['neighbourhood_id', (i, c) => ({ neighbourhood_id: c.sectors[i % c.sectors.length] })],
  ['assigned_to', (i, c) => ({ assigned_to: c.officers[i % c.officers.length] })],
  ['received_at window', (i, c) => {
    const end = c.latest.getTime() - (i % 50) * 7 * DAY;
    return { received_at_gte: new Date(end - 7 * DAY).toISOString(), received_at_lte: new Date(end).toISOString() };
  }],
  ['q full-text', (i) => ({ q: TERMS[i % TERMS.length] })],
  ['combined', (i, c) => ({ status: OPEN, neighbourhood_id: c.sectors[i % c.sectors.length], priority: ['high', 'urgent'] })],
  // The officer's working queue: open reports of one sector, newest first or by priority.
  ['open queue, newest', (i, c) => ({ status: OPEN, neighbourhood_id: c.sectors[i % c.sectors.length] })],
  ['open queue, priority', (i, c) => ({ status: OPEN, neighbourhood_id: c.sectors[i % c.sectors.length] }), (i) => ['priority', i % 2 ? 'ASC' : 'DESC']],
];

function marker(): string {
  const migrations = createHash('sha256').update(readMigrations().map((m) => `${m.name}:${m.checksum}`).join('\n')).digest('hex').slice(0, 16);
  return `vigie-bench lists: generator v${GENERATOR_VERSION}, ${LARGE} reports, migrations ${migrations}`;
}

async function fill(url: string, count: number) {
  const db = await connectDatabase({ url, max: 1 });
  try {
    await migrate(db.sql);
    const started = performance.now();
    const phases: string[] = [];
    await generateReports(db.sql, async () => {
      const lane = await connectDatabase({ url, max: 1 });
      return { sql: lane.sql, close: () => lane.close() };
    }, count, (phase, took) => phases.push(`${phase} ${(took / 1000).toFixed(1)} s`));
    console.log(`  ${count.toLocaleString('en')} reports generated in ${((performance.now() - started) / 1000).toFixed(1)} s (${phases.join(', ')})`);
  } finally {
    await db.close();
  }
}

/** The 1M-report database, built once and kept (its comment records what built it). */
async function largeDatabase(): Promise<string> {
  const wanted = marker();
  const found = await databaseMarker(KEPT_DATABASE);
  if (found === wanted) {
    console.log(`  reusing database ${KEPT_DATABASE} (${wanted})`);
    return databaseUrl(KEPT_DATABASE);
  }
  console.log(found === undefined ? `  building ${KEPT_DATABASE}…` : `  rebuilding ${KEPT_DATABASE} (its marker was "${found ?? ''}")…`);
  await dropDatabase(KEPT_DATABASE);
  await withAdmin((admin) => admin`create database ${admin(KEPT_DATABASE)}`);
  await fill(databaseUrl(KEPT_DATABASE), LARGE);
  await withAdmin((admin) => admin.unsafe(`comment on database ${KEPT_DATABASE} is '${wanted}'`)); // our constant, no input
  return databaseUrl(KEPT_DATABASE);
}

async function contextOf(sql: Sql): Promise<Context> {
  const sectors = (await sql<{ id: number }[]>`select id from neighbourhoods order by id`).map((r) => r.id);
  const officers = (await sql<{ id: number }[]>`
    select assigned_to as id from reports where assigned_to is not null group by 1 order by count(*) desc limit 20`).map((r) => r.id);
  const [row] = await sql<{ latest: Date }[]>`select max(received_at) as latest from reports`;
  return { sectors, officers, latest: row!.latest };
}

interface Target {
  label: string;
  server: ServerProcess;
  http: HttpClient;
  cookie: string;
  context: Context;
  close(): Promise<void>;
}

async function target(label: string, url: string): Promise<Target> {
  const server = await startServerProcess(SERVER_CHILD, vigieEnv(url, false));
  const db = await connectDatabase({ url, max: 1 });
  try {
    const officer = await createStaff(db.sql, 'officer');
    const { cookie } = await signIn(server.url, officer.email);
    const context = await contextOf(db.sql);
    const http = createHttpClient(server.url, 1);
    return {
      label, server, http, cookie, context,
      async close() {
        http.close();
        await server.stop();
      },
    };
  } finally {
    await db.close();
  }
}

async function list(t: Target, filter: Filter, sort: Sort) {
  const query = new URLSearchParams({ sort: JSON.stringify(sort), range: '[0,24]', filter: JSON.stringify(filter) });
  const answer = await t.http.request('GET', `/api/reports?${query}`, { cookie: t.cookie, accept: 'application/json' });
  if (answer.status !== 200 || !answer.headers['content-range']) {
    throw new Error(`${t.label}: GET /api/reports ${JSON.stringify(filter)} answered ${answer.status} ${answer.body.slice(0, 200)}`);
  }
  return { ms: answer.ms, total: Number(String(answer.headers['content-range']).split('/')[1]) };
}

export const lists: Benchmark = {
  name: 'lists',
  description: `GET /api/reports p95 with ${LARGE.toLocaleString('en')} reports, vs the same requests with ${SMALL.toLocaleString('en')}, as a signed-in officer`,
  async run() {
    const largeUrl = await largeDatabase();
    let small: BenchDatabase | undefined;
    const targets: Target[] = [];
    try {
      small = await createThrowawayDatabase('lists');
      await fill(small.url, SMALL);
      targets.push(await target('1M', largeUrl), await target('10k', small.url));
      const [large, base] = targets as [Target, Target];
      // Write the dirty pages the benchmarks before this one left (tens of thousands of reports
      // inserted, databases dropped) now, rather than in a checkpoint in the middle of the reads.
      await withAdmin((admin) => admin`checkpoint`);

      const samples = new Map(CASES.map(([name]) => [name, { large: [] as number[], small: [] as number[], totals: [] as number[] }]));
      // Interleaved: every request on 1M is followed (or preceded) by its twin on 10k, so that
      // a noisy second on the shared machine weighs on both columns alike.
      for (let i = -WARMUP; i < REQUESTS; i++) {
        for (const [name, filterOf, sortOf] of CASES) {
          const pair = i % 2 === 0 ? [large, base] : [base, large];
          const k = i < 0 ? i + WARMUP : i;
          for (const t of pair) {
            const result = await list(t, filterOf(k, t.context), sortOf?.(k) ?? NEWEST);
            if (i < 0) continue;
            const s = samples.get(name)!;
            if (t === large) {
              s.large.push(result.ms);
              s.totals.push(result.total);
            } else s.small.push(result.ms);
          }
        }
      }

      const rows: Row[] = [];
      for (const [name] of CASES) {
        const s = samples.get(name)!;
        const l = summarise(s.large);
        const b = summarise(s.small);
        const totals = `${Math.min(...s.totals).toLocaleString('en')}–${Math.max(...s.totals).toLocaleString('en')}`;
        console.log(`  ${name.padEnd(20)} 1M: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)} (totals ${totals}) | 10k: p50 ${ms(b.p50)}, p95 ${ms(b.p95)}`);
        rows.push({ name: `list p95: ${name}`, value: l.p95, baseline: b.p95, unit: 'ms', limit: { max: MAX_P95_MS } });
      }
      return rows;
    } finally {
      for (const t of targets) await t.close();
      await small?.drop();
    }
  },
};
