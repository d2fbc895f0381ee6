import { z } from '@hono/zod-openapi';
import { ROLES } from '@vigie/shared';
import { idList, oneOrMany } from '../../rest/listQuery.ts';

export const StaffSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    full_name: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
    last_sign_in_at: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Staff');

const email = z.string().trim().toLowerCase().pipe(z.email({ error: 'Adresse e-mail invalide.' })).pipe(z.string().max(254));
const fullName = z.string().trim().min(1, 'Requis.').max(200, '200 caractères au plus.');

export const StaffCreateSchema = z
  .object({ email, full_name: fullName, role: z.enum(ROLES, { error: 'Rôle inconnu.' }), password: z.string().max(1024) })
  .openapi('StaffCreate', { example: { email: 'agent.dupont@ville.fr', full_name: 'Camille Dupont', role: 'officer', password: 'une phrase de passe longue' } });

/** react-admin PUTs the whole record: read-only fields are ignored, an empty password means "unchanged". */
export const StaffUpdateSchema = z
  .object({
    full_name: fullName.optional(),
    role: z.enum(ROLES, { error: 'Rôle inconnu.' }).optional(),
    disabled: z.boolean().optional(),
    password: z.string().max(1024).nullish(),
  })
  .openapi('StaffUpdate');

export const StaffFilterSchema = z
  .object({
    id: idList.optional(),
    role: oneOrMany(z.enum(ROLES)).optional(),
    disabled: z.boolean().optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
