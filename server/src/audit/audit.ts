import type { Sql, TxSql } from '@vigie/db';
import type { AuditAction } from '@vigie/shared';

export interface AuditInput {
  staff_id: number | null;
  action: AuditAction;
  resource: string;
  record_id?: string | number | null;
  ip: string | null;
}

/**
 * Append one audit entry. Never pass personal values here: who, what, which record, from where.
 * Takes a transaction when the audited write has one, so the entry and the write land together.
 */
export async function audit(sql: Sql | TxSql, entry: AuditInput) {
  await sql`
    insert into audit_log (staff_id, action, resource, record_id, ip)
    values (${entry.staff_id}, ${entry.action}, ${entry.resource},
            ${entry.record_id == null ? null : String(entry.record_id)}, ${entry.ip})`;
}
