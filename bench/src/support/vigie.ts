import { connectDatabase, loadCommune, outerRing, type Database, type Sql } from '@vigie/db';
import { cookieName } from '../../../server/src/auth/cookie.ts';
import { createSession } from '../../../server/src/auth/sessions.ts';
import { parseEnv, type Env } from '../../../server/src/env.ts';
import { samplePayload } from '../../../server/src/routes/intake/samples.ts';
import { signedHeaders } from '../../../server/src/routes/intake/signature.ts';
import { DEMO_PARTNER } from '../../../server/src/routes/partners/demo.ts';
import { createStaff, ORIGIN } from '../../../server/src/test/harness.ts';
import { createThrowawayDatabase, type BenchDatabase } from './database.ts';
import { SERVER_CHILD, startServerProcess, type ServerProcess } from './childProcess.ts';

/** What the child server is started with; the benchmark parses the same to share its settings. */
export function vigieEnv(databaseUrl: string, demo: boolean): Record<string, string> {
  return { NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PUBLIC_URL: ORIGIN, DATABASE_URL: databaseUrl, VIGIE_DEMO: demo ? '1' : '0' };
}

export interface Vigie {
  server: ServerProcess;
  /** The benchmark's own small pool on the server's database (setup and checks, never the load). */
  sql: Sql;
  env: Env;
  database: BenchDatabase;
  close(): Promise<void>;
}

/**
 * The real server in a child process over a throwaway database. Demo mode seeds what a running
 * commune has (sectors, members, two months of reports) and the `vvs-demo` partner.
 */
export async function startVigie(label: string, options: { demo: boolean; env?: Record<string, string> }): Promise<Vigie> {
  const database = await createThrowawayDatabase(label);
  let server: ServerProcess | undefined;
  let db: Database | undefined;
  try {
    const env = { ...vigieEnv(database.url, options.demo), ...options.env };
    server = await startServerProcess(SERVER_CHILD, env);
    db = await connectDatabase({ url: database.url, max: 2 });
    const [s, d] = [server, db];
    return {
      server: s,
      sql: d.sql,
      env: parseEnv(env),
      database,
      async close() {
        await s.stop();
        await d.close();
        await database.drop();
      },
    };
  } catch (error) {
    await server?.stop();
    await db?.close();
    await database.drop();
    throw error;
  }
}

/**
 * The demo partner is limited to 600 reports a minute like any new partner; a load test needs
 * more, so its limit is raised in the throwaway database (every request is still counted).
 */
export async function liftIntakeLimit(sql: Sql) {
  const rows = await sql`update partners set rate_per_minute = 1000000 where id = ${DEMO_PARTNER.id} returning id`;
  if (rows.length !== 1) throw new Error(`partner ${DEMO_PARTNER.id} is missing: is the server in demo mode?`);
}

/**
 * Cookies of `count` distinct officers, each with a session made by the server's own
 * `createSession` (signing in through argon2 200 times is not what these benchmarks measure).
 */
export async function officerCookies(vigie: Vigie, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const staff = await createStaff(vigie.sql, 'officer');
    const session = await createSession(vigie.sql, vigie.env, staff.id, { ip: '127.0.0.1', userAgent: 'vigie-bench' });
    cookies.push(`${cookieName(vigie.env)}=${session.token}`);
  }
  return cookies;
}

/** mulberry32: a seeded source, so that every run posts the same sequence of alerts. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SignedIntake {
  externalId: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * Realistic alerts (the intake's own samples: French text, points inside the commune, demo
 * members as reporters) with unique external ids, signed as the demo partner just before sending.
 */
export function intakeStream(runId: string, seed = 92_340) {
  const ring = outerRing(loadCommune().boundary);
  const random = seededRandom(seed);
  let sequence = 0;
  return (): SignedIntake => {
    const externalId = `bench-${runId}-${++sequence}`;
    const body = JSON.stringify(samplePayload(random, ring, externalId));
    return { externalId, body, headers: signedHeaders(DEMO_PARTNER.id, DEMO_PARTNER.secret, body) };
  };
}

export const INTAKE_PATH = '/api/intake/reports';

/** The PostgreSQL backends connected to the benchmark's database (the server's pool among them). */
export async function backendPids(sql: Sql): Promise<number[]> {
  const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
}
