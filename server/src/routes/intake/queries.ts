import { isEmergency } from '@vigie/shared';
import { createHash } from 'node:crypto';
import type { Sql, TxSql } from '@vigie/db';
import type { Report, ReportStatus } from '@vigie/shared';
import { placeColumns } from '../reports/queries.ts';
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
  /** The commune's outer ring as a PostgreSQL polygon literal. */
  boundary: string;
  receivedAt: Date;
}

export interface IntakeInserted {
  /** The report exactly as the REST API shows it. */
  report: Report;
  event: { id: number; at: Date };
}

/**
 * The whole intake in one statement, so one round trip and one commit: locate the point, find the
 * member, insert the report, its first timeline event, its photos and its `report:created` live
 * event. Or nothing at all when (partner_id, external_id) exists already: the unique key decides,
 * even under concurrent duplicates. The live record is what the API shows: the fields known
 * before the insert from here, the few the statement decides merged in by the database.
 */
export async function insertIntakeReport(sql: AnySql, row: IntakeRow): Promise<IntakeInserted | null> {
  const { input, receivedAt } = row;
  const photos = input.photos ?? [];
  // The emergency gate, as for reports typed by officers: a danger in progress is urgent.
  const emergency = isEmergency(input.description);
  const known = {
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
    received_at: receivedAt.toISOString(),
    // In UTC: ISO 8601 allows offsets up to ±23:59, PostgreSQL only up to ±15:59.
    occurred_at: input.occurred_at ? new Date(input.occurred_at).toISOString() : null,
    updated_at: receivedAt.toISOString(),
  } satisfies Omit<Report, Decided>;

  const [inserted] = await sql<Array<Pick<Report, Decided> & { event_id: number; event_at: Date }>>`
    with place as (
      select ${placeColumns(sql, row.boundary, input.lat, input.lng)},
             (select id from members where external_id = ${input.reporter?.member_external_id ?? null}) as member_id
    ), report as (
      insert into reports (category, priority, emergency, description, lat, lng, address, neighbourhood_id, out_of_area, source, partner_id,
                           external_id, member_id, reporter_name, reporter_phone, occurred_at, received_at, updated_at, intake_hash)
      select ${known.category}, ${known.priority}, ${emergency}, ${known.description}, ${known.lat}, ${known.lng}, ${known.address},
             place.neighbourhood_id, place.out_of_area, 'platform', ${row.partnerId}, ${known.external_id}, place.member_id,
             ${input.reporter?.name ?? null}, ${input.reporter?.phone ?? null}, ${known.occurred_at}, ${receivedAt}, ${receivedAt}, ${row.hash}
      from place
      on conflict (partner_id, external_id) do nothing
      returning id, neighbourhood_id, out_of_area, member_id
    ), created as (
      insert into report_events (report_id, at, staff_id, action, to_value, note)
      select id, ${receivedAt}, null, 'created', 'new', ${`Reçu de ${row.partnerName}`} from report
    ), photo as (
      insert into report_photos (report_id, position, url)
      select report.id, p.position, p.url from report, unnest(${photos}::text[]) with ordinality as p (url, position)
    ), live as (
      insert into live_events (name, resource, record_id, record)
      select 'report:created', 'reports', report.id::text,
             ${sql.json(known)}::jsonb || jsonb_build_object('id', report.id, 'neighbourhood_id', report.neighbourhood_id,
                                                             'out_of_area', report.out_of_area, 'member_id', report.member_id)
      from report
      returning id, at
    )
    select report.id, report.neighbourhood_id, report.out_of_area, report.member_id, live.id as event_id, live.at as event_at
    from report, live`;
  if (!inserted) return null;
  const { event_id, event_at, ...decided } = inserted;
  return { report: { ...known, ...decided } as Report, event: { id: event_id, at: event_at } };
}

/** What only the database knows: the id, and where the point and the member fall. */
type Decided = 'id' | 'neighbourhood_id' | 'out_of_area' | 'member_id';

export async function existingIntakeReport(tx: AnySql, partnerId: string, externalId: string) {
  const [row] = await tx<{ id: number; status: ReportStatus; received_at: Date; intake_hash: Buffer | null }[]>`
    select id, status, received_at, intake_hash from reports where partner_id = ${partnerId} and external_id = ${externalId}`;
  return row;
}
