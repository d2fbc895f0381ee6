import type { Sql, TxSql } from '@vigie/db';
import type { Geocoder } from '../../../geocoding/index.ts';
import { pointInRing } from '../../../geocoding/geometry.ts';
import { parsePolygon } from '../../neighbourhoods/geometry.ts';
import type { ImportLine } from './parse.ts';

export interface Duplicate {
  line: number;
  field: 'email' | 'phone';
  /** The existing member's id, or the earlier line of the same file. */
  member_id?: number;
  earlier_line?: number;
}

/**
 * Lines whose e-mail or phone is already a member's (any status but erased) or an earlier line's:
 * skipped, and reported so that the clerk can check them by hand.
 */
export async function findDuplicates(sql: Sql | TxSql, lines: readonly ImportLine[]): Promise<{ fresh: ImportLine[]; duplicates: Duplicate[] }> {
  const emails = [...new Set(lines.flatMap((l) => (l.email ? [l.email] : [])))];
  const phones = [...new Set(lines.flatMap((l) => (l.phone ? [l.phone] : [])))];
  const existing = await sql<{ id: number; email: string | null; phone: string | null }[]>`
    select id, email, phone from members
    where status <> 'erased' and (email = any(${emails}::text[]) or phone = any(${phones}::text[]))`;
  const byEmail = new Map(existing.filter((m) => m.email).map((m) => [m.email!, m.id]));
  const byPhone = new Map(existing.filter((m) => m.phone).map((m) => [m.phone!, m.id]));
  const seenEmail = new Map<string, number>();
  const seenPhone = new Map<string, number>();
  const fresh: ImportLine[] = [];
  const duplicates: Duplicate[] = [];
  for (const line of lines) {
    const duplicate: Duplicate | null =
      line.email && byEmail.has(line.email) ? { line: line.line, field: 'email', member_id: byEmail.get(line.email)! }
      : line.phone && byPhone.has(line.phone) ? { line: line.line, field: 'phone', member_id: byPhone.get(line.phone)! }
      : line.email && seenEmail.has(line.email) ? { line: line.line, field: 'email', earlier_line: seenEmail.get(line.email)! }
      : line.phone && seenPhone.has(line.phone) ? { line: line.line, field: 'phone', earlier_line: seenPhone.get(line.phone)! }
      : null;
    if (duplicate) {
      duplicates.push(duplicate);
      continue;
    }
    if (line.email) seenEmail.set(line.email, line.line);
    if (line.phone) seenPhone.set(line.phone, line.line);
    fresh.push(line);
  }
  return { fresh, duplicates };
}

interface Point {
  lat: number | null;
  lng: number | null;
  score: number | null;
  in_commune: boolean;
}

/**
 * Points for the lines, when the geocoder is the offline street list (in memory, fast). With the
 * BAN, 100,000 HTTP calls would not fit a request: imported members then wait without a point.
 */
export async function geocodeLines(geocoder: Geocoder, lines: readonly ImportLine[]): Promise<Point[]> {
  const none: Point = { lat: null, lng: null, score: null, in_commune: true };
  if (geocoder.name !== 'offline') return lines.map(() => none);
  // Households share an address: each is looked up once.
  const seen = new Map<string, Point>();
  const points: Point[] = [];
  for (const line of lines) {
    let point = seen.get(line.address);
    if (!point) {
      const [best] = await geocoder.search(line.address, { limit: 1 });
      point = best ? { lat: best.lat, lng: best.lng, score: best.score, in_commune: best.in_commune } : none;
      seen.set(line.address, point);
    }
    points.push(point);
  }
  return points;
}

/**
 * The sector of each point, in memory: a commune has tens of sectors, and one lookup per row in
 * SQL doubled the import's insert time. Same rule as `locate()`: the lowest id containing it.
 */
export async function sectorsOf(tx: Sql | TxSql, points: readonly Point[]): Promise<Array<number | null>> {
  const sectors = (await tx<{ id: number; area: string }[]>`select id, area::text as area from neighbourhoods order by id`).map((s) => ({ id: s.id, ring: parsePolygon(s.area) }));
  return points.map((p) => (p.lat === null || p.lng === null ? null : (sectors.find((s) => pointInRing(p.lng!, p.lat!, s.ring))?.id ?? null)));
}

