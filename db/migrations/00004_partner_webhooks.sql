-- Webhook delivery of partner events: https everywhere, plain http only to a loopback address
-- (a partner's relay on the same host, and the tests' local receiver).
alter table partners drop constraint partners_webhook_url_check;
alter table partners add constraint partners_webhook_url_check check (
  webhook_url is null or (length(webhook_url) <= 2048 and (
    webhook_url ~ '^https://' or webhook_url ~ '^http://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?(/|$)')));
