-- Cursors that clients resume from (live:resync's `since`, the partners' `after`) must follow
-- commit order. An identity is taken at insert: a transaction holding id 7 may commit after the
-- one holding id 8 was delivered, and `id > 8` then never serves 7. A position built from the
-- writing transaction's id (xid8) is served only once every older transaction has ended
-- (`position < commit_position_horizon()`, the snapshot's xmin), so a
-- reader never steps over an event still to come.

-- position = xid × 65536 + the event's rank in its transaction. It stays below 2^53 (a JavaScript
-- number, the opaque `event_id` clients hold) for 2^37 transactions.
create function commit_position() returns bigint language plpgsql volatile as $$
declare
  rank integer := coalesce(nullif(current_setting('vigie.commit_rank', true), '')::integer + 1, 0);
begin
  if rank >= 65536 then
    raise exception 'more than 65536 commit-ordered events in one transaction';
  end if;
  -- is_local: the rank restarts with every transaction (and rolls back with a savepoint).
  perform set_config('vigie.commit_rank', rank::text, true);
  return pg_current_xact_id()::text::bigint * 65536 + rank;
end $$;

-- Every position below this one belongs to a transaction that has ended (committed or rolled
-- back), in the snapshot of the statement that calls it: nothing below it can still appear. That
-- is the snapshot's xmin, except that transaction ids are shared by every database of the
-- cluster: a transaction still running in another database (identified as such by
-- pg_stat_activity) writes nothing here and must not hold our readers back. One that cannot be
-- identified (ended meanwhile, or hidden from this role) counts as ours: safe, only later.
create function commit_position_horizon() returns bigint language sql stable as $$
  with snapshot as (select pg_current_snapshot() as s),
  elsewhere as (
    select backend_xid from pg_stat_activity
    where backend_xid is not null and datid is not null and datid <> (select oid from pg_database where datname = current_database())
  )
  select coalesce(
           (select min(x) from snapshot, pg_snapshot_xip(s) as x where xid(x) not in (select backend_xid from elsewhere)),
           (select pg_snapshot_xmax(s) from snapshot)
         )::text::bigint * 65536
$$;

-- Live events are a 48-hour replay buffer: clients holding an old id simply receive what follows
-- (or refetch their lists), so the buffer starts afresh rather than mixing two numberings.
delete from live_events;
alter table live_events add column position bigint not null default commit_position();
alter table live_events add constraint live_events_position_key unique (position);

-- The partners' outbox: their `after` becomes a position too; pending events keep their order.
alter table partner_events add column position bigint;
update partner_events set position = id;
alter table partner_events alter column position set not null, alter column position set default commit_position();
create unique index partner_events_partner_position_idx on partner_events (partner_id, position);

-- Officer-created reports: a retried POST with the same Idempotency-Key is stored once.
alter table reports
  add column created_by integer references staff (id),
  add column idempotency_key text check (idempotency_key is null or length(idempotency_key) between 1 and 200),
  add column idempotency_hash bytea,
  add constraint reports_idempotency_has_author check (idempotency_key is null or created_by is not null);
create unique index reports_idempotency_idx on reports (created_by, idempotency_key) where idempotency_key is not null;
