-- The reach preview of a drawn zone within 300 ms over 100,000 members (issue 8, docs/benchmarks.md
-- « broadcastFanout »). The zone's members were found by the GiST index on their point, then every
-- one read from the table: a quarter of the town touches nearly every page of `members` (rows are
-- wide: search vector, consent, registrant), most of the preview's time. The same index now carries
-- what a broadcast reads of a member (contacts, channels, opt-outs, status), so the zone is answered
-- by an index-only scan. lng and lat are included as well: the planner only returns plain columns
-- from an index, and the circle's distance test reads them. The neighbourhoods' reassignment keeps
-- using it as before (same key, same predicate).
drop index members_point_idx;
create index members_point_idx on members using gist (point(lng, lat))
  include (lng, lat, status, id, phone, email, channels, sms_opt_out_at, email_opt_out_at)
  where lat is not null;
