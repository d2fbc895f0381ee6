-- Members (issue 7): duplicate detection that ignores accents and punctuation in addresses, the
-- « justificatif de domicile » request shown in the review queue.

-- « 12, Rue de l'Égalité » and « 12 rue de l egalite » are one address: lower-cased, accent-folded
-- (vigie_unaccent, migration 00012: both engines), every run of other characters one space.
create function vigie_address_key(text) returns text
language sql immutable strict parallel safe
return btrim(regexp_replace(lower(vigie_unaccent($1)), '[^a-z0-9]+', ' ', 'g'));

-- A name's words of three letters or more, folded the same way: « Marie Vernier » and « VERNIER
-- Jean » share one (a household), « Li » and « Le » would match everyone.
create function vigie_name_words(text) returns text[]
language sql immutable strict parallel safe
return array(select w from unnest(string_to_array(vigie_address_key($1), ' ')) w where length(w) >= 3);

-- Stored, so the review queue's per-row probe compares two columns instead of folding both sides
-- for every candidate (and the planner is not handed the inlined folding ten times per query).
alter table members
  add column address_key text generated always as (vigie_address_key(address)) stored,
  add column name_words text[] generated always as (vigie_name_words(full_name)) stored;
drop index members_address_idx;
create index members_address_key_idx on members (address_key) where address_key is not null;

-- When the town hall last asked for a proof of address (the queue's chip); the history keeps each request.
alter table members add column proof_requested_at timestamptz;
