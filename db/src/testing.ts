import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connectDatabase, type Database } from './client.ts';
import { migrate } from './migrate.ts';

export type TestEngine = 'postgres' | 'embedded';

export const testEngine = (): TestEngine => (process.env.VIGIE_TEST_ENGINE === 'embedded' ? 'embedded' : 'postgres');

/** The machine's PostgreSQL, used only to create and drop throwaway databases. */
export const TEST_ADMIN_URL = process.env.VIGIE_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** EPERM: the process exists, under another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

// The creator's pid then a random suffix: a name without them (a kept database) is never an orphan.
const CREATOR_PID = /_(\d+)_[0-9a-f]+$/;

/**
 * Empty databases named `<prefix>_[<label>_]<pid>_<hex>` on the PostgreSQL at `adminUrl`, for
 * vitest, e2e and the benchmarks alike. A run that is killed cannot drop its own: the next one
 * drops them with `dropOrphans`, once the pid in their name is gone.
 */
export function throwawayDatabases(prefix: string, adminUrl = TEST_ADMIN_URL) {
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };

  async function withAdmin<T>(run: (admin: postgres.Sql) => Promise<T>): Promise<T> {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      return await run(admin);
    } finally {
      await admin.end({ timeout: 5 });
    }
  }

  async function drop(name: string): Promise<void> {
    await withAdmin((admin) => admin`drop database if exists ${admin(name)} with (force)`);
  }

  return {
    adminUrl,
    urlOf,
    withAdmin,
    drop,
    async create(label?: string): Promise<ThrowawayDatabase> {
      const name = [prefix, label, process.pid, randomBytes(4).toString('hex')].filter((part) => part !== undefined).join('_');
      await withAdmin((admin) => admin`create database ${admin(name)}`);
      return { name, url: urlOf(name), drop: () => drop(name) };
    },
    async dropOrphans(): Promise<string[]> {
      const names = await withAdmin(async (admin) => {
        const rows = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${`${prefix}_`})`;
        return rows.map((r) => r.datname);
      });
      const orphans = names.filter((name) => {
        const pid = Number(CREATOR_PID.exec(name)?.[1]);
        return pid > 0 && pid !== process.pid && !isProcessAlive(pid);
      });
      for (const name of orphans) await drop(name);
      return orphans;
    },
  };
}

const testDatabases = throwawayDatabases('vigie_test');

// Booting PGlite (WebAssembly) costs seconds; one engine per test process is wiped between users.
let embedded: Promise<Database> | undefined;
let embeddedInUse = false;

async function freshEmbedded(): Promise<TestDatabase> {
  if (embeddedInUse) {
    // Two live users in one process would share one session: give the second its own engine.
    const db = await connectDatabase({ dataDir: null });
    await migrate(db.sql);
    return { ...db, destroy: () => db.close() };
  }
  embeddedInUse = true;
  embedded ??= connectDatabase({ dataDir: null });
  const db = await embedded;
  await db.sql`drop schema public cascade`;
  // The job queue's own schema too: a previous file's jobs must not name this file's rows.
  await db.sql`drop schema if exists pgboss cascade`;
  await db.sql`create schema public`;
  await migrate(db.sql);
  return {
    ...db,
    close: async () => {},
    destroy: async () => {
      embeddedInUse = false;
    },
  };
}

export interface TestDatabase extends Database {
  /** Closes the pool and drops the throwaway database (or stops the in-memory engine). */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database of the engine under test: a throwaway database on the machine's
 * PostgreSQL (created here, dropped by `destroy`), or an in-memory PGlite.
 */
export async function createTestDatabase(engine: TestEngine = testEngine()): Promise<TestDatabase> {
  if (engine === 'embedded') return freshEmbedded();
  const database = await testDatabases.create();
  const db = await connectDatabase({ url: database.url, max: 5 });
  await migrate(db.sql);
  return {
    ...db,
    async destroy() {
      await db.close();
      await database.drop();
    },
  };
}
