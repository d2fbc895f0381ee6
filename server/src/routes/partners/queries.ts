import type { Sql, TxSql } from '@vigie/db';
import type { Partner as SharedPartner } from '@vigie/shared';
import { pageTotal, where, type ListQuery } from '../../rest/listQuery.ts';
import type { PartnerCreate, PartnerFilter, PartnerUpdate } from './schemas.ts';

type AnySql = Sql | TxSql;

/** A partner as the API shows it (never a ciphertext, never a secret), its times as read from the database. */
export type Partner = Omit<SharedPartner, 'previous_secret_expires_at' | 'created_at' | 'updated_at'> & {
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

// An overlap that has ended reads as none: the old secret no longer verifies.
const columns = (sql: AnySql) => sql`
  id, name, rate_per_minute, disabled, webhook_url,
  case when previous_secret_expires_at > now() then previous_secret_expires_at end as previous_secret_expires_at,
  created_at, updated_at`;

export const PARTNER_SORTS = ['id', 'name', 'rate_per_minute', 'disabled', 'created_at', 'updated_at'] as const;

export async function listPartners(sql: Sql, query: ListQuery<PartnerFilter>) {
  const f = query.filter;
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  const condition = where(sql, [
    f.id && sql`id = any(${f.id}::text[])`,
    f.disabled !== undefined && sql`disabled = ${f.disabled}`,
    like && sql`(id ilike ${like} or name ilike ${like})`,
  ]);
  const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
  const rows = await sql<Partner[]>`
    select ${columns(sql)} from partners where ${condition}
    order by ${sql(query.sort.field)} ${direction}, id ${direction}
    limit ${query.limit} offset ${query.offset}`;
  return { rows, total: await pageTotal(sql, query, rows.length, sql`partners`, condition) };
}

export async function getPartner(sql: AnySql, id: string): Promise<Partner | undefined> {
  const [row] = await sql<Partner[]>`select ${columns(sql)} from partners where id = ${id}`;
  return row;
}

/** False when the id is taken (a unique key, not a read-then-write). */
export async function insertPartner(tx: AnySql, input: PartnerCreate, secretCiphertext: Buffer): Promise<boolean> {
  const rows = await tx`
    insert into partners (id, name, secret_ciphertext, rate_per_minute, disabled, webhook_url)
    values (${input.id}, ${input.name}, ${secretCiphertext}, ${input.rate_per_minute ?? 600},
            ${input.disabled ?? false}, ${input.webhook_url || null})
    on conflict (id) do nothing
    returning id`;
  return rows.length === 1;
}

export async function updatePartner(tx: AnySql, id: string, input: PartnerUpdate): Promise<boolean> {
  const rows = await tx`
    update partners set
      name = coalesce(${input.name ?? null}, name),
      rate_per_minute = coalesce(${input.rate_per_minute ?? null}::int, rate_per_minute),
      disabled = coalesce(${input.disabled ?? null}::boolean, disabled),
      webhook_url = ${input.webhook_url === undefined ? tx`webhook_url` : input.webhook_url || null},
      updated_at = now()
    where id = ${id}
    returning id`;
  return rows.length === 1;
}

/**
 * The old secret keeps verifying for `overlapHours` (0 revokes it at once). A rotation during an
 * overlap drops the secret before the previous one: at most two ever verify.
 */
export async function rotatePartnerSecret(tx: AnySql, id: string, secretCiphertext: Buffer, overlapHours: number): Promise<boolean> {
  const rows = await tx`
    update partners set
      previous_secret_ciphertext = case when ${overlapHours}::int > 0 then secret_ciphertext end,
      previous_secret_expires_at = case when ${overlapHours}::int > 0 then now() + make_interval(hours => ${overlapHours}::int) end,
      secret_ciphertext = ${secretCiphertext},
      updated_at = now()
    where id = ${id}
    returning id`;
  return rows.length === 1;
}

export interface PartnerCredentials {
  id: string;
  name: string;
  disabled: boolean;
  rate_per_minute: number;
  secret_ciphertext: Buffer;
  /** Only while the rotation overlap lasts (the database's clock decides). */
  previous_secret_ciphertext: Buffer | null;
  previous_secret_expires_at: Date | null;
}

export async function findPartnerCredentials(sql: AnySql, id: string): Promise<PartnerCredentials | undefined> {
  const [row] = await sql<PartnerCredentials[]>`
    select id, name, disabled, rate_per_minute, secret_ciphertext,
           case when previous_secret_expires_at > now() then previous_secret_ciphertext end as previous_secret_ciphertext,
           case when previous_secret_expires_at > now() then previous_secret_expires_at end as previous_secret_expires_at
    from partners where id = ${id}`;
  return row;
}
