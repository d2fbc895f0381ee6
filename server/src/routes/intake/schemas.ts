import { z } from '@hono/zod-openapi';
import { REPORT_CATEGORIES, REPORT_STATUSES } from '@vigie/shared';
import type { FieldErrors } from '../../errors.ts';
import { isSafeText, saneDate } from '../../rest/validation.ts';

/** Bodies over this answer 413 before any parsing. */
export const INTAKE_MAX_BYTES = 64 * 1024;
export { FUTURE_SLACK_MS } from '../../rest/validation.ts';

const noControl = (s: string) => isSafeText(s);

const text = (max: number) =>
  z.string().trim().min(1, 'Requis.').max(max, `${max} caractères au plus.`).refine(noControl, 'Caractères de contrôle ou invalides interdits.');

function isHttpsUrl(value: string) {
  if (!/^https:\/\/[^\s\\]+$/.test(value) || !noControl(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const occurredAt = saneDate();

export const IntakeReporterSchema = z
  .object({
    member_external_id: z
      .string()
      .min(1, 'Requis.')
      .max(200, '200 caractères au plus.')
      .refine(noControl, 'Caractères de contrôle ou invalides interdits.')
      .nullish()
      .openapi({ description: "The resident's id on the partner platform; links the report to a registered member" }),
    name: text(200).nullish(),
    phone: z
      .string()
      .trim()
      .max(32, '32 caractères au plus.')
      .regex(/^\+?[0-9 .()-]{6,32}$/, 'Numéro de téléphone invalide.')
      .nullish(),
  })
  .strict()
  .openapi('IntakeReporter');

export const IntakeReportSchema = z
  .object({
    external_id: z
      .string()
      .min(1, 'Requis.')
      .max(200, '200 caractères au plus.')
      .refine(noControl, 'Caractères de contrôle ou invalides interdits.')
      .openapi({ description: "The partner's own id for the alert: one report per (partner, external_id)" }),
    category: z.enum(REPORT_CATEGORIES, { error: `Catégorie inconnue (${REPORT_CATEGORIES.join(', ')}).` }),
    description: z
      .string()
      // CRLF from a Windows textarea is a newline, not a control character.
      .overwrite((s) => s.replace(/\r\n?/g, '\n'))
      .trim()
      .min(1, 'Requis.')
      .max(4000, '4000 caractères au plus.')
      .refine((s) => isSafeText(s, true), 'Caractères de contrôle ou invalides interdits (sauf retour à la ligne et tabulation).'),
    lat: z.number().min(-90, 'Latitude entre -90 et 90.').max(90, 'Latitude entre -90 et 90.'),
    lng: z.number().min(-180, 'Longitude entre -180 et 180.').max(180, 'Longitude entre -180 et 180.'),
    address: text(500).nullish(),
    occurred_at: occurredAt.nullish().openapi({ format: 'date-time', description: 'When it happened; at most 5 minutes ahead of the server' }),
    reporter: IntakeReporterSchema.nullish(),
    photos: z
      .array(z.string().max(2048, '2048 caractères au plus.').refine(isHttpsUrl, 'Adresse https:// attendue.').openapi({ format: 'uri' }))
      .max(10, '10 photos au plus.')
      .nullish(),
  })
  .strict()
  .openapi('IntakeReport', {
    example: {
      external_id: 'alerte-2026-004217',
      category: 'suspicious_vehicle',
      description: 'Fourgon blanc sans plaque arrière qui tourne dans la rue depuis une heure.',
      lat: 48.7794,
      lng: 2.3162,
      address: '12 rue de la République, 92340 Bourg-la-Reine',
      occurred_at: '2026-11-27T21:40:00+01:00',
      reporter: { member_external_id: 'membre-8841', name: 'Mme Martin', phone: '+33 6 12 34 56 78' },
      photos: ['https://photos.voisins-vigilants.example/alerte-2026-004217/1.jpg'],
    },
  });

export type IntakeReport = z.infer<typeof IntakeReportSchema>;

export const IntakeAnswerSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(REPORT_STATUSES),
    received_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('IntakeAnswer', { example: { id: 4217, status: 'new', received_at: '2026-11-27T20:41:03.512Z' } });

const french = z.locales.fr().localeError;

/** French messages keyed by field; every unknown key is named, so a partner sees what to remove. */
export function validateIntake(data: unknown): { data: IntakeReport } | { errors: FieldErrors } {
  const result = IntakeReportSchema.safeParse(data, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'Requis.' : french(issue)),
  });
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const prefix = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // A few names are enough to fix the payload; never echo thousands of junk keys back.
      for (const key of issue.keys.slice(0, 20)) errors[(prefix ? `${prefix}.${key}` : key).slice(0, 200)] ??= 'Champ inconnu.';
    } else {
      errors[prefix || '_root'] ??= issue.message;
    }
  }
  return { errors };
}
