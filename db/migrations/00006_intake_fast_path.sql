-- The intake's write path, at hundreds of alerts a second (see docs/benchmarks.md).

-- Throttle counters (failed sign-ins, partners' request counts shared between processes) are
-- worth nothing after a crash: a window lasts minutes. They skip the WAL, and a crash empties the
-- table, which only forgives a few counts.
alter table throttle set unlogged;

-- live_events is append-only in time order and its `at` only serves the hourly purge: a BRIN
-- index answers that as well, for a fraction of the work on every insert.
drop index live_events_at_idx;
create index live_events_at_brin on live_events using brin (at);
