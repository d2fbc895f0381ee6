import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * One rule for residents' contacts, whoever typed them (public page, desk, partner, import):
 * phones stored as E.164 (French numbers by default), e-mails lower-cased.
 * The `max` metadata is needed to tell a mobile from a landline (`getType`).
 */
export type PhoneCheck = { ok: true; e164: string; mobile: boolean } | { ok: false; message: string };

export function normalizePhone(raw: string): PhoneCheck {
  const text = raw.trim();
  if (!/^\+?[0-9 .()-]{6,32}$/.test(text)) return { ok: false, message: 'Numéro de téléphone invalide.' };
  const parsed = parsePhoneNumberFromString(text, 'FR');
  if (!parsed || !parsed.isValid()) return { ok: false, message: 'Numéro de téléphone invalide.' };
  const type = parsed.getType();
  // Some ranges cannot be told apart (FIXED_LINE_OR_MOBILE): accept them for SMS rather than refuse a real mobile.
  return { ok: true, e164: parsed.number, mobile: type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' };
}

// Deliberately plain: one @, a dot in the domain, no spaces or control characters. Deliverability is
// proven by the confirmation link, not by a cleverer pattern.
const EMAIL = /^[^\s@\u0000-\u001f\u007f<>()[\]\\,;:"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

export function normalizeEmail(raw: string): EmailCheck {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email) || email.split('@')[0]!.length > 64) return { ok: false, message: 'Adresse e-mail invalide.' };
  return { ok: true, email };
}
