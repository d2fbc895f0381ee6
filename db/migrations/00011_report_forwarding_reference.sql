-- The Police nationale's reference for a report forwarded to them (their procès-verbal or main
-- courante number), kept on the report so the desk can quote it when the resident calls back.
alter table reports add column forwarded_reference text
  check (forwarded_reference is null or length(forwarded_reference) between 1 and 100);
