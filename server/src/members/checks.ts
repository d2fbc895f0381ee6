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

export type { MemberDuplicate as PossibleDuplicate } from '@vigie/shared';

/**
 * The review queue's automatic checks, as columns of a member row `m`, computed here so every
 * client shows the same chips: other members with the same e-mail, the same phone, or the same
 * address (accents, case and punctuation aside: `address_key`, migration 00018) and a name
 * word of three letters or more in common (`name_words`) — a neighbour in the same building is not flagged, a second registration of one
 * household is — each with the other record's name and status; a disposable e-mail domain;
 * relatives yet to confirm. Each probe is an index lookup, so a page of 25 stays cheap.
 */
export const checkColumns = (sql: Sql | TxSql) => sql`
  coalesce((
    select json_agg(json_build_object('id', dup.id, 'full_name', dup.full_name, 'status', dup.status, 'reason', dup.reason) order by dup.id)
    from (
      select d.id, d.full_name, d.status, c.reason from (
        select distinct on (candidate.id) candidate.id, candidate.reason from (
          -- One indexed probe per rule, united: an OR in one scan would walk the primary key instead.
          select d.id, 'email' as reason, 1 as rank from members d where d.email = m.email
          union all select d.id, 'phone', 2 from members d where d.phone = m.phone
          union all select d.id, 'name_address', 3 from members d where d.address_key = m.address_key and d.name_words && m.name_words
        ) candidate
        where candidate.id <> m.id
        order by candidate.id, candidate.rank
      ) c join members d on d.id = c.id
      where d.status <> 'erased'
      order by d.id limit 5
    ) dup
  ), '[]'::json) as duplicates,
  coalesce(split_part(m.email, '@', 2) = any(${DISPOSABLE_EMAIL_DOMAINS}::text[]), false) as disposable_email,
  (select count(*)::int from relatives r where r.member_id = m.id and r.confirmed_at is null and r.erased_at is null) as unconfirmed_relatives,
  m.proof_requested_at`;
