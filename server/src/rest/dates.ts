import type { Sql } from '@vigie/db';
import { z } from 'zod';

/** The commune's civil time: a bare date in a filter means that day in Paris, not in UTC. */
export const TIME_ZONE = 'Europe/Paris';

export interface DateBound {
  value: string;
  dateOnly: boolean;
}

/** ISO 8601 date-time, or a bare date (react-admin's DateInput). */
export const dateBound = () =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'Date invalide (AAAA-MM-JJ ou ISO 8601).' })
    .transform((value): DateBound => ({ value, dateOnly: value.length === 10 }));

/**
 * `column >= bound` / `column <= bound`; an upper bare date includes its whole day
 * (`received_at_lte=2026-11-27` keeps the evening of the 27th).
 */
export function dateCondition(sql: Sql, column: string, bound: DateBound, side: 'gte' | 'lte') {
  const col = sql(column);
  if (!bound.dateOnly) return side === 'gte' ? sql`${col} >= ${bound.value}::timestamptz` : sql`${col} <= ${bound.value}::timestamptz`;
  return side === 'gte'
    ? sql`${col} >= (${bound.value}::date::timestamp at time zone ${TIME_ZONE})`
    : sql`${col} < ((${bound.value}::date + 1)::timestamp at time zone ${TIME_ZONE})`;
}
