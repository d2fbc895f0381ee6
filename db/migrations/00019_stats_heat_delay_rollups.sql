-- Heat cells and median delays of any period within 200 ms over a million reports (issue 10,
-- docs/benchmarks.md « stats »). Migration 00016 rolled the counts up per day; the heat cells and
-- the medians still scanned every report of the period (a year: 1M rows, 3 s of sorting for the
-- exact medians). Both are now rolled up per week and per day, kept by the same statement-level
-- triggers: a period reads its whole Monday-to-Sunday weeks from the weekly rows and its edge days
-- (at most 6 + 6) from the daily ones — a year is ~60 rollup reads instead of a million reports.
--
-- Filters: the statistics page filters by category and by sector. A week's (or day's) rollup rows
-- exist in four scopes, so that any filter reads only the rows it needs (never every category × sector):
--   category = ''  and neighbourhood_id = 0   all reports of the week;
--   category = 'x' and neighbourhood_id = 0   one category, every sector;
--   category = ''  and neighbourhood_id = n   every category, one sector (null: outside any sector);
--   category = 'x' and neighbourhood_id = n   both filters.
-- '' is no category and 0 no sector id (ids are positive), so the sentinels cannot collide.

-- The Monday of a Paris day's week (ISO), as the statistics route cuts weeks.
create function stats_week(d date) returns date language sql immutable parallel safe
  return d - (extract(isodow from d)::int - 1);

-- Heat cells: the shared HEAT_CELL (0.0009° of latitude × 0.0013° of longitude, ~100 m), cut in SQL
-- only, here, so that the rollup and the scan of the edge days can never disagree.
create function stats_cell_y(lat double precision) returns integer language sql immutable parallel safe
  return floor(lat / 0.0009::float8)::int;
create function stats_cell_x(lng double precision) returns integer language sql immutable parallel safe
  return floor(lng / 0.0013::float8)::int;

-- Delay buckets: medians cannot be summed, histograms can. A bucket is named by its start in
-- seconds; its width grows with the delay so that a few hundred buckets cover any delay:
--   under 1 h: 1 minute; 1–6 h: 5 minutes; 6–48 h: 15 minutes; 2–14 days: 1 hour; beyond: 1 day.
-- The median read from the cumulative histogram falls in the bucket of the exact one: it is off by
-- less than that bucket's width (the README and the page say so).
create function stats_delay_bucket(seconds numeric) returns integer language sql immutable parallel safe
  return (case
    when seconds < 3600 then floor(seconds / 60) * 60
    when seconds < 21600 then floor(seconds / 300) * 300
    when seconds < 172800 then floor(seconds / 900) * 900
    when seconds < 1209600 then floor(seconds / 3600) * 3600
    else floor(seconds / 86400) * 86400 end)::int;
create function stats_delay_width(bucket integer) returns integer language sql immutable parallel safe
  return case
    when bucket < 3600 then 60
    when bucket < 21600 then 300
    when bucket < 172800 then 900
    when bucket < 1209600 then 3600
    else 86400 end;

-- `days` = 7: the week starting on Monday `since`; `days` = 1: the Paris day `since`.
create table report_heat_rollup (
  days smallint not null check (days in (1, 7)),
  since date not null,
  category text not null,
  neighbourhood_id integer,
  cy integer not null,
  cx integer not null,
  reports integer not null,
  -- Key order = read order: a filter's scope, then a range of weeks or days. The count is included so that
  -- a read is an index-only scan: a scope's rows are scattered over the heap (upserts land anywhere),
  -- and a year of them fetched from the heap touched one page per row.
  constraint report_heat_rollup_key unique nulls not distinct (category, neighbourhood_id, days, since, cy, cx) include (reports)
);

create table report_delay_rollup (
  days smallint not null check (days in (1, 7)),
  since date not null,
  category text not null,
  neighbourhood_id integer,
  priority text not null,
  kind text not null check (kind in ('acknowledge', 'close')),
  bucket integer not null,
  reports integer not null,
  constraint report_delay_rollup_key unique nulls not distinct (category, neighbourhood_id, days, since, priority, kind, bucket) include (reports)
);

-- The counts of 00016 per week as well: a year's counts read ~15,000 weekly rows (and the edge days'
-- daily ones) instead of ~70,000 daily rows. A week that straddles two months is kept as two rows
-- (one per month), so that the monthly series can still be summed from whole weeks.
create table report_stats_weekly (
  week date not null,
  month date not null,
  category text not null,
  neighbourhood_id integer,
  source text not null,
  reports integer not null,
  forwarded integer not null,
  constraint report_stats_weekly_key unique nulls not distinct (week, month, category, neighbourhood_id, source) include (reports, forwarded)
);

