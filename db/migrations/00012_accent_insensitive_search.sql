-- Accent-insensitive full-text search on both engines: PGlite has no `unaccent` extension, so the
-- folding is an immutable SQL function (usable in a generated column and inlined by the planner),
-- applied to the document here and to the query by the API. « velo » finds « vélo » and back.
create function vigie_unaccent(text) returns text
language sql immutable strict parallel safe
return replace(replace(replace(replace(
  translate($1,
    'àáâãäåāçćčèéêëēėęìíîïīñńòóôõöøōùúûüūýÿÀÁÂÃÄÅĀÇĆČÈÉÊËĒĖĘÌÍÎÏĪÑŃÒÓÔÕÖØŌÙÚÛÜŪÝŸ',
    'aaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyAAAAAAACCCEEEEEEEIIIIINNOOOOOOOUUUUUYY'),
  'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE');

-- A generated column's expression cannot be changed in place before PostgreSQL 17: rebuild it.
drop index reports_search_idx;
alter table reports drop column search;
alter table reports add column search tsvector generated always as (
  to_tsvector('french', vigie_unaccent(description || ' ' || coalesce(address, '')))
) stored;
-- fastupdate off: each report goes straight into the index instead of a pending list that the
-- planner prices as a full read until the next vacuum (it then preferred a sequential scan), and
-- whose flush would land on one unlucky intake request.
create index reports_search_idx on reports using gin (search) with (fastupdate = off);
