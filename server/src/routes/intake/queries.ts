import { isEmergency } from '@vigie/shared';
import { createHash } from 'node:crypto';
import type { Sql, TxSql } from '@vigie/db';
import type { Report, ReportStatus } from '@vigie/shared';
import type { IntakeReport } from './schemas.ts';

type AnySql = Sql | TxSql;

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

export interface IntakeRow {
  input: IntakeReport;
  partnerId: string;
  partnerName: string;
  hash: Buffer;
  receivedAt: Date;
}

export interface IntakeInserted {
  /** The report exactly as the REST API shows it. */
  report: Report;
  event: { position: number };
}

/** What only the database knows: the id, and where the point and the member fall. */
type Decided = 'id' | 'neighbourhood_id' | 'out_of_area' | 'member_id';

/** The report as the API shows it, but for what the insert decides. */
function knownFields(row: IntakeRow) {
  const { input, receivedAt } = row;
  // The emergency gate, as for reports typed by officers: a danger in progress is urgent.
  const emergency = isEmergency(input.description);
  return {
    category: input.category,
    status: 'new',
    priority: emergency ? 'urgent' : 'normal',
    description: input.description,
    lat: input.lat,
    lng: input.lng,
    address: input.address ?? null,
    source: 'platform',
    partner_id: row.partnerId,
    external_id: input.external_id,
    assigned_to: null,
    assigned_to_name: null,
    emergency,
    incident_id: null,
    forwarded_reference: null,
    received_at: receivedAt.toISOString(),
    // In UTC: ISO 8601 allows offsets up to ±23:59, PostgreSQL only up to ±15:59.
    occurred_at: input.occurred_at ? new Date(input.occurred_at).toISOString() : null,
    updated_at: receivedAt.toISOString(),
  } satisfies Omit<Report, Decided>;
}

/**
 * Several alerts in one statement, so one round trip and one commit for all of them: locate each
 * point, find each member, insert the reports, their first timeline events, their photos and
 * their `report:created` live events. A report whose (partner_id, external_id) exists already is
 * skipped (the unique key decides, even under concurrent duplicates) and absent from the result,
 * which is in the order of `rows`. The caller never puts one (partner_id, external_id) twice in a
 * batch. The live record is the API's shape: the fields known before the insert from here, the
 * few the statement decides merged in by the database.
 */
export async function insertIntakeReports(sql: AnySql, boundary: string, rows: IntakeRow[]): Promise<Array<IntakeInserted | null>> {
  const known = rows.map(knownFields);
  const photos = rows.flatMap((row, i) => (row.input.photos ?? []).map((url, position) => ({ ord: i + 1, position: position + 1, url })));
  const column = <T>(pick: (row: IntakeRow, i: number) => T) => rows.map(pick);
  const inserted = await sql<Array<Pick<Report, Decided> & { ord: number; event_position: string }>>`
    with input as (
      select * from unnest(
        ${column((_, i) => known[i]!.category)}::text[], ${column((_, i) => known[i]!.priority)}::text[], ${column((_, i) => String(known[i]!.emergency))}::text[]::boolean[],
        ${column((r) => r.input.description)}::text[], ${column((r) => r.input.lat)}::float8[], ${column((r) => r.input.lng)}::float8[],
        ${column((r) => r.input.address ?? null)}::text[], ${column((r) => r.partnerId)}::text[], ${column((r) => r.input.external_id)}::text[],
        ${column((r) => r.input.reporter?.member_external_id ?? null)}::text[], ${column((r) => r.input.reporter?.name ?? null)}::text[],
        ${column((r) => r.input.reporter?.phone ?? null)}::text[], ${column((_, i) => known[i]!.occurred_at)}::timestamptz[],
        ${column((r) => r.receivedAt.toISOString())}::timestamptz[], ${column((r) => r.hash.toString('hex'))}::text[],
        ${column((r) => `Reçu de ${r.partnerName}`)}::text[], ${column((_, i) => JSON.stringify(known[i]))}::text[]::jsonb[]
      ) with ordinality as i (category, priority, emergency, description, lat, lng, address, partner_id, external_id,
                              member_external_id, reporter_name, reporter_phone, occurred_at, received_at, hash, note, known, ord)
    ), placed as (
      select input.*,
             (select n.id from neighbourhoods n where n.area @> point(input.lng, input.lat) order by n.id limit 1) as neighbourhood_id,
             not (${boundary}::polygon @> point(input.lng, input.lat)) as out_of_area,
             (select m.id from members m where m.partner_id = input.partner_id and m.external_id = input.member_external_id) as member_id
      from input
    ), report as (
      insert into reports (category, priority, emergency, description, lat, lng, address, neighbourhood_id, out_of_area, source, partner_id,
                           external_id, member_id, reporter_name, reporter_phone, occurred_at, received_at, updated_at, intake_hash)
      select category, priority, emergency, description, lat, lng, address, neighbourhood_id, out_of_area, 'platform', partner_id,
             external_id, member_id, reporter_name, reporter_phone, occurred_at, received_at, received_at, decode(hash, 'hex')
      from placed order by ord
      on conflict (partner_id, external_id) do nothing
      returning id, partner_id, external_id, neighbourhood_id, out_of_area, member_id, received_at
    ), kept as (
      select report.*, placed.ord, placed.note, placed.known from report join placed using (partner_id, external_id)
    ), created as (
      insert into report_events (report_id, at, staff_id, action, to_value, note)
      select id, received_at, null, 'created', 'new', note from kept
    ), photo as (
      insert into report_photos (report_id, position, url)
      select kept.id, p.position, p.url
      from kept join unnest(${photos.map((p) => p.ord)}::int[], ${photos.map((p) => p.position)}::int[], ${photos.map((p) => p.url)}::text[]) as p (ord, position, url)
        on p.ord = kept.ord
    ), live as (
      insert into live_events (name, resource, record_id, record)
      select 'report:created', 'reports', id::text,
             known || jsonb_build_object('id', id, 'neighbourhood_id', neighbourhood_id, 'out_of_area', out_of_area, 'member_id', member_id)
      from kept order by ord
      returning position, record_id
    )
    select kept.ord, kept.id, kept.neighbourhood_id, kept.out_of_area, kept.member_id, live.position as event_position
    from kept join live on live.record_id = kept.id::text`;
  const results: Array<IntakeInserted | null> = rows.map(() => null);
  for (const { ord, event_position, ...decided } of inserted) {
    results[Number(ord) - 1] = { report: { ...known[Number(ord) - 1]!, ...decided } as Report, event: { position: Number(event_position) } };
  }
  return results;
}

export async function existingIntakeReport(tx: AnySql, partnerId: string, externalId: string) {
  const [row] = await tx<{ id: number; status: ReportStatus; received_at: Date; intake_hash: Buffer | null }[]>`
    select id, status, received_at, intake_hash from reports where partner_id = ${partnerId} and external_id = ${externalId}`;
  return row;
}
