-- The officers' working queue (open reports) filtered by sector and priority: single-column
-- indexes made the planner merge hundreds of thousands of entries at a million reports.
create index reports_open_received_idx on reports (received_at desc, id desc)
  where status in ('new', 'acknowledged', 'in_progress');
create index reports_open_sector_priority_idx on reports (neighbourhood_id, priority, received_at desc)
  where status in ('new', 'acknowledged', 'in_progress');
