import { z } from '@hono/zod-openapi';
import { ConsentSchema, registrationFields } from '../../members/schemas.ts';

export const PublicRegistrationSchema = z
  .object({
    ...registrationFields,
    email: z.string({ error: 'Une adresse e-mail est requise pour confirmer l’inscription.' }).trim().max(254, '254 caractères au plus.'),
    consent: ConsentSchema,
    // Honeypot: hidden from people by the page, filled in by bots. Anything in it and nothing is stored.
    website: z.string().max(500).optional().openapi({ description: 'Leave empty (anti-spam field)' }),
  })
  .strict()
  .openapi('PublicRegistration', {
    example: {
      kind: 'senior',
      full_name: 'Lucienne Bernard',
      address: '8 avenue du Général-Leclerc, 92340 Bourg-la-Reine',
      email: 'lucienne.bernard@example.fr',
      channels: ['email'],
      consent: { version: '2026-11', accepted: true },
      relatives: [{ full_name: 'Claire Bernard', relation: 'fille', phone: '06 12 34 56 78', channels: ['sms'] }],
    },
  });

export type PublicRegistration = z.infer<typeof PublicRegistrationSchema>;

export const ConfirmationSchema = z
  .object({ token: z.string({ error: 'Lien de confirmation incomplet.' }).min(20, 'Lien de confirmation incomplet.').max(200, 'Lien de confirmation invalide.') })
  .openapi('Confirmation');

export const AcceptedSchema = z.object({ message: z.string() }).openapi('RegistrationAccepted');
export const ConfirmedSchema = z
  .object({ purpose: z.enum(['member_email', 'relative_contact']), message: z.string() })
  .openapi('ConfirmationDone');
