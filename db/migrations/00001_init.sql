-- Vigie foundation schema. Forward-only: never edit once landed; add 00002_… instead.
-- Core PostgreSQL only (no extensions), so the embedded engine (PGlite) runs the same schema.

create table staff (
  id integer generated always as identity primary key,
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  full_name text not null check (length(full_name) between 1 and 200),
  role text not null check (role in ('officer', 'supervisor', 'townhall', 'admin')),
  password_hash text not null,
  disabled boolean not null default false,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  constraint staff_email_key unique (email)
);

-- The cookie carries a random token; only its SHA-256 is stored, so a database leak opens no session.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  staff_id integer not null references staff (id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_staff_live_idx on sessions (staff_id) where revoked_at is null;
create index sessions_expires_idx on sessions (expires_at);

-- Fixed-window counters for sign-in throttling, shared by every server process.
create table throttle (
  key text primary key,
  hits integer not null,
  window_started_at timestamptz not null
);

create table neighbourhoods (
  id integer generated always as identity primary key,
  name text not null unique check (length(name) between 1 and 100),
  -- (lng, lat) vertices: core `polygon` supports `@> point` and a GiST index without PostGIS.
  area polygon not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index neighbourhoods_area_idx on neighbourhoods using gist (area);

-- Minimal on purpose: the members issue completes registration, relatives and moderation.
create table members (
  id integer generated always as identity primary key,
  external_id text unique,
  full_name text not null check (length(full_name) between 1 and 200),
  email text check (email is null or length(email) <= 254),
  phone text check (phone is null or length(phone) <= 32),
  address text not null check (length(address) between 1 and 500),
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  neighbourhood_id integer references neighbourhoods (id),
  status text not null default 'pending' check (status in ('pending', 'active', 'suspended')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index members_neighbourhood_idx on members (neighbourhood_id);

create table reports (
  id integer generated always as identity primary key,
  category text not null check (category in ('burglary', 'burglary_attempt', 'abusive_canvassing',
    'suspicious_vehicle', 'suspicious_person', 'vandalism', 'road_hazard', 'other')),
  status text not null default 'new' check (status in ('new', 'acknowledged', 'in_progress',
    'resolved', 'dismissed', 'forwarded')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  description text not null check (length(description) between 1 and 4000),
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  address text check (address is null or length(address) <= 500),
  neighbourhood_id integer references neighbourhoods (id),
  out_of_area boolean not null default false,
  source text not null check (source in ('platform', 'phone', 'officer')),
  partner_id text,
  external_id text,
  member_id integer references members (id),
  reporter_name text check (reporter_name is null or length(reporter_name) <= 200),
  reporter_phone text check (reporter_phone is null or length(reporter_phone) <= 32),
  assigned_to integer references staff (id),
  received_at timestamptz not null default now(),
  occurred_at timestamptz,
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    to_tsvector('french', description || ' ' || coalesce(address, ''))
  ) stored,
  -- Idempotent intake: one report per partner alert, enforced here rather than by read-then-write.
  constraint reports_partner_external_key unique (partner_id, external_id),
  constraint reports_platform_has_partner check (source <> 'platform' or (partner_id is not null and external_id is not null))
);
-- Every list query sorts by a column and breaks ties on id; each filter has its own index.
create index reports_received_idx on reports (received_at desc, id desc);
create index reports_updated_idx on reports (updated_at desc, id desc);
create index reports_status_received_idx on reports (status, received_at desc, id desc);
create index reports_category_received_idx on reports (category, received_at desc, id desc);
create index reports_priority_received_idx on reports (priority, received_at desc, id desc);
create index reports_neighbourhood_received_idx on reports (neighbourhood_id, received_at desc, id desc);
create index reports_assigned_idx on reports (assigned_to, received_at desc) where assigned_to is not null;
create index reports_member_idx on reports (member_id) where member_id is not null;
create index reports_search_idx on reports using gin (search);

create table report_events (
  id integer generated always as identity primary key,
  report_id integer not null references reports (id),
  at timestamptz not null default now(),
  staff_id integer references staff (id),
  action text not null check (action in ('created', 'status', 'priority', 'assigned', 'note', 'updated')),
  from_value text,
  to_value text,
  note text check (note is null or length(note) <= 4000)
);
create index report_events_report_idx on report_events (report_id, at, id);

-- Every live message is a row first: the id orders events, lets a reconnecting client resync
-- "since" what it last saw, and makes fan-out across processes a matter of passing ids.
create table live_events (
  id integer generated always as identity primary key,
  at timestamptz not null default now(),
  name text not null check (name ~ '^[a-z_]+:[a-z_]+$'),
  resource text not null,
  record_id text,
  record jsonb not null
);
create index live_events_at_idx on live_events (at);

-- Append-only for the application; never holds personal values, only who/what/which record.
create table audit_log (
  id integer generated always as identity primary key,
  at timestamptz not null default now(),
  staff_id integer references staff (id),
  action text not null check (length(action) between 1 and 64),
  resource text not null check (length(resource) between 1 and 64),
  record_id text check (record_id is null or length(record_id) <= 64),
  ip text check (ip is null or length(ip) <= 64)
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_staff_idx on audit_log (staff_id, at desc);
create index audit_log_resource_idx on audit_log (resource, at desc);
create index audit_log_action_idx on audit_log (action, at desc);

-- UPDATE and TRUNCATE are always refused; DELETE only inside purge_audit_log(), which sets a
-- transaction-local flag, and only for rows older than the retention floor it was given.
create function audit_log_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE'
     and current_setting('vigie.audit_purge_before', true) is not null
     and current_setting('vigie.audit_purge_before', true) <> ''
     and old.at < current_setting('vigie.audit_purge_before', true)::timestamptz then
    return old;
  end if;
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_guard();
create function audit_log_no_truncate() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (TRUNCATE refused)' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_no_truncate();

-- The scheduled retention purge; a retention under 30 days is refused so a bug cannot wipe history.
create function purge_audit_log(retention interval) returns integer language plpgsql as $$
declare
  purged integer;
begin
  if retention < interval '30 days' then
    raise exception 'audit retention must be at least 30 days';
  end if;
  perform set_config('vigie.audit_purge_before', (now() - retention)::text, true);
  delete from audit_log where at < now() - retention;
  get diagnostics purged = row_count;
  perform set_config('vigie.audit_purge_before', '', true);
  return purged;
end
$$;
