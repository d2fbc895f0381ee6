-- Triage: the emergency gate, incidents linking duplicate reports, reply templates, and the
-- outbound events a partner polls (or receives by webhook) to tell the resident what happened.

alter table reports add column emergency boolean not null default false;
-- A report linked into an incident points at the incident's primary report; both keep their history.
alter table reports add column incident_id integer references reports (id);
alter table reports add constraint reports_incident_not_self check (incident_id is null or incident_id <> id);
create index reports_incident_idx on reports (incident_id) where incident_id is not null;

alter table report_events drop constraint report_events_action_check;
alter table report_events add constraint report_events_action_check
  check (action in ('created', 'status', 'priority', 'assigned', 'note', 'updated', 'linked', 'unlinked', 'reply'));

-- Standard replies per status, kept per commune (one Vigie instance serves one commune).
create table response_templates (
  id integer generated always as identity primary key,
  status text not null check (status in ('acknowledged', 'in_progress', 'resolved', 'dismissed', 'forwarded')),
  title text not null check (length(title) between 1 and 100),
  body text not null check (length(body) between 1 and 1000),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint response_templates_status_title_key unique (status, title)
);

insert into response_templates (status, title, body) values
  ('acknowledged', 'Bien reçu', 'Votre signalement a bien été reçu par la police municipale et va être traité. En cas d''urgence, composez le 17.'),
  ('in_progress', 'Patrouille envoyée', 'Une patrouille de la police municipale a été envoyée sur place. Merci pour votre vigilance.'),
  ('resolved', 'Intervention terminée', 'L''intervention est terminée. Merci pour votre vigilance et votre signalement.'),
  ('dismissed', 'Sans suite', 'Après vérification, votre signalement ne nécessite pas d''intervention. Merci pour votre vigilance.'),
  ('dismissed', 'Déjà signalé', 'Ce fait nous a déjà été signalé et est pris en charge. Merci pour votre vigilance.'),
  ('forwarded', 'Transmis à la Police nationale', 'Votre signalement a été transmis à la Police nationale. En cas d''urgence, composez le 17.');

-- The outbox towards partners: one row per thing a resident should learn about their alert.
create table partner_events (
  id integer generated always as identity primary key,
  partner_id text not null references partners (id),
  report_id integer not null references reports (id),
  external_id text not null,
  type text not null check (type in ('report.status_changed', 'report.reply')),
  payload jsonb not null,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text check (last_error is null or length(last_error) <= 500)
);
create index partner_events_partner_idx on partner_events (partner_id, id);
create index partner_events_pending_idx on partner_events (next_attempt_at) where delivered_at is null;
