import type { Sql, TxSql } from '@vigie/db';
import type { Member, MemberChecks } from '@vigie/shared';
import type { PendingQuery, Row } from 'postgres';
import { dateCondition, type DateBound } from '../rest/dates.ts';
import { pageTotal, where, type ListQuery } from '../rest/listQuery.ts';
import { checkColumns } from './checks.ts';
import { normalizePhone } from './contacts.ts';
import { memberTsQuery } from './search.ts';

type AnySql = Sql | TxSql;

/** The member as the API shows it (list and show); the detail adds what only the show page needs. */
export const memberColumns = (sql: AnySql) => sql`
  m.id, m.external_id, m.kind, m.status, m.full_name, m.email, m.phone, m.address, m.lat, m.lng,
  m.neighbourhood_id, m.out_of_area, m.channels, m.sms_opt_out_at, m.email_opt_out_at, m.source,
  m.created_at, m.confirmed_at, m.decided_at,
  (select s.full_name from staff s where s.id = m.decided_by) as decided_by_name, m.updated_at, ${checkColumns(sql)}`;

const detailColumns = (sql: AnySql) => sql`
  ${memberColumns(sql)}, m.partner_id, m.decision_reason, m.registrant_name, m.registrant_relation, m.registrant_email,
  m.registrant_phone, m.consent_version, m.consent_at, m.geocode_score, m.erased_at`;

export interface MemberDetail extends Member, MemberChecks {
  partner_id: string | null;
  decision_reason: string | null;
  registrant_name: string | null;
  registrant_relation: string | null;
  registrant_email: string | null;
  registrant_phone: string | null;
  consent_version: string | null;
  consent_at: string | null;
  geocode_score: number | null;
  erased_at: string | null;
}

// Each has its index (migrations 00008, 00009): a list sorted otherwise would read the whole table.
export const MEMBER_SORTS = ['id', 'created_at', 'updated_at', 'decided_at', 'full_name'] as const;

export interface MemberFilter {
  id?: number[] | undefined;
  status?: string[] | undefined;
  kind?: string[] | undefined;
  source?: string[] | undefined;
  channel?: string[] | undefined;
  neighbourhood_id?: number[] | undefined;
  out_of_area?: boolean | undefined;
  created_at_gte?: DateBound | undefined;
  created_at_lte?: DateBound | undefined;
  q?: string | undefined;
}

function oneOf(sql: Sql, column: string, values: readonly (string | number)[], type: 'text' | 'int') {
  if (values.length === 1) return sql`${sql(column)} = ${values[0]!}`;
  return type === 'int' ? sql`${sql(column)} = any(${values as number[]}::int[])` : sql`${sql(column)} = any(${values as string[]}::text[])`;
}

/** « membre4242@example », « jean.dupont@ »: the start of an address, not words (a domain alone is words). */
const EMAIL_PREFIX = /^[^\s@]+@\S*$/;

/** The smallest string after every string that starts with `prefix`; null past the last code point. */
export function nextPrefix(prefix: string): string | null {
  const chars = Array.from(prefix);
  const last = chars.pop()?.codePointAt(0);
  if (last === undefined || last >= 0x10ffff || (last >= 0xd7ff && last <= 0xdfff)) return null;
  return chars.join('') + String.fromCodePoint(last + 1);
}

