import type { Sql, TxSql } from '@vigie/db';
import type { ServerToClientEvents } from '@vigie/shared';

export type LiveEventName = Extract<keyof ServerToClientEvents, `report:${string}`>;

export interface LiveEventRow {
  id: number;
  at: Date;
  name: LiveEventName;
  resource: string;
  record: unknown;
}

/**
 * Write the event in the same transaction as the change it announces, so that an event exists
 * exactly when the change committed; the fan-out after commit only carries its id.
 */
export async function recordLiveEvent(tx: Sql | TxSql, name: LiveEventName, resource: string, recordId: number | string, record: object) {
  const [row] = await tx<{ id: number }[]>`
    insert into live_events (name, resource, record_id, record)
    values (${name}, ${resource}, ${String(recordId)}, ${tx.json(record as never)})
    returning id`;
  return row!.id;
}

export async function loadLiveEvent(sql: Sql, id: number): Promise<LiveEventRow | undefined> {
  const [row] = await sql<LiveEventRow[]>`select id, at, name, resource, record from live_events where id = ${id}`;
  return row;
}

export async function liveEventsSince(sql: Sql, since: number, resources: string[], limit: number) {
  return sql<LiveEventRow[]>`
    select id, at, name, resource, record from live_events
    where id > ${since} and resource = any(${resources})
    order by id limit ${limit}`;
}

export async function purgeLiveEvents(sql: Sql, olderThanHours = 48) {
  await sql`delete from live_events where at < now() - make_interval(hours => ${olderThanHours})`;
}