// COPY's text format: a backslash, tab or line break inside a value must be escaped; \N is null.
const copyText = (value: string | number | null) => (value === null ? '\\N' : String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!));

/**
 * PostgreSQL: the rows go in with COPY FROM STDIN (what the benchmark compares against), then one
 * statement writes every member's history entry. Members of this import are the ones this
 * transaction created with source `import` (created_at is the transaction's now(); imports are
 * serialised by the caller's advisory lock).
 */
export async function copyImported(tx: TxSql, lines: readonly ImportLine[], points: readonly Point[], staffId: number): Promise<number> {
  const sectors = await sectorsOf(tx, points);
  const at = new Date().toISOString();
  const writable = await tx`
    copy members (full_name, address, email, phone, channels, lat, lng, geocode_score, out_of_area, neighbourhood_id,
                  source, kind, status, confirmed_at, decided_at, decided_by) from stdin`.writable();
  await new Promise<void>((resolve, reject) => {
    writable.on('error', reject).on('finish', resolve);
    let i = 0;
    const write = () => {
      while (i < lines.length) {
        const end = Math.min(i + 1000, lines.length);
        let chunk = '';
        for (; i < end; i++) {
          const l = lines[i]!;
          const p = points[i]!;
          chunk += [l.full_name, l.address, l.email, l.phone, `{${l.channels.join(',')}}`, p.lat, p.lng, p.score, p.in_commune ? 'f' : 't', sectors[i] ?? null,
            'import', 'self', 'approved', at, at, staffId].map(copyText).join('\t') + '\n';
        }
        if (!writable.write(chunk)) return void writable.once('drain', write);
      }
      writable.end();
    };
    write();
  });
  const history = await tx`
    insert into member_events (member_id, staff_id, action, to_status)
    select id, ${staffId}, 'import', 'approved' from members where created_at = now() and source = 'import' and decided_by = ${staffId}`;
  return history.count;
}

/** Rows per statement: large enough to amortise the round trip, small enough for PGlite's memory. */
const CHUNK = 5000;

/**
 * The embedded engine (COPY FROM STDIN does not cross its socket): one multi-row
 * `insert … select from unnest(…)` per chunk, with each member's history entry in
 * the same statement. Status `approved`: the town hall imports the list it already runs, whose
 * members it has already vetted (see README). Runs inside the caller's transaction.
 */
export async function insertImported(tx: TxSql, lines: readonly ImportLine[], points: readonly Point[], staffId: number): Promise<number> {
  const sectors = await sectorsOf(tx, points);
  let inserted = 0;
  for (let start = 0; start < lines.length; start += CHUNK) {
    const chunk = lines.slice(start, start + CHUNK);
    const at = points.slice(start, start + CHUNK);
    // Booleans travel as 't'/'f' text: postgres.js does not type a JS boolean array as bool[].
    const [row] = await tx<{ n: number }[]>`
      with input as (
        select * from unnest(
          ${chunk.map((l) => l.full_name)}::text[], ${chunk.map((l) => l.address)}::text[], ${chunk.map((l) => l.email)}::text[],
          ${chunk.map((l) => l.phone)}::text[], ${chunk.map((l) => l.channels.join(','))}::text[],
          ${at.map((p) => p.lat)}::float8[], ${at.map((p) => p.lng)}::float8[], ${at.map((p) => p.score)}::real[], ${at.map((p) => (p.in_commune ? 'f' : 't'))}::text[]::bool[],
          ${sectors.slice(start, start + CHUNK)}::int[]
        ) as u (full_name, address, email, phone, channels, lat, lng, score, out_of_area, neighbourhood_id)
      ), members_in as (
        insert into members (full_name, address, email, phone, channels, lat, lng, geocode_score, out_of_area, neighbourhood_id,
                             source, kind, status, confirmed_at, decided_at, decided_by)
        select full_name, address, email, phone, coalesce(string_to_array(nullif(channels, ''), ','), '{}'), lat, lng, score, out_of_area,
               neighbourhood_id, 'import', 'self', 'approved', now(), now(), ${staffId}
        from input
        returning id
      ), history as (
        insert into member_events (member_id, staff_id, action, to_status) select id, ${staffId}, 'import', 'approved' from members_in
      )
      select count(*)::int as n from members_in`;
    inserted += row!.n;
  }
  return inserted;
}
