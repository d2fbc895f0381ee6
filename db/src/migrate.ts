import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sql } from './types.ts';
import { ADVISORY_LOCKS } from './locks.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../migrations');

export class MigrationChecksumError extends Error {}

export interface MigrationResult {
  applied: string[];
  version: number;
}

interface MigrationFile {
  version: number;
  name: string;
  body: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir).filter((f) => /^\d{5}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((name, index) => {
    const version = Number(name.slice(0, 5));
    if (version !== index + 1) throw new Error(`Migration ${name} breaks the numbering: expected ${String(index + 1).padStart(5, '0')}_…`);
    const body = readFileSync(path.join(dir, name), 'utf8');
    return { version, name, body, checksum: createHash('sha256').update(body).digest('hex') };
  });
}

/**
 * Forward-only migrations, each in its own transaction, recorded with a checksum. A migration
 * changed after it was applied is refused: fix forward with a new file instead.
 */
export async function migrate(sql: Sql, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const migrations = readMigrations(dir);
  await sql`
    create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`;
  const applied: string[] = [];
  const done = await sql<{ version: number; name: string; checksum: string }[]>`
    select version, name, checksum from schema_migrations order by version`;
  for (const row of done) {
    const file = migrations.find((m) => m.version === row.version);
    if (!file) throw new MigrationChecksumError(`Migration ${row.name} is applied but its file is missing`);
    if (file.checksum !== row.checksum) {
      throw new MigrationChecksumError(
        `Migration ${file.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)} ≠ ${file.checksum.slice(0, 12)}). ` +
          'Migrations are forward-only: restore the file and add a new migration.',
      );
    }
  }
  for (const migration of migrations) {
    if (done.some((d) => d.version === migration.version)) continue;
    await sql.begin(async (tx) => {
      // One migrator at a time across processes: whoever waited re-checks before applying.
      await tx`select pg_advisory_xact_lock(${ADVISORY_LOCKS.migrate})`;
      const [already] = await tx`select 1 from schema_migrations where version = ${migration.version}`;
      if (already) return; // another process applied it while we waited for the lock
      await tx.unsafe(migration.body); // trusted file from the repository, never request input
      await tx`insert into schema_migrations ${tx({ version: migration.version, name: migration.name, checksum: migration.checksum }, 'version', 'name', 'checksum')}`;
      applied.push(migration.name);
    });
  }
  return { applied, version: migrations.at(-1)?.version ?? 0 };
}
