import { isEmergency } from '@vigie/shared';
import { createHash } from 'node:crypto';
import type { Sql, TxSql } from '@vigie/db';
import type { ReportStatus } from '@vigie/shared';
import type { IntakeReport } from './schemas.ts';

type AnySql = Sql | TxSql;

/**
 * One fixed 60-second window per partner in the `throttle` table (shared by every process): one
 * atomic upsert counts the request and tells how long until the window ends. 0 = go ahead.
 * Every request of a partner updates that one row, so its lock must not be held while the commit
 * waits for the disk: this statement commits asynchronously (`set_config(…, true)` lasts until the
 * end of its own implicit transaction). A crash may forget a few counts, which is harmless.
 */
export async function takeIntakeSlot(sql: AnySql, partnerId: string, perMinute: number): Promise<number> {
  const [row] = await sql<{ hits: number; remaining: number }[]>`
    insert into throttle as t (key, hits, window_started_at)
    select ${`intake:${partnerId}`}, 1, now() from (select set_config('synchronous_commit', 'off', true)) as async_commit
    on conflict (key) do update set
      hits = case when t.window_started_at <= now() - interval '60 seconds' then 1 else t.hits + 1 end,
      window_started_at = case when t.window_started_at <= now() - interval '60 seconds' then now() else t.window_started_at end
    returning hits, ceil(extract(epoch from (window_started_at + interval '60 seconds' - now())))::int as remaining`;
  return row!.hits > perMinute ? Math.max(1, row!.remaining) : 0;
}

/**
 * The payload as validated, in a fixed shape (absent = null, dates in UTC): two bodies that say
 * the same thing, whatever their key order, spacing or time zone, hash the same.
 */
export function intakeHash(input: IntakeReport): Buffer {
  const canonical = {
    external_id: input.external_id,
    category: input.category,
    description: input.description,
    lat: input.lat,
    lng: input.lng,
    address: input.address ?? null,
    occurred_at: input.occurred_at ? new Date(input.occurred_at).toISOString() : null,
    reporter: {
      member_external_id: input.reporter?.member_external_id ?? null,
      name: input.reporter?.name ?? null,
      phone: input.reporter?.phone ?? null,
    },
    photos: input.photos ?? [],
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest();
}

export async function memberByExternalId(tx: AnySql, externalId: string | null | undefined): Promise<number | null> {
  if (!externalId) return null;
  const [row] = await tx<{ id: number }[]>`select id from members where external_id = ${externalId}`;
  return row?.id ?? null;
}

export interface IntakeRow {
  input: IntakeReport;
  partnerId: string;
  partnerName: string;
  hash: Buffer;
  memberId: number | null;
  neighbourhoodId: number | null;
  outOfArea: boolean;
}

/**
 * The report, its first timeline event and its photos in one statement, or nothing at all when
 * (partner_id, external_id) exists already: the unique key decides, even under concurrent duplicates.
 */
export async function insertIntakeReport(tx: TxSql, row: IntakeRow): Promise<number | null> {
  const { input } = row;
  const photos = input.photos ?? [];
  // The emergency gate, as for reports typed by officers: a danger in progress is urgent.
  const emergency = isEmergency(input.description);
  // In UTC: ISO 8601 allows offsets up to ±23:59, PostgreSQL only up to ±15:59.
  const occurredAt = input.occurred_at ? new Date(input.occurred_at).toISOString() : null;
  const [inserted] = await tx<{ id: number }[]>`
    with report as (
      insert into reports (category, priority, emergency, description, lat, lng, address, neighbourhood_id, out_of_area, source,
                           partner_id, external_id, member_id, reporter_name, reporter_phone, occurred_at, intake_hash)
      values (${input.category}, ${emergency ? 'urgent' : 'normal'}, ${emergency}, ${input.description}, ${input.lat}, ${input.lng}, ${input.address ?? null},
              ${row.neighbourhoodId}, ${row.outOfArea}, 'platform', ${row.partnerId}, ${input.external_id}, ${row.memberId},
              ${input.reporter?.name ?? null}, ${input.reporter?.phone ?? null}, ${occurredAt}, ${row.hash})
      on conflict (partner_id, external_id) do nothing
      returning id
    ), created as (
      insert into report_events (report_id, staff_id, action, to_value, note)
      select id, null, 'created', 'new', ${`Reçu de ${row.partnerName}`} from report
    ), photo as (
      insert into report_photos (report_id, position, url)
      select report.id, p.position, p.url from report, unnest(${photos}::text[]) with ordinality as p (url, position)
    )
    select id from report`;
  return inserted?.id ?? null;
}

export async function existingIntakeReport(tx: AnySql, partnerId: string, externalId: string) {
  const [row] = await tx<{ id: number; status: ReportStatus; received_at: Date; intake_hash: Buffer | null }[]>`
    select id, status, received_at, intake_hash from reports where partner_id = ${partnerId} and external_id = ${externalId}`;
  return row;
}
