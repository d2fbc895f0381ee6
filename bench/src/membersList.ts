import { connectDatabase, migrate } from '@vigie/db';
import { createStaff, signIn } from '../../server/src/test/harness.ts';
import { SERVER_CHILD, startServerProcess, type ServerProcess } from './support/childProcess.ts';
import { createThrowawayDatabase, withAdmin, type BenchDatabase } from './support/database.ts';
import { createHttpClient, type HttpClient } from './support/http.ts';
import { ms, summarise } from './support/stats.ts';
import { vigieEnv } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

const LARGE = 100_000;
const SMALL = 1_000;
const REQUESTS = 40;
const WARMUP = 5;
/** The goal: the review queue and the members list within 50 ms at the 95th percentile with 100,000 members. */
const MAX_P95_MS = 50;
const DAY = 86_400_000;

type Filter = Record<string, unknown>;
type Sort = readonly [field: string, order: 'ASC' | 'DESC'];
const NEWEST: Sort = ['created_at', 'DESC'];
const NAMES = ['martin', 'bernard', 'dubois', 'lefèvre', 'dupont 12', 'rue de la paix', 'membre4242@example', '06 00 00 42 42', 'zzz'];

/** What a town-hall clerk asks for; each case cycles through its values. */
const CASES: ReadonlyArray<readonly [string, (i: number, sectors: number[]) => Filter, ((i: number) => Sort)?]> = [
  ['review queue', () => ({ status: 'pending_review' }), () => ['created_at', 'ASC']],
  ['default', () => ({})],
  ['status', (i) => ({ status: ['pending_review', 'approved', 'rejected', 'suspended', 'banned'][i % 5] })],
  ['neighbourhood_id', (i, s) => ({ neighbourhood_id: s[i % s.length] })],
  ['channel', (i) => ({ channel: ['sms', 'email'][i % 2] })],
  ['kind', (i) => ({ kind: ['self', 'on_behalf', 'senior'][i % 3] })],
  ['source', (i) => ({ source: ['public', 'partner', 'desk', 'import'][i % 4] })],
  ['created_at window', (i) => {
    const end = Date.now() - (i % 20) * 7 * DAY;
    return { created_at_gte: new Date(end - 7 * DAY).toISOString(), created_at_lte: new Date(end).toISOString() };
  }],
  ['q', (i) => ({ q: NAMES[i % NAMES.length] })],
  ['sorted by name', () => ({}), (i) => ['full_name', i % 2 ? 'ASC' : 'DESC']],
];

