-- Statistics over a million reports (issue 10, docs/benchmarks.md).

-- Every count of the statistics page groups a period's reports by these columns: with all of them
-- in the index, a period is one index-only range scan, never a read of the table's rows.
create index reports_stats_idx on reports (received_at) include (category, neighbourhood_id, source, status, priority, lat, lng);

-- Median delays read each report's status changes only: the first one past « new » and the first
-- closing one.
create index report_events_status_idx on report_events (report_id, at) include (to_value) where action = 'status';
