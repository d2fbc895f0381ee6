-- The reports list at a million reports (issue 3, docs/benchmarks.md).

-- The source filter was the one without its own index: counting a page of officers' reports read
-- 140,000 rows of the table to find ten thousand.
create index reports_source_received_idx on reports (source, received_at desc, id desc);

-- The open queue sorted by priority, as the list's priority column sorts it: the expression is the
-- server's sort key (routes/reports/queries.ts), so the index hands rows over in order instead of
-- every open report of a sector being read and sorted.
create index reports_open_rank_idx on reports (array_position(array['low', 'normal', 'high', 'urgent'], priority), id)
  where status in ('new', 'acknowledged', 'in_progress');
