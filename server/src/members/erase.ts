import type { Sql, TxSql } from '@vigie/db';

type AnySql = Sql | TxSql;

/**
 * RGPD erasure, in the caller's transaction (the row already locked): every personal value about
 * the member and their relatives goes, wherever Vigie copied it — reporter fields of linked
 * reports, messages sent to them, free-text notes in their history, pending confirmation links.
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
  await tx`delete from confirmation_tokens where member_id = ${memberId}`;
}
