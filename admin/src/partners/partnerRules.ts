/** The shared rule (the server refuses the same ids), checked here too for a quicker message. */
export { PARTNER_ID_PATTERN } from '@vigie/shared';
import { PARTNER_ID_PATTERN } from '@vigie/shared';

export const DEFAULT_RATE_PER_MINUTE = 600;
export const MAX_RATE_PER_MINUTE = 1_000_000;

export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_OVERLAP_HOURS = 168;

// Plain http is accepted only towards this machine (a partner's local relay), as the server does.
const HTTPS_URL = /^https:\/\/[^\s/?#]+([/?#]\S*)?$/;
const LOOPBACK_HTTP_URL = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?(\/\S*)?$/;

/** Validators answer an i18n key, or undefined when the value is fine (react-admin's convention). */
export const partnerIdError = (value: unknown) =>
  typeof value === 'string' && PARTNER_ID_PATTERN.test(value) ? undefined : 'vigie.partners.id_invalid';

export const rateError = (value: unknown) =>
  value == null || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RATE_PER_MINUTE)
    ? undefined
    : 'vigie.partners.rate_invalid';

/** Empty means "no webhook". */
export const webhookUrlError = (value: unknown) => {
  if (value == null || value === '') return undefined;
  const url = typeof value === 'string' ? value.trim() : '';
  return url.length <= 2048 && (HTTPS_URL.test(url) || LOOPBACK_HTTP_URL.test(url)) ? undefined : 'vigie.partners.webhook_invalid';
};

/** The overlap field's text → whole hours from 0 to 168, or null when it is not one. */
export function parseOverlapHours(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const hours = Number(trimmed);
  return hours <= MAX_OVERLAP_HOURS ? hours : null;
}

// Only what each route accepts: react-admin's form also carries the dates and, on edit, the id.
const webhook = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export const toCreatePayload = ({ id, name, rate_per_minute, disabled, webhook_url }: Record<string, unknown>) => ({
  id: typeof id === 'string' ? id.trim() : id,
  name: typeof name === 'string' ? name.trim() : name,
  ...(rate_per_minute == null ? {} : { rate_per_minute }),
  disabled: disabled === true,
  ...(webhook(webhook_url) ? { webhook_url: webhook(webhook_url) } : {}),
});

/** An emptied webhook field is sent as '' — the API's "remove the webhook". */
export const toUpdatePayload = ({ name, rate_per_minute, disabled, webhook_url }: Record<string, unknown>) => ({
  name: typeof name === 'string' ? name.trim() : name,
  ...(rate_per_minute == null ? {} : { rate_per_minute }),
  disabled: disabled === true,
  webhook_url: webhook(webhook_url),
});
