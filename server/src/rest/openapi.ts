import { z } from '@hono/zod-openapi';
import { idParam } from './validation.ts';

export const ErrorSchema = z
  .object({ message: z.string(), errors: z.record(z.string(), z.string()).optional() })
  .openapi('Error');

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const errorResponses = {
  400: jsonContent(ErrorSchema, 'Invalid input: `errors` maps each field to its message'),
  401: jsonContent(ErrorSchema, 'Not signed in'),
  403: jsonContent(ErrorSchema, 'Role not allowed'),
} as const;

export const ListQuerySchema = z.object({
  sort: z.string().optional().openapi({ example: '["received_at","DESC"]', description: 'JSON [field, "ASC"|"DESC"]' }),
  range: z.string().optional().openapi({ example: '[0,24]', description: 'JSON [first, last], inclusive' }),
  filter: z.string().optional().openapi({ example: '{"status":"new","q":"vélo"}', description: 'JSON object of filters' }),
});

export const IdParamSchema = z.object({
  id: idParam().openapi({ param: { name: 'id', in: 'path' }, example: '12' }),
});

export const listHeaders = {
  'Content-Range': { description: 'react-admin paging: `<resource> <first>-<last>/<total>`', schema: { type: 'string' as const } },
};