-- The trigger function of 00016, now keeping the four rollups. One function for the three
-- triggers (it reads the transition tables its trigger declares, hence EXECUTE). Rollup tables
-- are always written in the same order (daily, weekly, heat, delays) and keys upserted in key order, so
-- that concurrent writers lock rollup rows in one order (no deadlock). Rows may reach zero and stay.
create or replace function report_stats_from_reports() returns trigger language plpgsql as $$
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

  execute format($q$
    insert into report_stats_weekly as w (week, month, category, neighbourhood_id, source, reports, forwarded)
    select stats_week(c.day), c.day - (extract(day from c.day)::int - 1), c.category, c.neighbourhood_id, c.source,
           sum(c.delta), coalesce(sum(c.delta) filter (where c.status = 'forwarded'), 0)
    from (select (received_at at time zone 'Europe/Paris')::date as day, * from (%s) x) c
    group by 1, 2, 3, 4, 5
    having sum(c.delta) <> 0 or coalesce(sum(c.delta) filter (where c.status = 'forwarded'), 0) <> 0
    order by 1, 2, 3, 4, 5
    on conflict on constraint report_stats_weekly_key do update
      set reports = w.reports + excluded.reports, forwarded = w.forwarded + excluded.forwarded$q$, changed);

  execute format($q$
    insert into report_heat_rollup as h (category, neighbourhood_id, days, since, cy, cx, reports)
    select s.category, s.neighbourhood_id, p.days, p.since,
           stats_cell_y(c.lat), stats_cell_x(c.lng), sum(c.delta)
    from (%s) c
    cross join lateral (values (''::text, 0), (c.category, 0), ('', c.neighbourhood_id), (c.category, c.neighbourhood_id)) s(category, neighbourhood_id)
    cross join lateral (values ((c.received_at at time zone 'Europe/Paris')::date)) d0(paris_day)
    cross join lateral (values (1::smallint, d0.paris_day), (7::smallint, stats_week(d0.paris_day))) p(days, since)
    group by 1, 2, 3, 4, 5, 6
    having sum(c.delta) <> 0
    order by 1, 2, 3, 4, 5, 6
    on conflict on constraint report_heat_rollup_key do update set reports = h.reports + excluded.reports$q$, changed);

  execute format($q$
    insert into report_delay_rollup as d (category, neighbourhood_id, days, since, priority, kind, bucket, reports)
    select s.category, s.neighbourhood_id, p.days, p.since,
           c.priority, k.kind, stats_delay_bucket(k.seconds), sum(c.delta)
    from (%s) c
    cross join lateral (values ('acknowledge', extract(epoch from c.acknowledged_at - c.received_at)),
                               ('close', extract(epoch from c.closed_at - c.received_at))) k(kind, seconds)
    cross join lateral (values (''::text, 0), (c.category, 0), ('', c.neighbourhood_id), (c.category, c.neighbourhood_id)) s(category, neighbourhood_id)
    cross join lateral (values ((c.received_at at time zone 'Europe/Paris')::date)) d0(paris_day)
    cross join lateral (values (1::smallint, d0.paris_day), (7::smallint, stats_week(d0.paris_day))) p(days, since)
    where k.seconds is not null
    group by 1, 2, 3, 4, 5, 6, 7
    having sum(c.delta) <> 0
    order by 1, 2, 3, 4, 5, 6, 7
    on conflict on constraint report_delay_rollup_key do update set reports = d.reports + excluded.reports$q$, changed);
  return null;
end $$;

insert into report_heat_rollup (category, neighbourhood_id, days, since, cy, cx, reports)
select s.category, s.neighbourhood_id, p.days, p.since,
       stats_cell_y(r.lat), stats_cell_x(r.lng), count(*)
from reports r
cross join lateral (values (''::text, 0), (r.category, 0), ('', r.neighbourhood_id), (r.category, r.neighbourhood_id)) s(category, neighbourhood_id)
cross join lateral (values (1::smallint, (r.received_at at time zone 'Europe/Paris')::date), (7::smallint, stats_week((r.received_at at time zone 'Europe/Paris')::date))) p(days, since)
group by 1, 2, 3, 4, 5, 6;

insert into report_delay_rollup (category, neighbourhood_id, days, since, priority, kind, bucket, reports)
select s.category, s.neighbourhood_id, p.days, p.since,
       r.priority, k.kind, stats_delay_bucket(k.seconds), count(*)
from reports r
cross join lateral (values ('acknowledge', extract(epoch from r.acknowledged_at - r.received_at)),
                           ('close', extract(epoch from r.closed_at - r.received_at))) k(kind, seconds)
cross join lateral (values (''::text, 0), (r.category, 0), ('', r.neighbourhood_id), (r.category, r.neighbourhood_id)) s(category, neighbourhood_id)
cross join lateral (values (1::smallint, (r.received_at at time zone 'Europe/Paris')::date), (7::smallint, stats_week((r.received_at at time zone 'Europe/Paris')::date))) p(days, since)
where k.seconds is not null
group by 1, 2, 3, 4, 5, 6, 7;

-- The counts' week and month series group the daily rollup by the day's week and month: stored
-- once per rollup row rather than computed for each of a year's 70,000 rows on every request.
alter table report_stats_daily
  add column week date generated always as (stats_week(day)) stored,
  add column month date generated always as (day - (extract(day from day)::int - 1)) stored;

insert into report_stats_weekly (week, month, category, neighbourhood_id, source, reports, forwarded)
select week, month, category, neighbourhood_id, source, sum(reports), sum(forwarded)
from report_stats_daily group by 1, 2, 3, 4, 5;
