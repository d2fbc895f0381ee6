import { TEST_ADMIN_URL, throwawayDatabases, type ThrowawayDatabase } from '@vigie/db/testing';

/**
 * The benchmarks' databases: throwaway ones `vigie_bench_<benchmark>_<pid>_<hex>` (the same as the
 * tests', see @vigie/db/testing) and the kept `vigie_bench_lists`, on the machine's PostgreSQL
 * unless VIGIE_BENCH_ADMIN_URL names another.
 */
const databases = throwawayDatabases('vigie_bench', process.env.VIGIE_BENCH_ADMIN_URL ?? TEST_ADMIN_URL);

export const ADMIN_URL = databases.adminUrl;
export const { withAdmin, urlOf: databaseUrl, drop: dropDatabase, dropOrphans: dropOrphanDatabases } = databases;

export type BenchDatabase = ThrowawayDatabase;

/** An empty database named after the benchmark and this process, dropped by `drop()`. */
export const createThrowawayDatabase = (label: string): Promise<BenchDatabase> => databases.create(label);

/** The comment of a database (a kept database's version marker): null without one, undefined when there is no such database. */
export async function databaseMarker(name: string): Promise<string | null | undefined> {
  return withAdmin(async (admin) => {
    const [row] = await admin<{ marker: string | null }[]>`
      select shobj_description(oid, 'pg_database') as marker from pg_database where datname = ${name}`;
    return row ? row.marker : undefined;
  });
}
