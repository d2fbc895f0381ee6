-- Members' posts (small ads, carpooling, help) sent by the residents' platform, moderated by the
-- town hall; abuse reports from other members; the banned-words list staff edit (issue 7).

create table posts (
  id integer generated always as identity primary key,
  partner_id text not null references partners (id),
  external_id text not null check (length(external_id) between 1 and 200),
  member_id integer not null references members (id),
  kind text not null check (kind in ('small_ad', 'carpooling', 'help_offer', 'help_request')),
  title text not null check (length(title) between 1 and 200),
  body text not null check (length(body) between 1 and 4000),
  -- Every post waits for a clerk (pre-moderation); flags only say where to look first.
  status text not null default 'pending' check (status in ('pending', 'approved', 'hidden', 'deleted')),
  flags text[] not null default '{}' check (flags <@ array['phone_number', 'link', 'banned_word', 'first_post']::text[]),
  hidden_reason text check (hidden_reason is null or length(hidden_reason) between 1 and 500),
  -- SHA-256 of the canonical body: a retry answers 200, another content under the same id 422.
  intake_hash bytea not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by integer references staff (id),
  constraint posts_partner_external_key unique (partner_id, external_id)
);
create index posts_status_created_idx on posts (status, created_at desc, id desc);
create index posts_created_idx on posts (created_at desc, id desc);
create index posts_member_idx on posts (member_id);

-- One report per (post, reporting member): a second click is the same report.
create table post_reports (
  id integer generated always as identity primary key,
  post_id integer not null references posts (id),
  reporter_external_id text not null check (length(reporter_external_id) between 1 and 200),
  reason text not null check (length(reason) between 1 and 1000),
  created_at timestamptz not null default now(),
  constraint post_reports_once unique (post_id, reporter_external_id)
);

-- Words that flag a post (never refuse it: a clerk decides). Stored lower-cased, without accents.
create table banned_words (
  id integer generated always as identity primary key,
  word text not null unique check (length(word) between 2 and 100),
  created_at timestamptz not null default now(),
  created_by integer references staff (id)
);
