import type { Sql, TxSql } from '@vigie/db';

/**
 * Throwaway-address providers a registration should not rest on (the clerk sees a chip, and decides).
 * Short on purpose: the ones French residents' spam actually uses; extend as they show up.
 */
export const DISPOSABLE_EMAIL_DOMAINS = [
  'yopmail.com', 'yopmail.fr', 'yopmail.net', 'jetable.org', 'mailinator.com', 'guerrillamail.com', 'guerrillamail.info',
  'sharklasers.com', '10minutemail.com', 'temp-mail.org', 'tempmail.com', 'trashmail.com', 'trashmail.fr', 'getnada.com',
  'dispostable.com', 'maildrop.cc', 'mohmal.com', 'throwawaymail.com', 'spam4.me', 'mailnesia.com',
];

/**
 * The review queue's automatic checks, as columns of a member row `m`: other members with the same
 * e-mail, the same phone, or the same address and a name word in common (a neighbour in the same
 * building is not flagged, a second registration of one household is); a disposable e-mail domain;
 * relatives yet to confirm.
 * Each probe is an index lookup (e-mail, phone, lower(address)), so a page of 25 stays cheap.
 */
export const checkColumns = (sql: Sql | TxSql) => sql`
  array(
    select d.id from (
      -- One indexed probe per rule, united: an OR in one scan would walk the primary key instead.
      select d.id from members d where d.email = m.email
      union select d.id from members d where d.phone = m.phone
      union select d.id from members d
        where lower(d.address) = lower(m.address)
          and exists (select 1 from unnest(string_to_array(lower(m.full_name), ' ')) w
                      where length(w) >= 3 and w = any(string_to_array(lower(d.full_name), ' ')))
    ) candidate join members d using (id)
    where d.id <> m.id and d.status <> 'erased'
    order by d.id limit 5
  ) as duplicate_ids,
  coalesce(split_part(m.email, '@', 2) = any(${DISPOSABLE_EMAIL_DOMAINS}::text[]), false) as disposable_email,
  (select count(*)::int from relatives r where r.member_id = m.id and r.confirmed_at is null and r.erased_at is null) as unconfirmed_relatives`;
