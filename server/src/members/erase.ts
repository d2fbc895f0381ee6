import type { Sql, TxSql } from '@vigie/db';

type AnySql = Sql | TxSql;

/**
 * RGPD erasure, in the caller's transaction (the row already locked): every personal value about
 * the member and their relatives goes, wherever Vigie copied it — reporter fields of linked
 * reports, messages sent to them, free-text notes in their history, pending confirmation links,
 * their posts (title, body, the moderator's reason, what others wrote when reporting them) and the
 * abuse reports they wrote about others' posts (their platform id and their words).
 * What stays is not personal: the sector, the dates, the statuses and the reports' history.
 * A new table holding a member's personal data must be added here (and to the erasure test).
 */
export async function eraseMemberData(tx: AnySql, memberId: number) {
  await tx`
    update members set status = 'erased', erased_at = now(), updated_at = now(),
      full_name = null, email = null, phone = null, address = null, lat = null, lng = null, geocode_score = null,
      channels = '{}', registrant_name = null, registrant_relation = null, registrant_email = null, registrant_phone = null,
      intake_hash = null
    where id = ${memberId}`;
  await tx`
    update relatives set full_name = null, relation = null, email = null, phone = null, channels = '{}',
      erased_at = now(), updated_at = now()
    where member_id = ${memberId}`;
  await tx`update reports set reporter_name = null, reporter_phone = null where member_id = ${memberId}`;
  await tx`
    update outbox_messages set "to" = 'effacé', subject = null, body = '', headers = null,
      -- Not sent yet: never will be (the worker would otherwise try the blanked address).
      status = case when status in ('queued', 'failed') then 'dead' else status end,
      error = case when status in ('queued', 'failed') then 'Destinataire effacé (RGPD).' else error end
    where member_id = ${memberId} or relative_id in (select id from relatives where member_id = ${memberId})`;
  await tx`update member_events set note = null where member_id = ${memberId}`;
  // The post stays as a moderated item (kind, status, dates, partner's id) without a word of it.
  await tx`
    update posts set title = 'Contenu effacé (RGPD)', body = 'Contenu effacé (RGPD)', hidden_reason = null,
      -- The content's hash would confirm a guess of what the post said.
      intake_hash = decode('00', 'hex'), updated_at = now()
    where member_id = ${memberId}`;
  await tx`update post_reports set reason = 'Contenu effacé (RGPD)' where post_id in (select id from posts where member_id = ${memberId})`;
  const [self] = await tx<{ partner_id: string | null; external_id: string | null }[]>`select partner_id, external_id from members where id = ${memberId}`;
  if (self?.partner_id && self.external_id) {
    await tx`
      update post_reports pr set reporter_external_id = 'effacé-' || pr.id, reason = 'Contenu effacé (RGPD)'
      from posts p
      where p.id = pr.post_id and p.partner_id = ${self.partner_id} and pr.reporter_external_id = ${self.external_id}`;
  }
  await tx`delete from confirmation_tokens where member_id = ${memberId}`;
}
