-- Statistics within 200 ms over a million reports (issue 10, docs/benchmarks.md « stats »).

-- 1. The two moments the median delays need, kept on the report so that a period's medians are one
-- index-only range scan instead of one probe of the timeline per report. They are derived from the
-- status changes of report_events by the trigger below, in the transaction that writes the change,
-- whoever writes it (triage, a partner, a seed): the timeline stays the one source of truth.
--   acknowledged_at: the first status change away from « new » (never cleared: a reopened report
--                    was acknowledged once);
--   closed_at:       when the report was last closed, cleared when it is reopened.
-- « forwarded » stays derivable from the status, as before.
alter table reports add column acknowledged_at timestamptz, add column closed_at timestamptz;

update reports r
set acknowledged_at = e.ack_at,
    closed_at = case when r.status in ('resolved', 'dismissed', 'forwarded') then e.close_at end
from (
  select report_id,
         min(at) filter (where to_value <> 'new') as ack_at,
         max(at) filter (where to_value in ('resolved', 'dismissed', 'forwarded')) as close_at
  from report_events where action = 'status' group by report_id
) e
where e.report_id = r.id;

-- Statement-level with a transition table: a bulk insert of events updates each report once.
create function report_timing_from_events() returns trigger language plpgsql as $$
begin
  update reports r
  set acknowledged_at = case when e.ack_at is null then r.acknowledged_at else least(coalesce(r.acknowledged_at, e.ack_at), e.ack_at) end,
      -- Closed statuses never lead to one another: the last change says closed (when) or open (null).
      closed_at = case when e.last_to in ('resolved', 'dismissed', 'forwarded') then e.last_at else null end
  from (
    select report_id,
           min(at) filter (where to_value <> 'new') as ack_at,
           (array_agg(to_value order by at desc, id desc))[1] as last_to,
           max(at) as last_at
    from new_events where action = 'status' group by report_id
  ) e
  where r.id = e.report_id;
  return null;
end $$;

create trigger report_events_timing after insert on report_events
  referencing new table as new_events for each statement execute function report_timing_from_events();

-- 2. Daily counts per Paris day, category, sector and source: a year of statistics reads a few
-- tens of thousands of these rows instead of a million reports. Kept exact by statement-level
-- triggers on reports (insert, update, delete), in the writer's transaction, on both engines.
-- Rows may reach zero and stay (readers skip them): deleting them would cost every triage a scan.
create table report_stats_daily (
  day date not null,
  category text not null,
  neighbourhood_id integer,
  source text not null,
  reports integer not null,
  forwarded integer not null,
  constraint report_stats_daily_key unique nulls not distinct (day, category, neighbourhood_id, source)
);

-- One function for the three triggers: it reads the transition tables its trigger declares
-- (EXECUTE, since a statement naming a table the trigger lacks would not even plan). Keys are
-- upserted in key order so that concurrent writers lock rollup rows in one order (no deadlock).
-- The day is cut in Europe/Paris, like the statistics route (server/src/rest/dates.ts TIME_ZONE).
create function report_stats_from_reports() returns trigger language plpgsql as $$
declare
  changed text := case tg_op
    when 'INSERT' then 'select *, 1 as delta from new_rows'
    when 'DELETE' then 'select *, -1 as delta from old_rows'
    else 'select *, 1 as delta from new_rows union all select *, -1 as delta from old_rows' end;
begin
  execute format($q$
    insert into report_stats_daily as d (day, category, neighbourhood_id, source, reports, forwarded)
    select (received_at at time zone 'Europe/Paris')::date, category, neighbourhood_id, source,
           sum(delta), coalesce(sum(delta) filter (where status = 'forwarded'), 0)
    from (%s) c
    group by 1, 2, 3, 4
    having sum(delta) <> 0 or coalesce(sum(delta) filter (where status = 'forwarded'), 0) <> 0
    order by 1, 2, 3, 4
    on conflict on constraint report_stats_daily_key do update
      set reports = d.reports + excluded.reports, forwarded = d.forwarded + excluded.forwarded$q$, changed);
  return null;
end $$;

create trigger reports_stats_insert after insert on reports
  referencing new table as new_rows for each statement execute function report_stats_from_reports();
create trigger reports_stats_update after update on reports
  referencing old table as old_rows new table as new_rows for each statement execute function report_stats_from_reports();
create trigger reports_stats_delete after delete on reports
  referencing old table as old_rows for each statement execute function report_stats_from_reports();

insert into report_stats_daily (day, category, neighbourhood_id, source, reports, forwarded)
select (received_at at time zone 'Europe/Paris')::date, category, neighbourhood_id, source,
       count(*), count(*) filter (where status = 'forwarded')
from reports group by 1, 2, 3, 4;

-- 3. What the rollup cannot hold (medians cannot be summed; heat cells × days × filters would be as
-- many rows as reports): one index-only range scan of a period. Replaces 00014's index, which lacked
-- the two moments; the counts no longer read it.
drop index reports_stats_idx;
create index reports_stats_idx on reports (received_at) include (category, neighbourhood_id, priority, lat, lng, acknowledged_at, closed_at);
