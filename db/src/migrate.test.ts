import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, MigrationChecksumError, migrate } from './migrate.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

describe.each(['postgres', 'embedded'] as const)('migrations on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('records every migration with a checksum and applies nothing twice', async () => {
    const rows = await db.sql`select version, checksum from schema_migrations order by version`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    const again = await migrate(db.sql);
    expect(again.applied).toEqual([]);
  });

  it('refuses a migration changed after it was applied', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = path.join(dir, '00001_init.sql');
    writeFileSync(first, `${readFileSync(first, 'utf8')}\n-- edited\n`);
    await expect(migrate(db.sql, dir)).rejects.toThrow(MigrationChecksumError);
  });

  it('keeps the audit log append-only, except the retention purge', async () => {
    const sql = db.sql;
    await sql`insert into audit_log (action, resource, at) values ('sign_in', 'auth', now() - interval '400 days'), ('sign_in', 'auth', now())`;
    await expect(sql`update audit_log set action = 'x'`).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`).rejects.toThrow(/append-only/);
    await expect(sql`select purge_audit_log(interval '1 day')`).rejects.toThrow(/at least 30 days/);
    const [purge] = await sql`select purge_audit_log(interval '365 days') as purged`;
    expect(purge?.purged).toBe(1);
    const [left] = await sql`select count(*)::int as count from audit_log`;
    expect(left?.count).toBe(1);
    // the purge flag does not outlive its transaction
    await expect(sql`delete from audit_log`).rejects.toThrow(/append-only/);
  });
});
