-- The members list within 50 ms at the 95th percentile over 100,000 members (issue 7,
-- docs/benchmarks.md « membersList »). Two filters missed it.
--
-- A sector's page was quick (members_neighbourhood_created_idx), but its capped total — « 1 000+
-- members in Secteur 3 » — also tests `status <> 'pending_confirmation'`, which that index does not
-- hold: the planner walked the table instead, 30–40 ms for a thousand rows. With the status beside
-- the sector the count is an index-only scan (under a millisecond).
create index members_neighbourhood_status_idx on members (neighbourhood_id, status);

-- A search typed as an e-mail (« membre4242@example ») became the prefixes `membre4242:*` and
-- `example:*`, the second matching nearly every member. An e-mail is searched as an e-mail instead:
-- a prefix of the stored (lower-cased) address, which this index answers in one descent.
create index members_email_prefix_idx on members (email text_pattern_ops) where email is not null;
