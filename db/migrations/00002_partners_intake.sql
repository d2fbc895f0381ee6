-- Partners (the residents' platform, any other app) and what the signed intake stores with a report.
-- Forward-only: never edit once landed.

create table partners (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  -- AES-256-GCM under VIGIE_SECRET_KEY: HMAC needs the secret itself, so it cannot be hashed.
  secret_ciphertext bytea not null,
  -- After a rotation the old secret keeps verifying until previous_secret_expires_at, then never.
  previous_secret_ciphertext bytea,
  previous_secret_expires_at timestamptz,
  rate_per_minute integer not null default 600 check (rate_per_minute between 1 and 1000000),
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  webhook_url text check (webhook_url is null or (webhook_url ~ '^https://' and length(webhook_url) <= 2048)),
  constraint partners_previous_secret_pair check ((previous_secret_ciphertext is null) = (previous_secret_expires_at is null))
);
-- No foreign key from reports.partner_id: the demo seed writes 'vvs-demo' reports into databases
-- that have no partner row (the partner's secret needs the server's key, which the seed lacks).

-- SHA-256 of the canonical validated intake payload: an identical replay answers 200, the same
-- external_id with another body 422. Null for reports not received through the intake.
alter table reports add column intake_hash bytea check (intake_hash is null or length(intake_hash) = 32);

-- Photos sent by the partner, as links (Vigie stores no image bytes).
create table report_photos (
  report_id integer not null references reports (id),
  position smallint not null check (position between 1 and 10),
  url text not null check (url ~ '^https://' and length(url) <= 2048),
  primary key (report_id, position)
);
