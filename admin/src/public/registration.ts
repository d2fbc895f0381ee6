import type { Channel, MemberKind } from '@vigie/shared';
import { CONSENT_VERSION } from './consent.ts';

/** What the public form holds: strings as typed, turned into the API's body by `toPayload`. */
export interface ContactDraft {
  full_name: string;
  relation: string;
  email: string;
  phone: string;
  channels: Channel[];
}

export interface RegistrationDraft {
  kind: MemberKind;
  full_name: string;
  address: string;
  email: string;
  phone: string;
  channels: Channel[];
  consent: boolean;
  registrant: Omit<ContactDraft, 'channels'>;
  relatives: ContactDraft[];
  /** The honeypot: people never see it, so anything in it was typed by a robot. */
  website: string;
}

/** A senior names 1 to 5 relatives who receive the alerts in their place. */
export const MAX_RELATIVES = 5;

export const emptyRelative = (): ContactDraft => ({ full_name: '', relation: '', email: '', phone: '', channels: ['email'] });

export const emptyDraft = (): RegistrationDraft => ({
  kind: 'self',
  full_name: '',
  address: '',
  email: '',
  phone: '',
  channels: ['email'],
  consent: false,
  registrant: { full_name: '', relation: '', email: '', phone: '' },
  relatives: [emptyRelative()],
  website: '',
});

/** Field path (`relatives.2.phone`, as the API names it) → French message. */
export type FieldErrors = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// A loose check only: the server normalises with libphonenumber (E.164) and has the last word.
const PHONE = /^\+?\d{9,15}$/;
// The server's limits (members/schemas.ts): names 200, relations 100, addresses 500.
const MAX_TEXT = 200;
const MAX_RELATION = 100;
const MAX_ADDRESS = 500;

const compactPhone = (phone: string) => phone.replace(/[\s.\-()]/g, '');
const blank = (value: string) => value.trim() === '';

export const MESSAGES = {
  required: 'Ce champ est obligatoire.',
  tooLong: (max: number) => `${max} caractères au plus.`,
  email: 'Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).',
  phone: 'Numéro de téléphone invalide (exemple : 06 12 34 56 78).',
  channels: "Choisissez au moins un moyen d'être prévenu.",
  smsNeedsPhone: 'Indiquez un numéro de mobile pour recevoir des SMS.',
  emailNeedsEmail: 'Indiquez une adresse e-mail pour recevoir des e-mails.',
  contact: 'Indiquez au moins un e-mail ou un mobile.',
  consent: 'Votre accord est nécessaire pour vous inscrire.',
  relatives: `Indiquez entre 1 et ${MAX_RELATIVES} proches.`,
} as const;

function checkText(errors: FieldErrors, path: string, value: string, max = MAX_TEXT) {
  if (blank(value)) errors[path] = MESSAGES.required;
  else if (value.trim().length > max) errors[path] = MESSAGES.tooLong(max);
}

function checkContact(errors: FieldErrors, path: string, email: string, phone: string, emailRequired: boolean) {
  if (blank(email)) {
    if (emailRequired) errors[`${path}email`] = MESSAGES.required;
  } else if (!EMAIL.test(email.trim())) errors[`${path}email`] = MESSAGES.email;
  if (!blank(phone) && !PHONE.test(compactPhone(phone))) errors[`${path}phone`] = MESSAGES.phone;
}

function checkChannels(errors: FieldErrors, path: string, channels: Channel[], email: string, phone: string) {
  if (channels.length === 0) errors[`${path}channels`] = MESSAGES.channels;
  else if (channels.includes('sms') && blank(phone)) errors[`${path}channels`] = MESSAGES.smsNeedsPhone;
  else if (channels.includes('email') && blank(email)) errors[`${path}channels`] = MESSAGES.emailNeedsEmail;
}

/**
 * The same rules the server applies, checked before sending so that a resident on a slow phone
 * line sees their mistakes at once; the server checks again and its 400 is shown the same way.
 */
export function validateDraft(draft: RegistrationDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'full_name', draft.full_name);
  checkText(errors, 'address', draft.address, MAX_ADDRESS);
  checkContact(errors, '', draft.email, draft.phone, true);
  checkChannels(errors, '', draft.channels, draft.email, draft.phone);
  if (!draft.consent) errors['consent.accepted'] = MESSAGES.consent;
  if (draft.kind === 'on_behalf') {
    checkText(errors, 'registrant.full_name', draft.registrant.full_name);
    checkText(errors, 'registrant.relation', draft.registrant.relation, MAX_RELATION);
    checkContact(errors, 'registrant.', draft.registrant.email, draft.registrant.phone, false);
  }
  if (draft.kind === 'senior') {
    if (draft.relatives.length < 1 || draft.relatives.length > MAX_RELATIVES) errors.relatives = MESSAGES.relatives;
    draft.relatives.forEach((relative, index) => {
      const path = `relatives.${index}.`;
      checkText(errors, `${path}full_name`, relative.full_name);
      checkText(errors, `${path}relation`, relative.relation, MAX_RELATION);
      checkContact(errors, path, relative.email, relative.phone, false);
      if (blank(relative.email) && blank(relative.phone)) errors[`${path}email`] ??= MESSAGES.contact;
      checkChannels(errors, path, relative.channels, relative.email, relative.phone);
    });
  }
  return errors;
}

const optional = (value: string) => (blank(value) ? undefined : value.trim());
const optionalPhone = (value: string) => (blank(value) ? undefined : compactPhone(value));

/** The body of `POST /api/public/registrations`: empty optional fields left out, not sent as "". */
export function toPayload(draft: RegistrationDraft) {
  return {
    kind: draft.kind,
    full_name: draft.full_name.trim(),
    address: draft.address.trim(),
    email: draft.email.trim(),
    phone: optionalPhone(draft.phone),
    channels: draft.channels,
    consent: { version: CONSENT_VERSION, accepted: draft.consent },
    registrant:
      draft.kind === 'on_behalf'
        ? {
            full_name: draft.registrant.full_name.trim(),
            relation: draft.registrant.relation.trim(),
            email: optional(draft.registrant.email),
            phone: optionalPhone(draft.registrant.phone),
          }
        : undefined,
    relatives:
      draft.kind === 'senior'
        ? draft.relatives.map((relative) => ({
            full_name: relative.full_name.trim(),
            relation: relative.relation.trim(),
            email: optional(relative.email),
            phone: optionalPhone(relative.phone),
            channels: relative.channels,
          }))
        : undefined,
    // Only a robot fills it; sent so the server can drop the submission without storing it.
    website: draft.website === '' ? undefined : draft.website,
  };
}

/** Toggling a channel keeps the order of `CHANNELS`, so payloads compare equal in tests. */
export const toggleChannel = (channels: Channel[], channel: Channel, on: boolean): Channel[] =>
  (['sms', 'email'] as const).filter((c) => (c === channel ? on : channels.includes(c)));

/**
 * The API's 400 `errors` (`{ "relatives.2.phone": "…" }`) keyed as the form's fields are; a key
 * the form has no field for (a new server rule) is kept so the summary still lists it.
 */
export function fieldErrorsFromBody(body: unknown): FieldErrors {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!errors || typeof errors !== 'object') return {};
  return Object.fromEntries(
    Object.entries(errors as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      // zod paths for the consent object may come as `consent` alone.
      .map(([key, message]) => [key === 'consent' ? 'consent.accepted' : key, message]),
  );
}
