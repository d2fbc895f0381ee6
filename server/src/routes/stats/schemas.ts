import { z } from '@hono/zod-openapi';
import { REPORT_CATEGORIES } from '@vigie/shared';
import { oneOrMany } from '../../rest/listQuery.ts';

/** Longest period one request may aggregate: three years, so that a typo cannot scan the whole history twice. */
export const MAX_PERIOD_DAYS = 3 * 366;

const day = z.iso.date({ error: 'Date invalide (AAAA-MM-JJ).' });

/** A query-string list: `category=burglary&category=vandalism` arrives as an array, one as a string. */
const listParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.includes(',') ? v.split(',') : v), oneOrMany(schema));

export const StatsQuerySchema = z
  .object({
    from: day.optional().openapi({ description: 'First day (Paris), inclusive; 90 days before `to` by default', example: '2026-11-01' }),
    to: day.optional().openapi({ description: 'Last day (Paris), inclusive; today by default', example: '2026-11-30' }),
    category: listParam(z.enum(REPORT_CATEGORIES, { error: 'Catégorie inconnue.' })).optional(),
    neighbourhood_id: listParam(z.coerce.number({ error: 'Secteur invalide.' }).int('Secteur invalide.').positive('Secteur invalide.').max(2_147_483_647, 'Secteur invalide.')).optional(),
  })
  .strict();
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

export const BilanQuerySchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois invalide (AAAA-MM).')
    .refine((m) => Number(m.slice(0, 4)) >= 2000 && Number(m.slice(0, 4)) <= 2100, 'Mois invalide (AAAA-MM).')
    .openapi({ example: '2026-11' }),
});

