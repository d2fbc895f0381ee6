import { z } from '@hono/zod-openapi';
import { CHANNELS, MEMBER_DECISION_REASONS, MEMBER_KINDS, MEMBER_SOURCES, MEMBER_STATUSES } from '@vigie/shared';
import { ConsentSchema, channelsSchema, registrationFields, text } from '../../members/schemas.ts';
import { dateBound } from '../../rest/dates.ts';
import { idList, oneOrMany } from '../../rest/listQuery.ts';

const date = () => z.string().openapi({ format: 'date-time' });

export const MemberSchema = z
  .object({
    id: z.number().int(),
    external_id: z.string().nullable(),
    kind: z.enum(MEMBER_KINDS),
    status: z.enum(MEMBER_STATUSES),
    full_name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: 'E.164', example: '+33612345678' }),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    neighbourhood_id: z.number().int().nullable(),
    out_of_area: z.boolean(),
    channels: z.array(z.enum(CHANNELS)),
    sms_opt_out_at: date().nullable(),
    email_opt_out_at: date().nullable(),
    source: z.enum(MEMBER_SOURCES),
    created_at: date(),
    confirmed_at: date().nullable(),
    decided_at: date().nullable(),
    decided_by_name: z.string().nullable(),
    updated_at: date(),
    // The review queue's automatic checks (server/src/members/checks.ts).
    duplicates: z
      .array(z.object({ id: z.number().int(), full_name: z.string().nullable(), status: z.enum(MEMBER_STATUSES), reason: z.enum(['email', 'phone', 'name_address']) }))
      .openapi({ description: 'Up to 5 other members with the same e-mail, the same phone, or the same address (accents and punctuation aside) and a name word in common' }),
    disposable_email: z.boolean().openapi({ description: 'The e-mail is at a throwaway-address provider' }),
    unconfirmed_relatives: z.number().int().openapi({ description: "A senior's relatives who have not confirmed their contacts yet" }),
    proof_requested_at: date().nullable().openapi({ description: 'When the town hall last asked for a proof of address' }),
  })
  .openapi('Member');

export const MemberDetailSchema = MemberSchema.extend({
  partner_id: z.string().nullable(),
  decision_reason: z.enum(MEMBER_DECISION_REASONS).nullable(),
  registrant_name: z.string().nullable(),
  registrant_relation: z.string().nullable(),
  registrant_email: z.string().nullable(),
  registrant_phone: z.string().nullable(),
  consent_version: z.string().nullable(),
  consent_at: date().nullable(),
  geocode_score: z.number().nullable(),
  erased_at: date().nullable(),
}).openapi('MemberDetail');

export const MemberFilterSchema = z
  .object({
    id: idList.optional(),
    status: oneOrMany(z.enum(MEMBER_STATUSES)).optional(),
    kind: oneOrMany(z.enum(MEMBER_KINDS)).optional(),
    source: oneOrMany(z.enum(MEMBER_SOURCES)).optional(),
    channel: oneOrMany(z.enum(CHANNELS)).optional(),
    neighbourhood_id: idList.optional(),
    out_of_area: z.boolean().optional(),
    created_at_gte: dateBound().optional(),
    created_at_lte: dateBound().optional(),
    q: z.string().trim().max(200, 'Recherche trop longue (200 caractères au plus).').optional(),
  })
  .strict();

const point = {
  lat: z.number().min(-90, 'Latitude entre -90 et 90.').max(90, 'Latitude entre -90 et 90.').nullish(),
  lng: z.number().min(-180, 'Longitude entre -180 et 180.').max(180, 'Longitude entre -180 et 180.').nullish(),
};

/** Desk registration: the clerk types what the resident says; consent is given orally and recorded. */
export const MemberCreateSchema = z
  .object({ ...registrationFields, ...point, consent: ConsentSchema, note: text(2000).nullish() })
  .openapi('MemberCreate', {
    example: {
      kind: 'on_behalf',
      full_name: 'Jeanne Martin',
      address: '3 rue des Tilleuls, 92340 Bourg-la-Reine',
      phone: '06 12 34 56 78',
      channels: ['sms'],
      consent: { version: '2026-11', accepted: true },
      registrant: { full_name: 'Paul Martin', relation: 'fils' },
    },
  });

/** react-admin's edit form PUTs the whole record: contacts, address, point and channels are taken, the rest ignored. */
export const MemberUpdateSchema = z
  .object({
    full_name: text(200).optional(),
    address: text(500).optional(),
    email: z.string().trim().max(254, '254 caractères au plus.').nullish(),
    phone: z.string().trim().max(32, '32 caractères au plus.').nullish(),
    channels: channelsSchema.optional(),
    ...point,
  })
  .openapi('MemberUpdate');

export const DecisionSchema = z
  .object({
    reason: z.enum(MEMBER_DECISION_REASONS, { error: `Motif inconnu (${MEMBER_DECISION_REASONS.join(', ')}).` }),
    note: z.string().trim().max(2000, '2000 caractères au plus.').nullish(),
  })
  .openapi('MemberDecision', { example: { reason: 'outside_commune', note: 'Adresse à Sceaux.' } });

export const BulkApproveSchema = z
  .object({ ids: z.array(z.number().int().positive().max(2_147_483_647)).min(1, 'Au moins un membre.').max(200, '200 membres au plus par lot.') })
  .openapi('MemberBulkApprove');

export const BulkResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.number().int(),
        status: z.enum(['approved', 'error']),
        http_status: z.number().int(),
        message: z.string().nullable(),
        record: MemberDetailSchema.nullable(),
      }),
    ),
  })
  .openapi('MemberBulkResult');

export const ProofRequestSchema = z
  .object({ note: z.string().trim().max(2000, '2000 caractères au plus.').nullish() })
  .openapi('MemberProofRequest', { example: { note: 'Une facture d’électricité suffit.' } });
