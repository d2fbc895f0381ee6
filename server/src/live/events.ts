import type { FanOut, Sql, TxSql } from '@vigie/db';
import type { Logger } from '../logger.ts';
import type { LiveEnvelope, ServerToClientEvents } from '@vigie/shared';

/**
 * Every `domain:action` event of ServerToClientEvents whose payload is a LiveEnvelope: another
 * resource gains live events by declaring them there (`broadcast:updated`…), nothing else.
 */
export type LiveEventName = {
  [K in keyof ServerToClientEvents]: K extends `${string}:${string}`
    ? Parameters<ServerToClientEvents[K]>[0] extends LiveEnvelope<unknown> ? K : never
    : never;
}[keyof ServerToClientEvents];

export interface LiveEventRow {
  /** The commit-ordered position (see migration 00008): the `event_id` clients resume from. */
  position: number;
  at: Date;
  name: LiveEventName;
  resource: string;
  record: unknown;
}

/**
 * Write the event in the same transaction as the change it announces, so that an event exists
 * exactly when the change committed; the fan-out after commit only wakes the readers.
 */
export async function recordLiveEvent(tx: Sql | TxSql, name: LiveEventName, resource: string, recordId: number | string, record: object) {
  const [row] = await tx<{ position: string }[]>`
    insert into live_events (name, resource, record_id, record)
    values (${name}, ${resource}, ${String(recordId)}, ${tx.json(record as never)})
    returning position`;
  return Number(row!.position);
}

/**
 * Events after `since` whose transactions have all ended, in commit order; `resources` null = all.
 * `horizon` is the position below which this read was complete: a reader that resumes from it
 * (or from the last event) can never skip an event that commits later.
 */
export async function liveEventsSince(sql: Sql, since: number, resources: readonly string[] | null, limit: number) {
  const rows = await sql<Array<{ position: string; at: Date; name: LiveEventName; resource: string; record: unknown; horizon: string }>>`
    with h as (select commit_position_horizon() as horizon)
    select e.position, e.at, e.name, e.resource, e.record, h.horizon
    from h left join lateral (
      select position, at, name, resource, record from live_events
      where position > ${since} and position < h.horizon ${resources ? sql`and resource = any(${resources as string[]})` : sql``}
      order by position limit ${limit}
    ) e on true`;
  const horizon = Number(rows[0]?.horizon ?? since);
  const events: LiveEventRow[] = rows.filter((r) => r.position !== null).map((r) => ({ ...r, position: Number(r.position) }));
  return { events, horizon };
}

export async function purgeLiveEvents(sql: Sql, olderThanHours = 48) {
  await sql`delete from live_events where at < now() - make_interval(hours => ${olderThanHours})`;
}

/**
 * After commit: wake the live pumps (this process's at once, the others' by NOTIFY). Never awaited
 * and never throws: the change is committed, so a fan-out failure must not turn it into an error
 * answer; the pumps' polling delivers the event anyway.
 */
export function announceLiveEvent(deps: { fanOut: FanOut; logger: Logger }, position: number) {
  try {
    deps.fanOut.publish({ kind: 'live', event_id: position }).catch((error) => deps.logger.error({ err: error, event_id: position }, 'live fan-out failed'));
  } catch (error) {
    deps.logger.error({ err: error, event_id: position }, 'live fan-out failed');
  }
}
