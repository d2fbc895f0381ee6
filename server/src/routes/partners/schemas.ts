import { z } from '@hono/zod-openapi';
import { oneOrMany } from '../../rest/listQuery.ts';

export { PARTNER_ID_PATTERN } from '@vigie/shared';
import { PARTNER_ID_PATTERN } from '@vigie/shared';

const partnerId = z
  .string()
  .regex(PARTNER_ID_PATTERN, '2 à 63 caractères : minuscules, chiffres et tirets, sans tiret au début.');

export const PartnerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    rate_per_minute: z.number().int(),
    disabled: z.boolean(),
    webhook_url: z.string().nullable(),
    /** While set, the secret that was replaced by the last rotation still verifies. */
    previous_secret_expires_at: z.string().nullable().openapi({ format: 'date-time' }),
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Partner');

/** Only the create and rotate answers carry the secret: it is shown once, then never again. */
export const PartnerWithSecretSchema = PartnerSchema.extend({
  secret: z.string().openapi({ description: 'Shown once: store it in the partner app now', example: 'mF0s3x…' }),
}).openapi('PartnerWithSecret');

const name = z.string().trim().min(1, 'Requis.').max(200, '200 caractères au plus.');
const rate = z.number({ error: 'Nombre entier attendu.' }).int('Nombre entier attendu.').min(1, 'Au moins 1.').max(1_000_000, 'Au plus 1 000 000.');
// An emptied form field arrives as '' and means "no webhook".
// Plain http only towards this machine (a partner's local relay); https everywhere else.
const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?(\/|$)/;
const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'Adresse https:// attendue.' })
  .refine((url) => url.startsWith('https://') || LOOPBACK_HTTP.test(url), 'Adresse https:// attendue.')
  .max(2048, '2048 caractères au plus.')
  .or(z.literal(''))
  .nullish()
  .openapi({ description: 'Where replies to residents will be posted (signed like the intake); empty = none' });

export const PartnerCreateSchema = z
  .object({
    id: partnerId,
    name,
    rate_per_minute: rate.optional(),
    disabled: z.boolean().optional(),
    webhook_url: webhookUrl,
  })
  .openapi('PartnerCreate', { example: { id: 'vvs-bourg-la-reine', name: 'Voisins vigilants et solidaires', rate_per_minute: 600 } });

/** react-admin PUTs the whole record: the id, dates and any `secret` are ignored. */
export const PartnerUpdateSchema = z
  .object({
    name: name.optional(),
    rate_per_minute: rate.optional(),
    disabled: z.boolean().optional(),
    webhook_url: webhookUrl,
  })
  .openapi('PartnerUpdate', { example: { disabled: true } });

export const PartnerRotateSchema = z
  .object({
    overlap_hours: z
      .number({ error: 'Nombre entier attendu.' })
      .int('Nombre entier attendu.')
      .min(0, 'Au moins 0.')
      .max(168, 'Au plus 168 heures (7 jours).')
      .default(24)
      .openapi({ description: 'How long the old secret keeps verifying; 0 revokes it at once (leaked secret)' }),
  })
  .openapi('PartnerRotate', { example: { overlap_hours: 24 } });

export const PartnerFilterSchema = z
  .object({
    id: oneOrMany(z.string().max(63)).optional(),
    disabled: z.boolean().optional(),
    q: z.string().trim().max(100, 'Recherche trop longue (100 caractères au plus).').optional(),
  })
  .strict();

export const PartnerIdParamSchema = z.object({
  id: partnerId.openapi({ param: { name: 'id', in: 'path' }, example: 'vvs-demo' }),
});

export type PartnerCreate = z.infer<typeof PartnerCreateSchema>;
export type PartnerUpdate = z.infer<typeof PartnerUpdateSchema>;
export type PartnerFilter = z.infer<typeof PartnerFilterSchema>;
