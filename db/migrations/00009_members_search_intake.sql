-- Members' list search (`q`) and the partner sync's idempotency (issue 7).

-- `q` on name, address, e-mail and phone, on both engines (no pg_trgm, no unaccent in the embedded
-- engine): one 'simple' tsvector over lower-cased, accent-folded text, searched by word prefix. The
-- e-mail's separators become spaces (so "dupont" finds jean.dupont@…) and a French phone is also
-- written nationally (0612345678 finds +33612345678). The server folds the query the same way
-- (server/src/members/search.ts): change both or neither.
alter table members add column search tsvector generated always as (
  to_tsvector('simple'::regconfig, translate(lower(
    coalesce(full_name, '') || ' ' || coalesce(address, '') || ' ' ||
    translate(coalesce(email, ''), '@.-_+', '     ') || ' ' ||
    coalesce(phone, '') || ' ' || coalesce(regexp_replace(phone, '^\+33', '0'), '')),
    'àáâäãåçèéêëìíîïñòóôöõùúûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy'))
) stored;
create index members_search_idx on members using gin (search);

-- The other list filters, each sorted like the list (status and neighbourhood have theirs in 00008).
create index members_kind_created_idx on members (kind, created_at desc, id desc);
create index members_source_created_idx on members (source, created_at desc, id desc);
create index members_channels_idx on members using gin (channels);
-- The list's other sorts (react-admin column headers): name, last change, decision.
create index members_name_idx on members (full_name, id);
create index members_updated_idx on members (updated_at desc, id desc);
create index members_decided_idx on members (decided_at desc, id desc);

-- The review queue's duplicate check: same address (and a name word in common), case aside.
create index members_address_idx on members (lower(address)) where address is not null;

-- Partner sync: one member per (partner, external_id) already; the canonical body's hash tells a
-- retry (same body: 200) from a conflicting resend (another body: 422), as reports' intake_hash.
alter table members add column intake_hash bytea;