/** Members spread like a commune's over two years, in one statement (the table's own indexes built as it fills). */
export async function fill(url: string, count: number) {
  const db = await connectDatabase({ url, max: 1 });
  try {
    await migrate(db.sql);
    const started = performance.now();
    await db.sql`insert into neighbourhoods (name, area) select 'Secteur ' || i, polygon(box(point(2.30 + i * 0.01, 48.76), point(2.31 + i * 0.01, 48.80))) from generate_series(0, 7) i`;
    await db.sql`
      insert into members (kind, status, source, partner_id, external_id, full_name, email, phone, address, channels, neighbourhood_id, lat, lng,
                           created_at, updated_at, decided_at, confirmed_at)
      select (array['self','self','self','on_behalf','senior'])[1 + i % 5],
             (array['pending_confirmation','pending_review','approved','approved','approved','approved','approved','approved','rejected','suspended','banned'])[1 + (i / 3) % 11],
             (array['public','partner','desk','import'])[1 + i % 4],
             case when i % 4 = 1 then 'vvs-bench' end, case when i % 4 = 1 then 'm' || i end,
             (array['Martin','Bernard','Dubois','Thomas','Robert','Petit','Durand','Lefèvre','Moreau','Dupont'])[1 + i % 10] || ' ' ||
               (array['Marie','Jean','Élodie','Luc','Nadia','Paul','Anne','Hélène'])[1 + (i / 10) % 8] || ' ' || i,
             'membre' || i || '@example.fr', '+336' || lpad(i::text, 8, '0'),
             -- Two members to a door, as households go (the duplicate check probes by address).
             (1 + i % 500) || ' rue de la Paix ' || (i / 1000) || ', 92340 Bourg-la-Reine',
             case when i % 3 = 0 then '{sms}'::text[] when i % 3 = 1 then '{email}'::text[] else '{sms,email}'::text[] end,
             (select id from neighbourhoods order by id offset (i % 8) limit 1), 48.77 + (i % 100) / 3000.0, 2.30 + (i % 80) / 1000.0,
             now() - make_interval(secs => i * (730 * 86400 / ${count})), now() - make_interval(secs => i * (365 * 86400 / ${count})),
             case when i % 2 = 0 then now() - make_interval(secs => i * (700 * 86400 / ${count})) end,
             now() - make_interval(secs => i * (730 * 86400 / ${count}))
      from generate_series(1, ${count}) i`;
    // What autovacuum does after a bulk load: without the visibility map, capped counts fetch every heap row.
    await db.sql`vacuum (analyze) members`;
    console.log(`  ${count.toLocaleString('en')} members generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

interface Target {
  label: string;
  server: ServerProcess;
  http: HttpClient;
  cookie: string;
  sectors: number[];
  close(): Promise<void>;
}

async function target(label: string, url: string): Promise<Target> {
  const server = await startServerProcess(SERVER_CHILD, vigieEnv(url, false));
  const db = await connectDatabase({ url, max: 1 });
  try {
    const clerk = await createStaff(db.sql, 'townhall');
    const { cookie } = await signIn(server.url, clerk.email);
    const sectors = (await db.sql<{ id: number }[]>`select id from neighbourhoods order by id`).map((r) => r.id);
    const http = createHttpClient(server.url, 1);
    return {
      label, server, http, cookie, sectors,
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
  const answer = await t.http.request('GET', `/api/members?${query}`, { cookie: t.cookie, accept: 'application/json' });
  if (answer.status !== 200 || !answer.headers['content-range']) {
    throw new Error(`${t.label}: GET /api/members ${JSON.stringify(filter)} answered ${answer.status} ${answer.body.slice(0, 200)}`);
  }
  return answer.ms;
}

export const membersList: Benchmark = {
  name: 'membersList',
  description: `GET /api/members p95 (review queue and every filter) with ${LARGE.toLocaleString('en')} members, vs ${SMALL.toLocaleString('en')}, as a town-hall clerk`,
  async run() {
    const databases: BenchDatabase[] = [];
    const targets: Target[] = [];
    try {
      for (const [label, count] of [['large', LARGE], ['small', SMALL]] as const) {
        const db = await createThrowawayDatabase(`members_${label}`);
        databases.push(db);
        await fill(db.url, count);
        targets.push(await target(label, db.url));
      }
      const [large, small] = targets as [Target, Target];
      await withAdmin((admin) => admin`checkpoint`);
      const samples = new Map(CASES.map(([name]) => [name, { large: [] as number[], small: [] as number[] }]));
      for (let i = -WARMUP; i < REQUESTS; i++) {
        for (const [name, filterOf, sortOf] of CASES) {
          const k = i < 0 ? i + WARMUP : i;
          for (const t of i % 2 === 0 ? [large, small] : [small, large]) {
            const took = await list(t, filterOf(k, t.sectors), sortOf?.(k) ?? NEWEST);
            if (i >= 0) samples.get(name)![t === large ? 'large' : 'small'].push(took);
          }
        }
      }
      const rows: Row[] = [];
      for (const [name] of CASES) {
        const s = samples.get(name)!;
        const l = summarise(s.large);
        const b = summarise(s.small);
        console.log(`  ${name.padEnd(18)} 100k: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)} | 1k: p50 ${ms(b.p50)}, p95 ${ms(b.p95)}`);
        rows.push({ name: `members list p95: ${name}`, value: l.p95, baseline: b.p95, unit: 'ms', limit: { max: MAX_P95_MS } });
      }
      return rows;
    } finally {
      for (const t of targets) await t.close();
      for (const db of databases) await db.drop();
    }
  },
};

