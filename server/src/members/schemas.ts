import { z } from '@hono/zod-openapi';
import { CHANNELS, MEMBER_KINDS } from '@vigie/shared';

// Control characters and lone surrogates have no business in a name or an address and break exports.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const text = (max: number) =>
  z
    .string({ error: 'Texte attendu.' })
    .trim()
    .min(1, 'Requis.')
    .max(max, `${max} caractères au plus.`)
    .refine((s) => !CONTROL.test(s), 'Caractères de contrôle ou invalides interdits.');

const contact = (max: number) => z.string({ error: 'Texte attendu.' }).trim().max(max, `${max} caractères au plus.`);

export const channelsSchema = z
  .array(z.enum(CHANNELS, { error: 'Canal inconnu (sms ou email).' }), { error: 'Liste de canaux attendue.' })
  .max(2)
  .refine((list) => new Set(list).size === list.length, 'Canal en double.');

export const RelativeInputSchema = z
  .object({
    full_name: text(200),
    relation: text(100),
    email: contact(254).nullish(),
    phone: contact(32).nullish(),
    channels: channelsSchema.min(1, 'Choisissez au moins un canal.'),
  })
  .openapi('RelativeInput');

export const RegistrantSchema = z
  .object({
    full_name: text(200),
    relation: text(100),
    email: contact(254).nullish(),
    phone: contact(32).nullish(),
  })
  .openapi('Registrant');

export const ConsentSchema = z.object({
  version: text(50),
  accepted: z.literal(true, { error: 'Le consentement est requis.' }),
});

/** What every registration source sends: the public page, the desk and (mostly) the partner. */
export const registrationFields = {
  kind: z.enum(MEMBER_KINDS, { error: 'Type inconnu (self, on_behalf ou senior).' }).default('self'),
  full_name: text(200),
  address: text(500),
  email: contact(254).nullish(),
  phone: contact(32).nullish(),
  channels: channelsSchema.default([]),
  registrant: RegistrantSchema.nullish(),
  relatives: z.array(RelativeInputSchema, { error: 'Liste attendue.' }).max(5, '5 proches au plus.').nullish(),
};

export type RelativeInput = z.infer<typeof RelativeInputSchema>;
export type Registrant = z.infer<typeof RegistrantSchema>;
