import type { Sql, TxSql } from '@vigie/db';
import { canMemberTransition, MEMBER_TRANSITIONS, type MemberDecisionReason, type MemberStatus } from '@vigie/shared';
import { audit } from '../audit/audit.ts';
import { conflict, notFound } from '../errors.ts';
import { eraseMemberData } from './erase.ts';
import { decisionNotice, proofNotice } from './messages.ts';
import { notifyMember } from './notify.ts';
import { kickPartnerWebhooks } from '../jobs/partnerWebhooks.ts';

type AnySql = Sql | TxSql;

export type StaffAction = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'ban' | 'erase';

export const MEMBER_STATUS_LABELS_FR: Record<MemberStatus, string> = {
  pending_confirmation: 'en attente de confirmation',
  pending_review: 'à examiner',
  approved: 'validé',
  rejected: 'refusé',
  suspended: 'suspendu',
  banned: 'exclu',
  erased: 'effacé',
};

const ACTION_LABELS_FR: Record<StaffAction, string> = {
  approve: 'valider',
  reject: 'refuser',
  suspend: 'suspendre',
  reinstate: 'rétablir',
  ban: 'exclure',
  erase: 'effacer',
};

const PARTNER_EVENT: Record<StaffAction, string> = {
  approve: 'member.approved',
  reject: 'member.rejected',
  suspend: 'member.suspended',
  reinstate: 'member.reinstated',
  ban: 'member.banned',
  erase: 'member.erased',
};

export interface ActionInput {
  action: StaffAction;
  staff_id: number;
  ip: string | null;
  reason?: MemberDecisionReason | null | undefined;
  note?: string | null | undefined;
}

/**
 * One staff decision on one member, in the caller's transaction: the row locked, the transition
 * checked against MEMBER_TRANSITIONS (409 otherwise), the history line, the audit entry (no
 * personal value), the resident's (and relatives') messages and the partner's event, all committed together.
 */
export async function applyMemberAction(tx: AnySql, id: number, input: ActionInput) {
  const [current] = await tx<{ id: number; status: MemberStatus; partner_id: string | null; external_id: string | null }[]>`
    select id, status, partner_id, external_id from members where id = ${id} for update`;
  if (!current) throw notFound('Membre introuvable.');
  const { action } = input;
  if (!canMemberTransition(action, current.status)) {
    throw conflict(`Impossible de ${ACTION_LABELS_FR[action]} un membre « ${MEMBER_STATUS_LABELS_FR[current.status]} ».`, { status: 'Transition impossible.' });
  }
  const to = MEMBER_TRANSITIONS[action].to;
  const reason = input.reason ?? null;
  const note = input.note?.trim() || null;
  const decides = action !== 'erase';

  // The decision reaches the resident (and a senior's relatives) through their own channels; queued
  // before an erasure could blank the contacts (erase sends none).
  if (action !== 'erase') await notifyMember(tx, id, decisionNotice(action, reason, note));
  if (action === 'erase') await eraseMemberData(tx, id);
  await tx`
    update members set status = ${to}, updated_at = now(),
      decided_at = case when ${decides} then now() else decided_at end,
      decided_by = case when ${decides} then ${input.staff_id}::int else decided_by end,
      decision_reason = case when ${decides} then ${reason} else decision_reason end
    where id = ${id}`;
  await tx`
    insert into member_events (member_id, staff_id, action, from_status, to_status, reason, note)
    values (${id}, ${input.staff_id}, ${action}, ${current.status}, ${to}, ${reason}, ${action === 'erase' ? null : note})`;
  await audit(tx, { staff_id: input.staff_id, action, resource: 'members', record_id: id, ip: input.ip });
  if (current.partner_id && current.external_id) {
    const type = PARTNER_EVENT[action];
    const payload = { type, external_id: current.external_id, status: to, message: null, at: new Date().toISOString() };
    await tx`
      insert into partner_events (partner_id, member_id, external_id, type, payload)
      values (${current.partner_id}, ${id}, ${current.external_id}, ${type}, ${tx.json(payload)})`;
    await kickPartnerWebhooks(tx);
  }
}

/**
 * « Demander un justificatif de domicile »: only while the registration waits for a decision (409
 * otherwise). The resident is asked through their channels, the history keeps the request and the
 * clerk's note, and the queue shows a chip (`proof_requested_at`) until the decision.
 */
export async function requestProof(tx: AnySql, id: number, input: { staff_id: number; ip: string | null; note?: string | null | undefined }) {
  const [current] = await tx<{ status: MemberStatus }[]>`select status from members where id = ${id} for update`;
  if (!current) throw notFound('Membre introuvable.');
  if (current.status !== 'pending_review') {
    throw conflict(`Un justificatif se demande pour une inscription à examiner, pas pour un membre « ${MEMBER_STATUS_LABELS_FR[current.status]} ».`, { status: 'Transition impossible.' });
  }
  const note = input.note?.trim() || null;
  const queued = await notifyMember(tx, id, proofNotice(note));
  if (queued === 0) throw conflict('Ce membre n’a ni e-mail ni mobile joignable : demandez le justificatif de vive voix.');
  await tx`update members set proof_requested_at = now(), updated_at = now() where id = ${id}`;
  await tx`insert into member_events (member_id, staff_id, action, note) values (${id}, ${input.staff_id}, 'proof_requested', ${note})`;
  await audit(tx, { staff_id: input.staff_id, action: 'request_proof', resource: 'members', record_id: id, ip: input.ip });
}
