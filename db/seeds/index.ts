import type { CommuneConfig } from '@vigie/shared';
import { outerRing, toPgPolygon } from '../src/commune.ts';
import type { Sql, TxSql } from '../src/types.ts';
import { generateMembers, insertMembers } from './members.ts';
import { createPlaceFinder } from './places.ts';
import { Random } from './random.ts';
import { generateReports, insertReports } from './reports.ts';
import { buildSectors } from './sectors.ts';
import { insertStaff, prepareStaff } from './staff.ts';
import { DAY } from './time.ts';
import { ADVISORY_LOCKS } from '../src/locks.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './staff.ts';

export interface SeedSummary {
  seeded: boolean;
  staff: number;
  neighbourhoods: number;
  members: number;
  reports: number;
}

export interface SeedOptions {
  /** The seed's "now": reports span the 60 days before it. Same `now`, same rows. */
  now?: Date;
  reports?: number;
  members?: number;
}

/** Any constant will do; changing it changes every seeded row. */
const SEED = 92_340;
const WINDOW_DAYS = 60;

const NOT_SEEDED: SeedSummary = { seeded: false, staff: 0, neighbourhoods: 0, members: 0, reports: 0 };

/**
 * Fills an empty database (no staff) with a deterministic demo: staff accounts, sectors tiling
 * the commune, members and two months of triaged reports. All or nothing, in one transaction.
 */
export async function seedDemo(sql: Sql, commune: CommuneConfig, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  if (await hasStaff(sql)) return { ...NOT_SEEDED }; // before the slow hashing below

  const random = new Random(SEED);
  const boundary = outerRing(commune.boundary);
  const sectors = buildSectors(boundary);
  const places = createPlaceFinder(random, boundary, sectors, `${commune.postal_code} ${commune.name}`);
  const members = generateMembers(random, places, options.members ?? 150, now);
  const launchedAt = new Date(now.getTime() - 400 * DAY); // when the service "started" using Vigie
  const staffRows = await prepareStaff(launchedAt);

  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${ADVISORY_LOCKS.seed})`;
    if (await hasStaff(tx)) return { ...NOT_SEEDED };

    const staff = await insertStaff(tx, staffRows);
    const sectorIds: number[] = [];
    for (const sector of sectors) {
      const [row] = await tx<{ id: number }[]>`
        insert into neighbourhoods (name, area, created_at, updated_at)
        values (${sector.name}, ${toPgPolygon(sector.ring)}::polygon, ${launchedAt}, ${launchedAt})
        returning id`;
      if (!row) throw new Error(`Sector ${sector.name} was not inserted`);
      sectorIds.push(row.id);
    }
    const memberIds = await insertMembers(tx, members, sectorIds);
    const reports = generateReports(random, options.reports ?? 500, {
      now,
      days: WINDOW_DAYS,
      places,
      members,
      officers: staff.officers,
      supervisors: staff.supervisors,
    });
    const inserted = await insertReports(tx, reports, { sectors: sectorIds, members: memberIds });
    return { seeded: true, staff: staff.count, neighbourhoods: sectorIds.length, members: memberIds.length, reports: inserted.reports };
  });
}

async function hasStaff(sql: Sql | TxSql): Promise<boolean> {
  const [row] = await sql<{ taken: boolean }[]>`select exists (select 1 from staff) as taken`;
  return row?.taken ?? false;
}

// The offline geocoder's street list and the sectors its streets are described by.
export { buildSectors, type Sector } from './sectors.ts';
export { STREETS, NEIGHBOURING_STREETS, type Street } from './streets.ts';
