import type { Sql, TxSql } from '@vigie/db';
import type { Channel, MemberKind, MemberSource, MemberStatus } from '@vigie/shared';
import type { FieldErrors } from '../errors.ts';
import { normalizeEmail, normalizePhone } from './contacts.ts';
import type { Registrant, RelativeInput } from './schemas.ts';

type AnySql = Sql | TxSql;

export interface RegistrationInput {
  kind: MemberKind;
  full_name: string;
  address: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  channels: Channel[];
  registrant?: Registrant | null | undefined;
  relatives?: RelativeInput[] | null | undefined;
}

export interface NormalizedContacts {
  email: string | null;
  phone: string | null;
}

export type NormalizedRelative = Omit<RelativeInput, 'email' | 'phone'> & NormalizedContacts;

export type NormalizedRegistration = Omit<RegistrationInput, 'email' | 'phone' | 'registrant' | 'relatives'> &
  NormalizedContacts & { registrant: (Omit<Registrant, 'email' | 'phone'> & NormalizedContacts) | null; relatives: NormalizedRelative[] };

/**
 * Contacts normalised and checked against the channels asked for: e-mail needs an address, SMS a
 * mobile. Errors are keyed like the body (`relatives.2.phone`), so a form shows each next to its field.
 */
function contacts(
  prefix: string,
  input: { email?: string | null | undefined; phone?: string | null | undefined },
  channels: readonly Channel[],
  errors: FieldErrors,
): NormalizedContacts {
  const out: NormalizedContacts = { email: null, phone: null };
  let mobile = false;
  if (input.email) {
    const checked = normalizeEmail(input.email);
    if (checked.ok) out.email = checked.email;
    else errors[`${prefix}email`] = checked.message;
  }
  if (input.phone) {
    const checked = normalizePhone(input.phone);
    if (checked.ok) {
      out.phone = checked.e164;
      mobile = checked.mobile;
    } else errors[`${prefix}phone`] = checked.message;
  }
  if (channels.includes('email') && !input.email) errors[`${prefix}email`] ??= 'Une adresse e-mail est requise pour recevoir les alertes par e-mail.';
  if (channels.includes('sms')) {
    if (!input.phone) errors[`${prefix}phone`] ??= 'Un numéro de mobile est requis pour recevoir les alertes par SMS.';
    else if (out.phone && !mobile) errors[`${prefix}phone`] ??= 'Ce numéro n’est pas un mobile : les SMS demandent un mobile.';
  }
  return out;
}

/** The rules every source shares; `requireEmail` for the public page (its double opt-in is by e-mail). */
export function checkRegistration(input: RegistrationInput, options: { requireEmail: boolean }): { data: NormalizedRegistration } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (options.requireEmail && !input.email) errors.email = 'Une adresse e-mail est requise pour confirmer l’inscription.';
  const own = contacts('', input, input.channels, errors);
  if (input.kind !== 'senior' && input.channels.length === 0) errors.channels = 'Choisissez au moins un canal.';
  const relatives = input.relatives ?? [];
  if (input.kind === 'senior' && relatives.length === 0) errors.relatives = 'Un senior est inscrit avec 1 à 5 proches.';
  if (input.kind !== 'senior' && relatives.length > 0) errors.relatives = 'Seule l’inscription d’un senior comporte des proches.';
  if (input.kind === 'on_behalf' && !input.registrant) errors.registrant = 'Indiquez qui inscrit cette personne.';
  const registrant = input.registrant ? { ...input.registrant, ...contacts('registrant.', input.registrant, [], errors) } : null;
  const normalized = relatives.map((relative, i) => ({ ...relative, ...contacts(`relatives.${i}.`, relative, relative.channels, errors) }));
  if (Object.keys(errors).length > 0) return { errors };
  return { data: { kind: input.kind, full_name: input.full_name, address: input.address, channels: input.channels, ...own, registrant, relatives: normalized } };
}

export interface MemberOrigin {
  source: MemberSource;
  status: MemberStatus;
  staff_id?: number | null;
  partner_id?: string | null;
  external_id?: string | null;
  intake_hash?: Buffer | null;
  consent_version?: string | null;
  lat?: number | null;
  lng?: number | null;
  neighbourhood_id?: number | null;
  out_of_area?: boolean;
  /** The geocoder's confidence when the point came from the address (null when typed or placed by hand). */
  geocode_score?: number | null;
  /** Already confirmed (desk, partner): no double opt-in. */
  confirmed?: boolean;
  note?: string | null;
}

/**
 * Insert a member, its relatives and its first history line in the caller's transaction. Returns
 * null when (partner, external_id) exists already (the unique key decides, even under a race).
 */
export async function insertMember(tx: AnySql, reg: NormalizedRegistration, origin: MemberOrigin) {
  const [row] = await tx<{ id: number }[]>`
    insert into members (kind, status, source, full_name, email, phone, address, channels, lat, lng, geocode_score, neighbourhood_id, out_of_area,
                         partner_id, external_id, intake_hash, consent_version, consent_at, confirmed_at,
                         registrant_name, registrant_relation, registrant_email, registrant_phone)
    values (${reg.kind}, ${origin.status}, ${origin.source}, ${reg.full_name}, ${reg.email}, ${reg.phone}, ${reg.address},
            ${reg.channels}::text[], ${origin.lat ?? null}, ${origin.lng ?? null}, ${origin.geocode_score ?? null}, ${origin.neighbourhood_id ?? null}, ${origin.out_of_area ?? false},
            ${origin.partner_id ?? null}, ${origin.external_id ?? null}, ${origin.intake_hash ?? null},
            ${origin.consent_version ?? null}, ${origin.consent_version ? new Date() : null}, ${origin.confirmed ? new Date() : null},
            ${reg.registrant?.full_name ?? null}, ${reg.registrant?.relation ?? null}, ${reg.registrant?.email ?? null}, ${reg.registrant?.phone ?? null})
    on conflict (partner_id, external_id) do nothing
    returning id`;
  if (!row) return null;
  const relatives: Array<{ id: number; email: string | null; phone: string | null }> = [];
  for (const relative of reg.relatives) {
    const [inserted] = await tx<{ id: number; email: string | null; phone: string | null }[]>`
      insert into relatives (member_id, full_name, relation, email, phone, channels)
      values (${row.id}, ${relative.full_name}, ${relative.relation}, ${relative.email}, ${relative.phone}, ${relative.channels}::text[])
      returning id, email, phone`;
    relatives.push(inserted!);
  }
  await tx`
    insert into member_events (member_id, staff_id, action, to_status, note)
    values (${row.id}, ${origin.staff_id ?? null}, 'registered', ${origin.status}, ${origin.note ?? null})`;
  return { id: row.id, relatives };
}
