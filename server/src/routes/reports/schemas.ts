import { z } from '@hono/zod-openapi';
import { REPORT_CATEGORIES, REPORT_PRIORITIES, REPORT_SOURCES, REPORT_STATUSES } from '@vigie/shared';
import { idList, oneOrMany } from '../../rest/listQuery.ts';
import { dateBound } from '../../rest/dates.ts';
import { intFilter, safeText, saneDate } from '../../rest/validation.ts';

export const ReportSchema = z
  .object({
    id: z.number().int(),
    category: z.enum(REPORT_CATEGORIES),
    status: z.enum(REPORT_STATUSES),
    priority: z.enum(REPORT_PRIORITIES),
    description: z.string(),
    lat: z.number(),
    lng: z.number(),
    address: z.string().nullable(),
    neighbourhood_id: z.number().int().nullable(),
    out_of_area: z.boolean(),
    source: z.enum(REPORT_SOURCES),
    partner_id: z.string().nullable(),
    external_id: z.string().nullable(),
    member_id: z.number().int().nullable(),
    assigned_to: z.number().int().nullable(),
    assigned_to_name: z.string().nullable(),
    emergency: z.boolean().openapi({ description: 'The text suggests a danger in progress: call 17' }),
    incident_id: z.number().int().nullable().openapi({ description: 'Primary report of the incident this one was linked into' }),
    received_at: z.string().openapi({ format: 'date-time' }),
    forwarded_reference: z.string().nullable().optional(),
    occurred_at: z.string().nullable().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Report');

export const ReportDetailSchema = ReportSchema.extend({
  reporter_name: z.string().nullable(),
  reporter_phone: z.string().nullable(),
}).openapi('ReportDetail');

export const ReportFilterSchema = z
  .object({
    id: idList.optional(),
    status: oneOrMany(z.enum(REPORT_STATUSES)).optional(),
    category: oneOrMany(z.enum(REPORT_CATEGORIES)).optional(),
    priority: oneOrMany(z.enum(REPORT_PRIORITIES)).optional(),
    source: oneOrMany(z.enum(REPORT_SOURCES)).optional(),
    neighbourhood_id: idList.optional(),
    assigned_to: idList.optional(),
    member_id: idList.optional(),
    incident_id: idList.optional(),
    out_of_area: z.boolean().optional(),
    received_at_gte: dateBound().optional(),
    received_at_lte: dateBound().optional(),
    q: safeText(0, 200).optional(),
  })
  .strict();

const CATEGORY = { error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === '' ? 'Champ requis.' : undefined) };

export const ReportCreateSchema = z
  .object({
    category: z.enum(REPORT_CATEGORIES, CATEGORY),
    description: safeText(1, 4000, { multiline: true }),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    address: safeText(1, 500).nullish(),
    priority: z.enum(REPORT_PRIORITIES).default('normal'),
    source: z.enum(['phone', 'officer']).default('officer'),
    // The intake's sanity rules: an officer's report cannot have happened in the future either.
    occurred_at: saneDate().nullish(),
    reporter_name: safeText(1, 200).nullish(),
    reporter_phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .()-]{6,31}$/, 'Numéro de téléphone invalide.')
      .nullish(),
  })
  .openapi('ReportCreate', {
    example: { category: 'suspicious_vehicle', description: 'Fourgon blanc qui tourne dans la rue depuis une heure', lat: 48.7794, lng: 2.3162, source: 'phone' },
  });

/**
 * react-admin's edit form PUTs the whole record; only triage fields are taken, the rest is
 * ignored (a report's text is the resident's words and is not rewritten).
 */
export const ReportUpdateSchema = z
  .object({
    status: z.enum(REPORT_STATUSES).optional(),
    priority: z.enum(REPORT_PRIORITIES).optional(),
    category: z.enum(REPORT_CATEGORIES).optional(),
    assigned_to: intFilter().nullable().optional(),
    note: safeText(0, 4000, { multiline: true }).nullish(),
    /** Sent back to the resident through the partner (platform reports only). */
    reply: safeText(0, 1000, { multiline: true }).nullish(),
    template_id: intFilter().nullish(),
    /** The Police nationale's reference, kept when forwarding (status `forwarded`). */
    reference: safeText(0, 100).nullish(),
  })
  .openapi('ReportUpdate', { example: { status: 'acknowledged', note: 'Patrouille prévenue', template_id: 1 } });

export type ReportCreate = z.infer<typeof ReportCreateSchema>;
export type ReportUpdate = z.infer<typeof ReportUpdateSchema>;
export type ReportFilter = z.infer<typeof ReportFilterSchema>;
