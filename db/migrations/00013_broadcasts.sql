-- Broadcasts (issue 8): alerts to approved members and confirmed relatives, by SMS and e-mail,
-- one deliveries row per broadcast × person × channel, frozen when the broadcast is sent.

create table broadcast_templates (
  id integer generated always as identity primary key,
  category text not null check (category in ('burglary', 'abusive_canvassing', 'road_closure', 'exceptional_event', 'information')),
  title text not null check (length(title) between 1 and 120),
  sms_text text check (sms_text is null or length(sms_text) <= 1000),
  email_subject text check (email_subject is null or length(email_subject) <= 200),
  email_body text check (email_body is null or length(email_body) <= 20000),
  active boolean not null default true,
  unique (category, title)
);

create table broadcasts (
  id integer generated always as identity primary key,
  category text not null check (category in ('burglary', 'abusive_canvassing', 'road_closure', 'exceptional_event', 'information')),
  title text not null check (length(title) between 1 and 120),
  sms_text text check (sms_text is null or length(sms_text) between 1 and 1000),
  email_subject text check (email_subject is null or length(email_subject) between 1 and 200),
  email_body text check (email_body is null or length(email_body) between 1 and 20000),
  channels text[] not null check (cardinality(channels) between 1 and 2 and channels <@ array['sms', 'email']::text[]),
  -- { commune: true } | { neighbourhood_ids: [...] } | { zones: GeoJSON FeatureCollection }, validated by the server.
  target jsonb not null,
  -- Road closures: { geometry, starts_at, ends_at, reopen: 'propose' | 'send' }.
  closure jsonb,
  status text not null default 'draft' check (status in ('draft', 'pending_approval', 'scheduled', 'sending', 'sent', 'cancelled')),
  send_at timestamptz,
  report_id integer references reports (id),
  -- A follow-up (« Mise à jour », « Fin d'alerte », « Route rouverte ») goes to the same frozen recipients.
  follows_id integer references broadcasts (id),
  follow_kind text check (follow_kind in ('update', 'end', 'reopen')),
  created_by integer not null references staff (id),
  approved_by integer references staff (id),
  approved_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint broadcasts_follow_pair check ((follows_id is null) = (follow_kind is null)),
  constraint broadcasts_sms_text_present check (not ('sms' = any(channels)) or sms_text is not null),
  constraint broadcasts_email_present check (not ('email' = any(channels)) or (email_subject is not null and email_body is not null)),
  -- Four eyes: whoever approves is not the author.
  constraint broadcasts_approver_not_author check (approved_by is null or approved_by <> created_by)
);
create index broadcasts_created_idx on broadcasts (created_at desc, id desc);
create index broadcasts_follows_idx on broadcasts (follows_id) where follows_id is not null;
create index broadcasts_report_idx on broadcasts (report_id) where report_id is not null;

create table deliveries (
  id bigint generated always as identity primary key,
  broadcast_id integer not null references broadcasts (id),
  member_id integer references members (id),
  relative_id integer references relatives (id),
  channel text not null check (channel in ('email', 'sms')),
  "to" text not null check (length("to") between 3 and 254),
  -- The contact, normalised: one message per person per channel even across zones and seniors.
  recipient_key text not null,
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'delivered', 'failed', 'dead', 'captured', 'cancelled')),
  attempts integer not null default 0,
  last_error text check (last_error is null or length(last_error) <= 1000),
  provider_id text check (provider_id is null or length(provider_id) <= 200),
  updated_at timestamptz not null default now(),
  unique (broadcast_id, channel, recipient_key)
);
create index deliveries_broadcast_status_idx on deliveries (broadcast_id, status, id);
create index deliveries_member_idx on deliveries (member_id) where member_id is not null;

alter table report_events drop constraint report_events_action_check;
alter table report_events add constraint report_events_action_check
  check (action in ('created', 'status', 'priority', 'assigned', 'note', 'updated', 'linked', 'unlinked', 'reply', 'broadcast'));
