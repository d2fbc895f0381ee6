import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connectDatabase, type Database } from './client.ts';
import { migrate } from './migrate.ts';

export type TestEngine = 'postgres' | 'embedded';

export const testEngine = (): TestEngine => (process.env.VIGIE_TEST_ENGINE === 'embedded' ? 'embedded' : 'postgres');

/** The machine's PostgreSQL, used only to create and drop throwaway databases. */
export const TEST_ADMIN_URL = process.env.VIGIE_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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
  const name = `vigie_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(TEST_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin`create database ${admin(name)}`;
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await connectDatabase({ url: url.toString(), max: 5 });
  await migrate(db.sql);
  return {
    ...db,
    async destroy() {
      await db.close();
      const cleanup = postgres(TEST_ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await cleanup`drop database if exists ${cleanup(name)} with (force)`;
      } finally {
        await cleanup.end();
      }
    },
  };
}
