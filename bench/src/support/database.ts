import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * The machine's PostgreSQL, used only to create and drop the benchmarks' databases (the same
 * default as the tests: loopback, user postgres, trust).
 */
export const ADMIN_URL = process.env.VIGIE_BENCH_ADMIN_URL ?? process.env.VIGIE_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const databaseUrl = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

export async function withAdmin<T>(run: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    return await run(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin`drop database if exists ${admin(name)} with (force)`);
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** An empty database named after the benchmark and this process, dropped by `drop()`. */
export async function createThrowawayDatabase(label: string): Promise<BenchDatabase> {
  const name = `vigie_bench_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withAdmin((admin) => admin`create database ${admin(name)}`);
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}

/** The comment of a database (a kept database's version marker), or null when it does not exist. */
export async function databaseMarker(name: string): Promise<string | null | undefined> {
  return withAdmin(async (admin) => {
    const [row] = await admin<{ marker: string | null }[]>`
      select shobj_description(oid, 'pg_database') as marker from pg_database where datname = ${name}`;
    return row ? row.marker : undefined;
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Throwaway databases of earlier runs that were interrupted (their process is gone). */
export async function dropOrphanDatabases(): Promise<string[]> {
  const names = await withAdmin(async (admin) => {
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname ~ '^vigie_bench_[a-z]+_[0-9]+_[0-9a-f]{6}$'`;
    return rows.map((r) => r.datname);
  });
  const orphans = names.filter((name) => !isAlive(Number(name.split('_').at(-2))));
  for (const name of orphans) await dropDatabase(name);
  return orphans;
}