function searchCondition(sql: Sql, q: string) {
  if (EMAIL_PREFIX.test(q)) {
    // Stored addresses are lower-cased (contacts.ts). A range in byte order, not LIKE: the prefix is
    // a parameter, and a prepared statement's generic plan cannot turn `like $1` into an index range.
    const prefix = q.toLowerCase();
    const next = nextPrefix(prefix);
    return next === null
      ? sql`starts_with(m.email, ${prefix})`
      : sql`(m.email ~>=~ ${prefix} and m.email ~<~ ${next} and starts_with(m.email, ${prefix}))`;
  }
  const phoneShaped = /^[+0-9 .()-]{6,}$/.test(q) && !/^\d{1,9}$/.test(q);
  const phone = phoneShaped ? normalizePhone(q) : null;
  // A phone typed in groups (« 06 00 00 42 42 ») is one number, not five short prefixes: those
  // would each walk a large part of the search index. Its digits are one prefix of the national form
  // the document holds (migration 00009), so a partial number still finds.
  const digits = q.replace(/\D/g, '');
  const tsquery = phoneShaped ? (digits ? `${q.trim().startsWith('+33') ? `0${digits.slice(2)}` : digits}:*` : null) : memberTsQuery(q);
  const parts: PendingQuery<Row[]>[] = [];
  if (tsquery) parts.push(sql`m.search @@ to_tsquery('simple', ${tsquery})`);
  if (phone?.ok) parts.push(sql`m.phone = ${phone.e164}`);
  if (/^\d{1,9}$/.test(q)) parts.push(sql`m.id = ${Number(q)}`);
  if (parts.length === 0) return sql`false`;
  return sql`(${parts.reduce((acc, part) => sql`${acc} or ${part}`)})`;
}

export function memberCondition(sql: Sql, f: MemberFilter) {
  const q = f.q?.trim();
  return where(sql, [
    f.id && oneOf(sql, 'm.id', f.id, 'int'),
    // Unconfirmed registrations are nobody's business until the resident confirms: asked for by name only.
    f.status ? oneOf(sql, 'm.status', f.status, 'text') : !f.id && sql`m.status <> 'pending_confirmation'`,
    f.kind && oneOf(sql, 'm.kind', f.kind, 'text'),
    f.source && oneOf(sql, 'm.source', f.source, 'text'),
    f.neighbourhood_id && oneOf(sql, 'm.neighbourhood_id', f.neighbourhood_id, 'int'),
    f.channel && sql`m.channels @> ${f.channel}::text[]`,
    f.out_of_area !== undefined && sql`m.out_of_area = ${f.out_of_area}`,
    f.created_at_gte && dateCondition(sql, 'm.created_at', f.created_at_gte, 'gte'),
    f.created_at_lte && dateCondition(sql, 'm.created_at', f.created_at_lte, 'lte'),
    q && searchCondition(sql, q),
  ]);
}

const sortExpression = (sql: Sql, field: string) => sql(`m.${field}`);

export function memberPageQuery(sql: Sql, query: ListQuery<MemberFilter>) {
  const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
  return sql<(Member & MemberChecks)[]>`
    select ${memberColumns(sql)} from members m
    where ${memberCondition(sql, query.filter)}
    order by ${sortExpression(sql, query.sort.field)} ${direction}, m.id ${direction}
    limit ${query.limit} offset ${query.offset}`;
}

/**
 * Exact totals up to this many members, the planner's estimate past it: counting 10,000 index
 * entries (the reports' cap) costs a members page many times over, and a queue of more than a
 * thousand registrations is « about N » for the clerk either way.
 */
export const MEMBER_COUNT_CAP = 1_000;

/**
 * A search counts exactly to a hundred only: a common name's prefix (« martin ») matches a tenth of
 * the town, and testing the search vector of a thousand rows cost 30 ms, more than the page. Past a
 * hundred matches the clerk refines the search rather than pages through it.
 */
export const MEMBER_SEARCH_COUNT_CAP = 100;

export async function listMembers(sql: Sql, query: ListQuery<MemberFilter>) {
  const rows = await memberPageQuery(sql, query);
  const cap = query.filter.q?.trim() ? MEMBER_SEARCH_COUNT_CAP : MEMBER_COUNT_CAP;
  return { rows, total: await pageTotal(sql, query, rows.length, sql`members m`, memberCondition(sql, query.filter), cap) };
}

export async function getMember(sql: AnySql, id: number): Promise<MemberDetail | undefined> {
  const [row] = await sql<MemberDetail[]>`select ${detailColumns(sql)} from members m where m.id = ${id}`;
  return row;
}
