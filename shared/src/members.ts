/**
 * Members of the network (residents) and the people who receive alerts in a senior's place.
 * One vocabulary for the server, the dashboard and the public registration page.
 */
export const MEMBER_KINDS = ['self', 'on_behalf', 'senior'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

export const MEMBER_STATUSES = [
  'pending_confirmation',
  'pending_review',
  'approved',
  'rejected',
  'suspended',
  'banned',
  'erased',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_SOURCES = ['public', 'partner', 'desk', 'import'] as const;
export type MemberSource = (typeof MEMBER_SOURCES)[number];

export const CHANNELS = ['sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The town hall's actions on a member, each a `POST /api/members/:id/<action>`. */
export const MEMBER_ACTIONS = ['confirm', 'approve', 'reject', 'suspend', 'reinstate', 'ban', 'erase'] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/**
 * The allowed status changes, as `REPORT_TRANSITIONS` for reports; anything else answers 409.
 * `confirm` is the resident's own double opt-in; any status may be banned, and anyone but an
 * already erased member may be erased (RGPD: erasure is a right, whatever the status).
 */
export const MEMBER_TRANSITIONS: Record<MemberAction, { from: readonly MemberStatus[]; to: MemberStatus }> = {
  confirm: { from: ['pending_confirmation'], to: 'pending_review' },
  approve: { from: ['pending_review'], to: 'approved' },
  reject: { from: ['pending_review'], to: 'rejected' },
  suspend: { from: ['approved'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'approved' },
  ban: { from: ['pending_confirmation', 'pending_review', 'approved', 'rejected', 'suspended'], to: 'banned' },
  erase: { from: ['pending_confirmation', 'pending_review', 'approved', 'rejected', 'suspended', 'banned'], to: 'erased' },
};

export const canMemberTransition = (action: MemberAction, from: MemberStatus) => MEMBER_TRANSITIONS[action].from.includes(from);

/** Reasons offered in the dashboard for reject / suspend / ban (free text may follow). */
export const MEMBER_DECISION_REASONS = [
  'outside_commune',
  'duplicate',
  'unverifiable_address',
  'incomplete',
  'abuse',
  'requested_by_member',
  'other',
] as const;
export type MemberDecisionReason = (typeof MEMBER_DECISION_REASONS)[number];

/** A member as the REST API returns it (snake_case, like the columns). */
export interface Member {
  id: number;
  external_id: string | null;
  kind: MemberKind;
  status: MemberStatus;
  full_name: string | null;
  email: string | null;
  /** E.164 (`+33612345678`). */
  phone: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  neighbourhood_id: number | null;
  out_of_area: boolean;
  channels: Channel[];
  sms_opt_out_at: string | null;
  email_opt_out_at: string | null;
  source: MemberSource;
  created_at: string;
  confirmed_at: string | null;
  decided_at: string | null;
  decided_by_name: string | null;
  updated_at: string;
}

/** Another member who may be the same person, and why (computed by the server, server/src/members/checks.ts). */
export interface MemberDuplicate {
  id: number;
  full_name: string | null;
  status: MemberStatus;
  reason: 'email' | 'phone' | 'name_address';
}

/** The review queue's automatic checks, on every member row the API answers. */
export interface MemberChecks {
  duplicates: MemberDuplicate[];
  disposable_email: boolean;
  unconfirmed_relatives: number;
  proof_requested_at: string | null;
}

export interface Relative {
  id: number;
  member_id: number;
  full_name: string | null;
  relation: string | null;
  email: string | null;
  phone: string | null;
  channels: Channel[];
  confirmed_at: string | null;
  sms_opt_out_at: string | null;
  email_opt_out_at: string | null;
}

export const MEMBER_EVENT_ACTIONS = [
  'registered',
  'confirmed',
  'relative_confirmed',
  'approve',
  'reject',
  'suspend',
  'reinstate',
  'ban',
  'erase',
  'export',
  'import',
  'update',
  'proof_requested',
  'opt_out',
  'note',
] as const;
export type MemberEventAction = (typeof MEMBER_EVENT_ACTIONS)[number];

export interface MemberEvent {
  id: number;
  member_id: number;
  at: string;
  staff_id: number | null;
  staff_name: string | null;
  action: MemberEventAction;
  from_status: MemberStatus | null;
  to_status: MemberStatus | null;
  reason: string | null;
  note: string | null;
}

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'captured', 'failed', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Every e-mail and SMS Vigie sends; `captured` when no transport is configured (demo). */
export interface OutboxMessage {
  id: number;
  channel: Channel;
  to: string;
  subject: string | null;
  body: string;
  kind: string;
  member_id: number | null;
  relative_id: number | null;
  status: OutboxStatus;
  attempts: number;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}
