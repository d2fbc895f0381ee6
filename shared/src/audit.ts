/** One audit-log entry. Never holds personal values: only who, when, what and which record. */
export interface AuditEntry {
  id: number;
  at: string;
  staff_id: number | null;
  staff_name: string | null;
  action: string;
  resource: string;
  record_id: string | null;
  /** What the entry is about in words (an account's or a sector's name…), null for residents' records. */
  target_name: string | null;
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
  // Steps with a meaning of their own, rather than one more `update`.
  'reopen',
  'link',
  'unlink',
  'request_proof',
  'hide',
  'send',
  'cancel',
  'test',
  'retry_failed',
  'change_role',
  'reset_password',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Every (resource, action) pair the server writes, so the dashboard can word each entry as a
 * sentence and offer only filter choices that can match. `auth` holds sign-ins and sign-outs;
 * `account` is « Mon compte ». A source scan (server/src/audit/auditEvents.test.ts) keeps this
 * list in step with the `audit()` calls.
 */
export const AUDIT_EVENTS = {
  auth: ['sign_in', 'sign_in_failed', 'sign_out'],
  account: ['update', 'sign_in_failed', 'sign_out'],
  reports: ['create', 'update', 'reopen', 'link', 'unlink', 'read_personal_data', 'export'],
  response_templates: ['create', 'update'],
  neighbourhoods: ['create', 'update', 'delete'],
  members: ['create', 'update', 'read_personal_data', 'request_proof', 'approve', 'reject', 'suspend', 'reinstate', 'ban', 'erase', 'export', 'import', 'purge'],
  relatives: ['create', 'update', 'read_personal_data'],
  outbox_messages: ['read_personal_data'],
  posts: ['approve', 'hide', 'delete'],
  banned_words: ['create', 'update', 'delete'],
  broadcasts: ['create', 'update', 'send', 'approve', 'cancel', 'test', 'retry_failed'],
  broadcast_templates: ['create', 'update'],
  deliveries: ['read_personal_data', 'export'],
  staff: ['create', 'update', 'change_role', 'reset_password', 'suspend', 'reinstate'],
  partners: ['create', 'update', 'suspend', 'reinstate', 'rotate_secret'],
  audit_log: ['export'],
  stats: ['export'],
} as const satisfies Record<string, readonly AuditAction[]>;
export type AuditEventResource = keyof typeof AUDIT_EVENTS;

type Translate = (key: string, options?: Record<string, unknown>) => string;

// Sign-ins and « Mon compte » are about the author themself (or one of their sessions).
const SELF: ReadonlySet<string> = new Set(['auth', 'account']);

// `member:3` in a record id: the number of a record of another resource.
const SCOPES: Record<string, AuditEventResource> = { member: 'members', broadcast: 'broadcasts' };

/**
 * What an entry is about: its name when the server has one (staff-written names only), else the
 * kind of record and its number (« signalement n° 42 », `member:3` → « voisin n° 3 »).
 */
export function auditTarget(translate: Translate, entry: Pick<AuditEntry, 'resource' | 'record_id' | 'target_name'>) {
  if (SELF.has(entry.resource)) return null;
  if (entry.target_name) return entry.target_name;
  const id = entry.record_id;
  if (!id) return null;
  const numbered = (resource: string, n: string) =>
    translate(`vigie.audit.targets.${resource}`, { id: n, _: translate('vigie.audit.number', { id: n }) });
  if (/^\d+$/.test(id)) return numbered(entry.resource, id);
  const scoped = /^([a-z_]+):(\d+)$/.exec(id);
  const resource = scoped && SCOPES[scoped[1]!];
  if (resource) return numbered(resource, scoped[2]!);
  return id;
}

/**
 * « Compte désactivé : Karim Benali », as the dashboard shows it and the CSV export writes it; an
 * entry this build does not know keeps its raw codes.
 */
export function auditSentence(translate: Translate, entry: Pick<AuditEntry, 'action' | 'resource' | 'record_id' | 'target_name'>) {
  const fallback = `${translate(`vigie.audit_actions.${entry.action}`, { _: entry.action })} · ${translate(`vigie.audit.resources.${entry.resource}`, { _: entry.resource })}`;
  const what = translate(`vigie.audit.events.${entry.resource}.${entry.action}`, { _: fallback });
  const target = auditTarget(translate, entry);
  return target ? translate('vigie.audit.sentence', { what, target }) : what;
}
