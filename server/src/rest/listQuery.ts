import type { Sql } from '@vigie/db';
import type { PendingQuery, Row } from 'postgres';
import { z } from 'zod';
import { badRequest, fieldErrors } from '../errors.ts';
import { intFilter, MAX_INT4, TEXT_MESSAGE, unsafeStringPath } from './validation.ts';

/** react-admin's simple-rest query: `sort=["field","ASC"]`, `range=[0,24]`, `filter={...}`. */
export interface ListQuery<F> {
  sort: { field: string; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filter: F;
}

export const MAX_PAGE = 1000;

function parseJson(raw: string, field: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest({ [field]: `Le paramètre ${field} n'est pas un JSON valide.` });
  }
}

const SortSchema = z.tuple([z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
const RangeSchema = z.tuple([z.number().int().min(0).max(MAX_INT4), z.number().int().min(0).max(MAX_INT4)]).refine(([a, b]) => b >= a, 'La fin doit suivre le début.');

export function parseListQuery<F extends z.ZodType>(
  query: { sort?: string | undefined; range?: string | undefined; filter?: string | undefined },
  spec: { sortable: readonly string[]; defaultSort: [string, 'ASC' | 'DESC']; filter: F },
): ListQuery<z.infer<F>> {
  let sort: ListQuery<unknown>['sort'] = { field: spec.defaultSort[0], order: spec.defaultSort[1] };
  if (query.sort) {
    const parsed = SortSchema.safeParse(parseJson(query.sort, 'sort'));
    if (!parsed.success) throw badRequest({ sort: 'Le tri attend ["champ","ASC"|"DESC"].' });
    const [field, order] = parsed.data;
    if (!spec.sortable.includes(field)) {
      throw badRequest({ sort: `Tri impossible sur « ${field.slice(0, 50)} » (champs possibles : ${spec.sortable.join(', ')}).` });
    }
    sort = { field, order: order.toUpperCase() as 'ASC' | 'DESC' };
  }
  let offset = 0;
  let limit = MAX_PAGE;
  if (query.range) {
    const parsed = RangeSchema.safeParse(parseJson(query.range, 'range'));
    if (!parsed.success) throw badRequest({ range: 'La plage attend [début, fin] (entiers positifs).' });
    const [start, end] = parsed.data;
    if (end - start + 1 > MAX_PAGE) throw badRequest({ range: `Au plus ${MAX_PAGE} lignes par page.` });
    offset = start;
    limit = end - start + 1;
  }
  const rawFilter = query.filter ? parseJson(query.filter, 'filter') : {};
  if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) {
    throw badRequest({ filter: 'Le filtre attend un objet JSON.' });
  }
  const unsafe = unsafeStringPath(rawFilter);
  if (unsafe) throw badRequest({ [unsafe]: TEXT_MESSAGE }, 'Filtre invalide.');
  const filter = spec.filter.safeParse(rawFilter);
  if (!filter.success) throw badRequest(fieldErrors(filter.error), 'Filtre invalide.');
  return { sort, offset, limit, filter: filter.data };
}

/** Join optional filter fragments with `and`; no filter reads as `true`. */
export function where(sql: Sql, parts: Array<PendingQuery<Row[]> | null | undefined | false | ''>) {
  const present = parts.filter((p): p is PendingQuery<Row[]> => Boolean(p));
  if (present.length === 0) return sql`true`;
  return present.reduce((acc, part) => sql`${acc} and ${part}`);
}

/** Counting a million rows on every page is wasted work: count exactly up to a cap, then estimate. */
export const COUNT_CAP = 10_000;

export async function countRows(sql: Sql, from: PendingQuery<Row[]>, condition: PendingQuery<Row[]>, cap = COUNT_CAP): Promise<number> {
  const [{ n }] = (await sql`select count(*)::int as n from (select 1 from ${from} where ${condition} limit ${cap + 1}) capped`) as unknown as [{ n: number }];
  if (n <= cap) return n;
  return Math.max(n, await estimateRows(sql, from, condition));
}

/** The planner's estimate of the rows matching, from the table's statistics: no row is read. */
export async function estimateRows(sql: Sql, from: PendingQuery<Row[]>, condition: PendingQuery<Row[]>): Promise<number> {
  const [plan] = (await sql`explain (format json) select 1 from ${from} where ${condition}`) as unknown as [{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }];
  return Math.round(plan['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}

/** The total a page already tells: one that is not full ends the list (undefined when it does not). */
export function knownTotal(query: { offset: number; limit: number }, rows: number): number | undefined {
  return rows < query.limit && (query.offset === 0 || rows > 0) ? query.offset + rows : undefined;
}

/**
 * The total for Content-Range: a page that is not full already tells it (no count query); a full
 * page counts, capped then estimated.
 */
export async function pageTotal(sql: Sql, query: { offset: number; limit: number }, rows: number, from: PendingQuery<Row[]>, condition: PendingQuery<Row[]>, cap = COUNT_CAP) {
  return knownTotal(query, rows) ?? countRows(sql, from, condition, cap);
}

export const contentRange = (resource: string, offset: number, rows: number, total: number) =>
  rows === 0 ? `${resource} */${total}` : `${resource} ${offset}-${offset + rows - 1}/${total}`;

/** Filter values arrive as one value or a list (react-admin's getMany and multi-selects). */
export const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema).min(1).max(MAX_PAGE)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

export const idList = oneOrMany(intFilter());
