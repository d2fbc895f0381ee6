import path from 'node:path';
import postgres from 'postgres';
import { startEmbedded, type EmbeddedServer } from './embedded.ts';
import type { Sql } from './types.ts';

export type Engine = 'postgres' | 'embedded';

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, the embedded engine starts. */
  url?: string | undefined;
  /** Embedded engine only: where PGlite persists; `null` keeps it in memory (tests). */
  dataDir?: string | null;
  /** Pool size for a real server (ignored by the embedded engine, which has one session). */
  max?: number;
}

export interface Database {
  sql: Sql;
  engine: Engine;
  /** The URL the pool connects to (for the embedded engine, its loopback socket). */
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../.data/pglite');

const quiet = () => {};

export async function connectDatabase(options: DatabaseOptions = {}): Promise<Database> {
  let embedded: EmbeddedServer | null = null;
  let url = options.url;
  if (!url) {
    embedded = await startEmbedded(options.dataDir === undefined ? DEFAULT_DATA_DIR : options.dataDir);
    url = embedded.url;
  }
  const sql = postgres(url, {
    max: embedded ? 1 : (options.max ?? 10),
    onnotice: quiet,
    // Sessions and transactions stay short; a stuck connection should not hold the pool forever.
    idle_timeout: embedded ? 0 : 30,
    connection: { application_name: 'vigie' },
  });
  // postgres.js reads the array types on every new connection and drops that query's promise: a
  // connection killed at that moment crashes the process (unhandled rejection, porsager/postgres
  // #1192, #1223). The first connection fetches them into the options every connection shares;
  // later (re)connections need not, so a database restart cannot take the server down with it.
  await sql`select 1`;
  sql.options.fetch_types = false;
  return {
    sql,
    engine: embedded ? 'embedded' : 'postgres',
    url,
    async close() {
      await sql.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}
