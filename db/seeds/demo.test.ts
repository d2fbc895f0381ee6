import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommune, outerRing, toPgPolygon } from '../src/commune.ts';
import { verifyPassword } from '../src/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, type SeedSummary } from './index.ts';

const commune = loadCommune();
const boundary = toPgPolygon(outerRing(commune.boundary));
const now = new Date('2026-03-14T09:30:00Z');

describe.each(['postgres', 'embedded'] as const)('demo seed on %s', (engine) => {
  let db: TestDatabase;
  let summary: SeedSummary;
  let failed: { error: unknown; rowsLeft: number };
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    // A sector name already taken makes the seed fail after it has inserted the staff.
    await db.sql`insert into neighbourhoods (name, area) values ('Gare', '((0,0),(0,1),(1,1))')`;
    const error = await seedDemo(db.sql, commune, { now }).catch((e: unknown) => e);
    const [left] = await db.sql<{ rows: number }[]>`
      select (select count(*) from staff) + (select count(*) from members) + (select count(*) from reports) + (select count(*) from neighbourhoods) - 1 as rows`;
    failed = { error, rowsLeft: Number(left?.rows) };
    await db.sql`delete from neighbourhoods`;
    summary = await seedDemo(db.sql, commune, { now });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('fills an empty database with staff, sectors, members and two months of reports', async () => {
    expect(summary).toMatchObject({ seeded: true, staff: 8, members: 150, reports: 500 });
    expect(summary.neighbourhoods).toBeGreaterThanOrEqual(6);
    expect(summary.neighbourhoods).toBeLessThanOrEqual(8);
    const [counts] = await db.sql<{ staff: number; neighbourhoods: number; members: number; reports: number; oldest: Date; newest: Date }[]>`
      select (select count(*)::int from staff) as staff, (select count(*)::int from neighbourhoods) as neighbourhoods,
        (select count(*)::int from members) as members, (select count(*)::int from reports) as reports,
        (select min(received_at) from reports) as oldest, (select max(received_at) from reports) as newest`;
    expect(counts).toMatchObject({ staff: summary.staff, neighbourhoods: summary.neighbourhoods, members: 150, reports: 500 });
    expect(now.getTime() - counts!.oldest.getTime()).toBeLessThanOrEqual(61 * 86_400_000);
    expect(counts!.newest.getTime()).toBeLessThan(now.getTime());
  });

  it('places every in-area report and member inside the commune and inside its own sector', async () => {
    const [outside] = await db.sql<{ reports: number; members: number; misfiled: number; out: number; out_inside: number }[]>`
      select
        (select count(*)::int from reports r left join neighbourhoods n on n.id = r.neighbourhood_id
          where not r.out_of_area and (n.id is null or not n.area @> point(r.lng, r.lat)
            or not ${boundary}::polygon @> point(r.lng, r.lat))) as reports,
        (select count(*)::int from members m left join neighbourhoods n on n.id = m.neighbourhood_id
          where n.id is null or not n.area @> point(m.lng, m.lat)) as members,
        (select count(*)::int from reports r join neighbourhoods n on n.area @> point(r.lng, r.lat)
          where n.id <> r.neighbourhood_id) as misfiled,
        (select count(*)::int from reports where out_of_area and neighbourhood_id is null) as out,
        (select count(*)::int from reports where out_of_area and ${boundary}::polygon @> point(lng, lat)) as out_inside`;
    expect(outside).toMatchObject({ reports: 0, members: 0, misfiled: 0, out_inside: 0 });
    expect(outside!.out).toBeGreaterThan(0);
    expect(outside!.out).toBeLessThan(25);
  });

  it('gives each report one creation event and a status history ending at its status', async () => {
    const broken = await db.sql`
      with history as (
        select e.*, lag(e.to_value) over (partition by e.report_id, e.action order by e.at, e.id) as previous_status,
          lag(e.at) over (partition by e.report_id order by e.id) as previous_at
        from report_events e
      )
      select r.id, r.status, 'creation' as problem from reports r
        where (select count(*) from report_events e where e.report_id = r.id and e.action = 'created') <> 1
          or (select min(e.at) from report_events e where e.report_id = r.id) <> r.received_at
      union all
      select r.id, r.status, 'last status' from reports r
        where r.status <> coalesce((select e.to_value from report_events e where e.report_id = r.id and e.action = 'status'
          order by e.at desc, e.id desc limit 1), 'new')
      union all
      select h.report_id, h.to_value, 'status chain' from history h
        where h.action = 'status' and h.from_value is distinct from coalesce(h.previous_status, 'new')
      union all
      select h.report_id, h.action, 'time order' from history h
        where h.at <= h.previous_at or h.at > ${now}
      union all
      select r.id, r.status, 'updated_at' from reports r
        where r.updated_at <> (select max(e.at) from report_events e where e.report_id = r.id)
      union all
      select h.report_id, h.to_value, 'dismissed without reason' from history h
        where h.action = 'status' and h.to_value = 'dismissed' and coalesce(h.note, '') = ''
      union all
      select r.id, r.status, 'assignment' from reports r
        where (r.status in ('in_progress', 'resolved')) <> (r.assigned_to is not null)
          or (r.assigned_to is not null and not exists (select 1 from report_events e
            where e.report_id = r.id and e.action = 'assigned' and e.to_value = r.assigned_to::text))
      union all
      select r.id, r.source, 'source' from reports r
        where (r.source = 'platform') <> (r.partner_id is not null and r.external_id is not null and r.member_id is not null)
          or (r.source = 'platform' and r.reporter_name is null)
      union all
      select r.id, r.status, 'occurred after received' from reports r where r.occurred_at > r.received_at`;
    expect(broken).toEqual([]);

    const statuses = await db.sql<{ status: string; recent: number; total: number }[]>`
      select status, count(*) filter (where received_at > ${now}::timestamptz - interval '1 day')::int as recent, count(*)::int as total
      from reports group by status`;
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s]));
    expect(byStatus.new?.recent).toBeGreaterThan(0);
    expect(byStatus.resolved?.total).toBeGreaterThan(150);
    expect(byStatus.dismissed?.total).toBeGreaterThan(20);
  });

  it('leaves nothing behind when it fails halfway', () => {
    expect(failed.error).toBeInstanceOf(Error);
    expect(String(failed.error)).toMatch(/neighbourhoods_name_key|unique/);
    expect(failed.rowsLeft).toBe(0);
  });

  it('writes nothing when the database already has staff', async () => {
    const second = await seedDemo(db.sql, commune, { now: new Date(now.getTime() + 3_600_000) });
    expect(second).toEqual({ seeded: false, staff: 0, neighbourhoods: 0, members: 0, reports: 0 });
    const [counts] = await db.sql<{ staff: number; reports: number; events: number }[]>`
      select (select count(*)::int from staff) as staff, (select count(*)::int from reports) as reports,
        (select count(*)::int from report_events) as events`;
    expect(counts).toMatchObject({ staff: summary.staff, reports: 500 });
  });

  it('lets every demo account sign in with the demo password', async () => {
    const rows = await db.sql<{ email: string; role: string; password_hash: string; is_demo: boolean }[]>`
      select email, role, password_hash, is_demo from staff where email in ${db.sql(DEMO_ACCOUNTS.map((a) => a.email))}`;
    expect(rows.map((r) => [r.email, r.role]).sort()).toEqual(DEMO_ACCOUNTS.map((a) => [a.email, a.role]).sort());
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.is_demo).toBe(true);
      expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(true);
    }
  });

  // The second database is always PostgreSQL: cheap to create, and it shows both engines agree too.
  it('produces the same rows from the same "now", on another database', async () => {
    const other = await createTestDatabase('postgres');
    try {
      await seedDemo(other.sql, commune, { now });
      const read = (sql: TestDatabase['sql']) => sql`
        select category, status, priority, description, lat, lng, address, source, external_id, received_at, updated_at
        from reports order by id`;
      const [first, second] = await Promise.all([read(db.sql), read(other.sql)]);
      expect(second).toEqual(first);
      const members = (sql: TestDatabase['sql']) => sql`select external_id, full_name, email, phone, address, status from members order by id`;
      expect(await members(other.sql)).toEqual(await members(db.sql));
    } finally {
      await other.destroy();
    }
  });
});
