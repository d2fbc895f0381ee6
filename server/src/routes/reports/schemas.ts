import { z } from '@hono/zod-openapi';
import { REPORT_CATEGORIES, REPORT_PRIORITIES, REPORT_SOURCES, REPORT_STATUSES } from '@vigie/shared';
import { idList, oneOrMany } from '../../rest/listQuery.ts';
import { dateBound } from '../../rest/dates.ts';

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
    q: z.string().trim().max(200, 'Recherche trop longue (200 caractères au plus).').optional(),
  })
  .strict();

const text = (max: number) => z.string().trim().min(1, 'Requis.').max(max, `${max} caractères au plus.`);

// Control characters other than tab/newline have no business in a report and break exports.
const noControl = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

export const ReportCreateSchema = z
  .object({
    category: z.enum(REPORT_CATEGORIES),
    description: text(4000).refine(noControl, 'Caractères de contrôle interdits.'),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    address: text(500).refine(noControl, 'Caractères de contrôle interdits.').nullish(),
    priority: z.enum(REPORT_PRIORITIES).default('normal'),
    source: z.enum(['phone', 'officer']).default('officer'),
    occurred_at: z.iso.datetime({ offset: true }).nullish(),
    reporter_name: text(200).refine(noControl, 'Caractères de contrôle interdits.').nullish(),
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
    assigned_to: z.number().int().positive().nullable().optional(),
    note: z.string().trim().max(4000, '4000 caractères au plus.').refine(noControl, 'Caractères de contrôle interdits.').nullish(),
    /** Sent back to the resident through the partner (platform reports only). */
    reply: z.string().trim().max(1000, '1000 caractères au plus.').refine(noControl, 'Caractères de contrôle interdits.').nullish(),
    template_id: z.number().int().positive().nullish(),
    /** The Police nationale's reference, kept when forwarding (status `forwarded`). */
    reference: z.string().trim().max(100, '100 caractères au plus.').refine(noControl, 'Caractères de contrôle interdits.').nullish(),
  })
  .openapi('ReportUpdate', { example: { status: 'acknowledged', note: 'Patrouille prévenue', template_id: 1 } });

export type ReportCreate = z.infer<typeof ReportCreateSchema>;
export type ReportUpdate = z.infer<typeof ReportUpdateSchema>;
export type ReportFilter = z.infer<typeof ReportFilterSchema>;
