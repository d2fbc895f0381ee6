import type { TxSql } from '@vigie/db';

/**
 * After a sector was drawn, moved or removed: every member and report whose point lies in the
 * changed area (before or after), or that pointed at this sector, gets the sector now containing
 * its point (the lowest id when sectors overlap, as `locate()` does). Same transaction as the change.
 */
export async function reassign(tx: TxSql, sectorId: number, areas: readonly string[]): Promise<{ members: number; reports: number }> {
  const inAreas = (table: 'm' | 'r') =>
    areas.reduce((acc, area) => tx`${acc} or point(${tx(`${table}.lng`)}, ${tx(`${table}.lat`)}) <@ ${area}::polygon`, tx`false`);
  const containing = (table: 'm' | 'r') =>
    tx`(select n.id from neighbourhoods n where n.area @> point(${tx(`${table}.lng`)}, ${tx(`${table}.lat`)}) order by n.id limit 1)`;
  const members = await tx`
    update members m set neighbourhood_id = ${containing('m')}, updated_at = now()
    where (m.neighbourhood_id = ${sectorId} or (m.lat is not null and (${inAreas('m')})))
      and m.neighbourhood_id is distinct from (case when m.lat is not null then ${containing('m')} end)`;
  const reports = await tx`
    update reports r set neighbourhood_id = ${containing('r')}
    where (r.neighbourhood_id = ${sectorId} or ${inAreas('r')})
      and r.neighbourhood_id is distinct from ${containing('r')}`;
  return { members: members.count, reports: reports.count };
}
