import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { MAINTENANCE_JOBS, runMaintenance } from './maintenance.ts';

let db: TestDatabase;
let reportId: number;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into partners (id, name, secret_ciphertext) values ('purge-test', 'Test', '\\x00')`;
  const [report] = await db.sql<{ id: number }[]>`
    insert into reports (category, description, lat, lng, source, partner_id, external_id)
    values ('other', 'Lampadaire éteint', 48.78, 2.31, 'platform', 'purge-test', 'purge-1') returning id`;
  reportId = report!.id;
});
afterAll(async () => {
  await db?.destroy();
});

const deps = () => ({ sql: db.sql, env: parseEnv({ NODE_ENV: 'test', PARTNER_EVENTS_RETENTION_DAYS: '30' }), logger: createLogger('silent') });

async function partnerEvent(ageDays: number, delivered: boolean) {
  const [row] = await db.sql<{ id: number }[]>`
    insert into partner_events (partner_id, report_id, external_id, type, payload, created_at, next_attempt_at, delivered_at)
    values ('purge-test', ${reportId}, 'purge-1', 'report.reply', '{}', now() - make_interval(days => ${ageDays}),
            now() - make_interval(days => ${ageDays}), ${delivered ? db.sql`now() - make_interval(days => ${ageDays})` : null})
    returning id`;
  return row!.id;
}

const exists = async (id: number) => (await db.sql`select 1 from partner_events where id = ${id}`).length === 1;

describe('maintenance', () => {
  it('purges delivered partner events past the retention and undelivered ones a month after their last retry', async () => {
    const oldDelivered = await partnerEvent(31, true);
    const recentDelivered = await partnerEvent(29, true);
    const oldUndelivered = await partnerEvent(31, false);
    const recentUndelivered = await partnerEvent(2, false);
    const report = await runMaintenance(deps());
    expect(report.partner_events).toEqual({ ok: true, purged: 2 });
    expect(await exists(oldDelivered)).toBe(false);
    expect(await exists(oldUndelivered)).toBe(false);
    expect(await exists(recentDelivered)).toBe(true);
    expect(await exists(recentUndelivered)).toBe(true);
  });

  it('runs every job even when one before it fails, and reports which failed', async () => {
    const old = await partnerEvent(40, true);
    const broken = { name: 'broken', run: async () => void (await db.sql`select * from no_such_table`) };
    const report = await runMaintenance(deps(), [broken, ...MAINTENANCE_JOBS]);
    expect(report.broken).toMatchObject({ ok: false });
    for (const job of MAINTENANCE_JOBS) expect(report[job.name], job.name).toMatchObject({ ok: true });
    expect(await exists(old)).toBe(false);
  });
});
