-- Members become real (issue 7): three registration sources, the town hall's moderation, seniors'
-- relatives, each member's history, and the outbox every e-mail and SMS goes through.

-- Statuses: pending → pending_review, active → approved (the new workflow's names).
alter table members drop constraint members_status_check;
update members set status = case status when 'pending' then 'pending_review' when 'active' then 'approved' else status end;
alter table members alter column status set default 'pending_review';
alter table members add constraint members_status_check check (status in (
  'pending_confirmation', 'pending_review', 'approved', 'rejected', 'suspended', 'banned', 'erased'));

-- Erasure leaves no personal value: name and address may be null once erased, never before.
alter table members alter column full_name drop not null;
alter table members alter column address drop not null;
alter table members add constraint members_identity_present check (status = 'erased' or (full_name is not null and address is not null));

-- One member per (partner, external_id), like reports; members from elsewhere have neither.
alter table members drop constraint members_external_id_key;
alter table members
  add column partner_id text,
  add column kind text not null default 'self' check (kind in ('self', 'on_behalf', 'senior')),
  add column source text not null default 'partner' check (source in ('public', 'partner', 'desk', 'import')),
  add column channels text[] not null default '{}' check (channels <@ array['sms', 'email']::text[]),
  add column out_of_area boolean not null default false,
  add column sms_opt_out_at timestamptz,
  add column email_opt_out_at timestamptz,
  add column confirmed_at timestamptz,
  add column decided_at timestamptz,
  add column decided_by integer references staff (id),
  add column decision_reason text check (decision_reason is null or length(decision_reason) <= 200),
  -- Who registered someone else (kind on_behalf), at the desk or online.
  add column registrant_name text check (registrant_name is null or length(registrant_name) between 1 and 200),
  add column registrant_relation text check (registrant_relation is null or length(registrant_relation) between 1 and 100),
  add column registrant_email text check (registrant_email is null or length(registrant_email) <= 254),
  add column registrant_phone text check (registrant_phone is null or length(registrant_phone) <= 32),
  -- The consent text's version and when it was given (RGPD: proof of consent).
  add column consent_version text check (consent_version is null or length(consent_version) between 1 and 50),
  add column consent_at timestamptz,
  -- Geocoder's confidence in lat/lng, 0..1 (null: placed by hand or not geocoded).
  add column geocode_score real check (geocode_score is null or geocode_score between 0 and 1),
  add column erased_at timestamptz;
alter table members add constraint members_partner_external_key unique (partner_id, external_id);
alter table members add constraint members_partner_has_external check ((partner_id is null) = (external_id is null));

-- Existing rows came from the residents' platform (the only source so far).
update members set
  source = case when external_id is not null then 'partner' else 'desk' end,
  partner_id = case when external_id is not null then 'vvs-demo' end,
  channels = array_remove(array[case when phone is not null then 'sms' end, case when email is not null then 'email' end], null),
  confirmed_at = created_at,
  decided_at = case when status in ('approved', 'suspended') then updated_at end;

-- Lists at 100,000 members: every filter has its own index, sorted like the list.
create index members_created_idx on members (created_at desc, id desc);
create index members_status_created_idx on members (status, created_at desc, id desc);
create index members_neighbourhood_created_idx on members (neighbourhood_id, created_at desc, id desc);
drop index members_neighbourhood_idx;
create index members_email_idx on members (email) where email is not null;
create index members_phone_idx on members (phone) where phone is not null;
-- Broadcast zones and sector counts: members' homes as core points (no PostGIS, both engines).
create index members_point_idx on members using gist (point(lng, lat)) where lat is not null;

-- People who receive alerts in a senior's place, each with their own contacts and consent.
create table relatives (
  id integer generated always as identity primary key,
  member_id integer not null references members (id),
  full_name text check (full_name is null or length(full_name) between 1 and 200),
  relation text check (relation is null or length(relation) between 1 and 100),
  email text check (email is null or length(email) <= 254),
  phone text check (phone is null or length(phone) <= 32),
  channels text[] not null default '{}' check (channels <@ array['sms', 'email']::text[]),
  confirmed_at timestamptz,
  sms_opt_out_at timestamptz,
  email_opt_out_at timestamptz,
  erased_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint relatives_identity_present check (erased_at is not null or (full_name is not null and relation is not null))
);
create index relatives_member_idx on relatives (member_id);
create index relatives_email_idx on relatives (email) where email is not null;
create index relatives_phone_idx on relatives (phone) where phone is not null;

-- A member's history, like report_events: who did what, when, and why.
create table member_events (
  id integer generated always as identity primary key,
  member_id integer not null references members (id),
  at timestamptz not null default now(),
  staff_id integer references staff (id),
  action text not null check (action in ('registered', 'confirmed', 'relative_confirmed', 'approve', 'reject', 'suspend',
    'reinstate', 'ban', 'erase', 'export', 'import', 'update', 'proof_requested', 'opt_out', 'note')),
  from_status text,
  to_status text,
  reason text check (reason is null or length(reason) <= 200),
  note text check (note is null or length(note) <= 2000)
);
create index member_events_member_idx on member_events (member_id, at, id);

-- Single-use, expiring links (double opt-in, relatives confirming their contacts). Only the hash
-- of the token is stored, like sessions.
create table confirmation_tokens (
  token_hash bytea primary key,
  purpose text not null check (purpose in ('member_email', 'relative_contact')),
  member_id integer not null references members (id) on delete cascade,
  relative_id integer references relatives (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index confirmation_tokens_member_idx on confirmation_tokens (member_id);

-- Every e-mail and SMS Vigie sends, recorded in the transaction that decided it, before it is sent.
-- `captured` = no transport configured: kept here so the demo works offline.
create table outbox_messages (
  id bigint generated always as identity primary key,
  channel text not null check (channel in ('email', 'sms')),
  "to" text not null check (length("to") between 3 and 254),
  subject text check (subject is null or length(subject) <= 300),
  body text not null check (length(body) <= 100000),
  kind text not null check (length(kind) between 1 and 64),
  member_id integer references members (id),
  relative_id integer references relatives (id),
  headers jsonb,
  -- At most one message per purpose and person: a retried transaction cannot queue it twice.
  dedupe_key text unique check (dedupe_key is null or length(dedupe_key) <= 200),
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'delivered', 'captured', 'failed', 'dead')),
  attempts integer not null default 0,
  provider_id text check (provider_id is null or length(provider_id) <= 200),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  error text check (error is null or length(error) <= 1000)
);
create index outbox_messages_created_idx on outbox_messages (created_at desc, id desc);
create index outbox_messages_pending_idx on outbox_messages (id) where status = 'queued';
create index outbox_messages_member_idx on outbox_messages (member_id) where member_id is not null;

-- Partner events now also tell the platform about its members and their posts.
alter table partner_events alter column report_id drop not null;
alter table partner_events add column member_id integer references members (id);
alter table partner_events drop constraint partner_events_type_check;
alter table partner_events add constraint partner_events_type_check check (type in ('report.status_changed', 'report.reply',
  'member.approved', 'member.rejected', 'member.suspended', 'member.reinstated', 'member.banned', 'member.erased',
  'post.approved', 'post.hidden', 'post.deleted'));
