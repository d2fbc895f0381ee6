-- Broadcast fan-out at scale (issue 8): a whole-commune broadcast inserts 220,000 deliveries in one
-- statement, and the three foreign keys checked them row by row (660,000 index probes with a row
-- lock each) — about half the fan-out's time. The same references are now checked once per
-- statement, by one anti-join over the statement's transition table; deletes on the referenced
-- tables are refused the same way, as the foreign keys' default NO ACTION did.

alter table deliveries
  drop constraint deliveries_broadcast_id_fkey,
  drop constraint deliveries_member_id_fkey,
  drop constraint deliveries_relative_id_fkey;

-- The delete-side check on relatives needs this (members and broadcasts have theirs already).
create index deliveries_relative_idx on deliveries (relative_id) where relative_id is not null;

create function deliveries_check_references() returns trigger language plpgsql as $$
begin
  if exists (select 1 from (select distinct broadcast_id from new_rows) n where not exists (select 1 from broadcasts b where b.id = n.broadcast_id)) then
    raise foreign_key_violation using message = 'deliveries.broadcast_id references no broadcast', constraint = 'deliveries_broadcast_id_fkey';
  end if;
  if exists (select 1 from new_rows n where n.member_id is not null and not exists (select 1 from members m where m.id = n.member_id)) then
    raise foreign_key_violation using message = 'deliveries.member_id references no member', constraint = 'deliveries_member_id_fkey';
  end if;
  if exists (select 1 from new_rows n where n.relative_id is not null and not exists (select 1 from relatives r where r.id = n.relative_id)) then
    raise foreign_key_violation using message = 'deliveries.relative_id references no relative', constraint = 'deliveries_relative_id_fkey';
  end if;
  return null;
end $$;

create trigger deliveries_references_insert after insert on deliveries
  referencing new table as new_rows for each statement execute function deliveries_check_references();

-- A delivery is frozen to its broadcast and person: status updates (the worker's, one per message)
-- never name these columns, so this row trigger costs them nothing.
create function deliveries_references_frozen() returns trigger language plpgsql as $$
begin
  if new.broadcast_id is distinct from old.broadcast_id or new.member_id is distinct from old.member_id or new.relative_id is distinct from old.relative_id then
    raise exception 'a delivery''s broadcast, member and relative never change' using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end $$;

create trigger deliveries_references_frozen before update of broadcast_id, member_id, relative_id on deliveries
  for each row execute function deliveries_references_frozen();

-- Deleting what a delivery points to is refused. The SHARE lock waits for transactions that are
-- inserting deliveries right now (their check saw the row we are deleting) and holds off new ones
-- until we commit, so no delivery can slip in between the check and the delete. Deletes of
-- members (retention of never-approved registrations), relatives and broadcasts are rare.
create function deliveries_referenced_check() returns trigger language plpgsql as $$
declare
  referenced boolean;
begin
  if not exists (select 1 from old_rows) then
    return null;
  end if;
  lock table deliveries in share mode;
  if tg_table_name = 'members' then
    select exists (select 1 from old_rows o join deliveries d on d.member_id = o.id) into referenced;
  elsif tg_table_name = 'relatives' then
    select exists (select 1 from old_rows o join deliveries d on d.relative_id = o.id) into referenced;
  else
    select exists (select 1 from old_rows o join deliveries d on d.broadcast_id = o.id) into referenced;
  end if;
  if referenced then
    raise foreign_key_violation using message = format('%s still referenced by deliveries', tg_table_name), constraint = case tg_table_name when 'members' then 'deliveries_member_id_fkey' when 'relatives' then 'deliveries_relative_id_fkey' else 'deliveries_broadcast_id_fkey' end;
  end if;
  return null;
end $$;

create trigger members_deliveries_referenced after delete on members
  referencing old table as old_rows for each statement execute function deliveries_referenced_check();
create trigger relatives_deliveries_referenced after delete on relatives
  referencing old table as old_rows for each statement execute function deliveries_referenced_check();
create trigger broadcasts_deliveries_referenced after delete on broadcasts
  referencing old table as old_rows for each statement execute function deliveries_referenced_check();
