/** One audit-log entry. Never holds personal values: only who, when, what and which record. */
export interface AuditEntry {
  id: number;
  at: string;
  staff_id: number | null;
  staff_name: string | null;
  action: string;
  resource: string;
  record_id: string | null;
  ip: string | null;
}

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'create',
  'update',
  'delete',
  'rotate_secret',
  'read_personal_data',
  'approve',
  'reject',
  'suspend',
  'reinstate',
  'ban',
  'erase',
  'export',
  'import',
  'purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
