import type { Sql } from '@vigie/db';
import type { ReportCategory, ReportStatus } from '@vigie/shared';
import type { Period } from '../routes/stats/queries.ts';
import { filterCondition } from '../routes/reports/queries.ts';

export interface NotableReport {
  id: number;
  received_at: Date;
  category: ReportCategory;
  status: ReportStatus;
  priority: string;
  sector: string | null;
  /** Reports linked into this one's incident. */
  linked: number;
}

/** How many notable reports the bilan lists; the figures count them all. */
export const NOTABLE_LIMIT = 40;

/**
 * The month's notable reports: urgent ones, those forwarded to the Police nationale, and incidents
 * (a report others were linked into). No description or address: the mayor reads numbers and
 * places by sector, not residents' words.
 */
export function notableReports(sql: Sql, period: Period) {
  const within = filterCondition(sql, {
    received_at_gte: { value: period.from, dateOnly: true },
    received_at_lte: { value: period.to, dateOnly: true },
  });
  return sql<NotableReport[]>`
    select r.id, r.received_at, r.category, r.status, r.priority, n.name as sector,
           (select count(*)::int from reports l where l.incident_id = r.id) as linked
    from reports r left join neighbourhoods n on n.id = r.neighbourhood_id
    where ${within}
      and (r.priority = 'urgent' or r.emergency or r.status = 'forwarded'
           or exists (select 1 from reports l where l.incident_id = r.id))
    order by r.received_at, r.id
    limit ${NOTABLE_LIMIT}`;
}
