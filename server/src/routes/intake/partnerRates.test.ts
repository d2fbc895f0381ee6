import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerRates, RATE_WINDOW_MS, type PartnerRates } from './partnerRates.ts';

describe('partner rates', () => {
  let db: TestDatabase;
  const running: PartnerRates[] = [];
  let clock = 1_000_000;
  const rates = () => {
    const r = createPartnerRates(db.sql, { syncMs: 3_600_000, now: () => clock });
    running.push(r);
    return r;
  };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const r of running) await r.stop();
    await db.destroy();
  });

  it('lets a partner post its rate per minute, then tells how long to wait, then lets it go on in the next window', async () => {
    const r = rates();
    for (let i = 0; i < 5; i++) expect(r.take('p1', 5)).toBe(0);
    expect(r.take('p1', 5)).toBe(60);
    clock += 20_500;
    expect(r.take('p1', 5)).toBe(40);
    expect(r.take('other', 5)).toBe(0); // partners are counted apart
    clock += RATE_WINDOW_MS;
    expect(r.take('p1', 5)).toBe(0);
  });

  it('shares counts between processes through the database, in one window whoever opened it', async () => {
    const [a, b] = [rates(), rates()];
    for (let i = 0; i < 3; i++) expect(a.take('p2', 5)).toBe(0);
    await a.sync();
    await b.sync(); // nothing to share yet: b has counted nothing
    expect(b.take('p2', 5)).toBe(0); // b does not know a's count until it syncs with a count of its own
    await b.sync();
    expect(b.take('p2', 5)).toBe(0); // 5th
    expect(b.take('p2', 5)).toBeGreaterThan(0); // 6th: over, a's three included
    await b.sync();
    const [row] = await db.sql`select hits from throttle where key = 'intake:p2'`;
    expect(row!.hits).toBe(6);
  });

  it('keeps counts it could not share, and shares them once the database answers again', async () => {
    const other = await createTestDatabase();
    const r = createPartnerRates(other.sql, { syncMs: 3_600_000 });
    r.take('p3', 100);
    r.take('p3', 100);
    await other.sql`alter table throttle rename to throttle_away`;
    await expect(r.sync()).rejects.toThrow();
    await other.sql`alter table throttle_away rename to throttle`;
    r.take('p3', 100);
    await r.sync();
    const [row] = await other.sql`select hits from throttle where key = 'intake:p3'`;
    expect(row!.hits).toBe(3);
    await r.stop();
    await other.destroy();
  });
});
