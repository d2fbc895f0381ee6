import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { ApiError, validationHook } from '../../errors.ts';
import { geocoderFor, GeocoderUnavailable } from '../../geocoding/index.ts';
import { ErrorSchema, errorResponses, jsonContent } from '../../rest/openapi.ts';

const ResultSchema = z
  .object({
    label: z.string(),
    lat: z.number(),
    lng: z.number(),
    score: z.number().openapi({ description: "The geocoder's confidence, 0 to 1" }),
    in_commune: z.boolean(),
  })
  .openapi('GeocodeResult');

const QuerySchema = z.object({
  q: z
    .string({ error: 'Adresse requise.' })
    .trim()
    .min(3, 'Au moins 3 caractères.')
    .max(200, 'Au plus 200 caractères.')
    .regex(/^[\p{L}\p{N}]/u, 'L’adresse commence par une lettre ou un chiffre.')
    .openapi({ example: '12 avenue du Général-Leclerc' }),
  limit: z.coerce.number({ error: 'Nombre attendu.' }).int('Nombre entier attendu.').min(1, 'Au moins 1.').max(10, 'Au plus 10.').default(5),
});

const search = createRoute({
  method: 'get', path: '/', tags: ['geocode'], summary: 'Address search (Base Adresse Nationale, or the commune’s street list offline)',
  middleware: [requireAccess('geocode', 'list')] as const,
  request: { query: QuerySchema },
  responses: {
    200: jsonContent(z.object({ results: z.array(ResultSchema) }), 'Candidates, best first'),
    503: jsonContent(ErrorSchema, 'The address service did not answer in time'),
    ...errorResponses,
  },
});

export function geocodeRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(search, async (c) => {
    const { q, limit } = c.req.valid('query');
    try {
      return c.json({ results: await geocoderFor(deps).search(q, { limit }) }, 200);
    } catch (error) {
      if (!(error instanceof GeocoderUnavailable)) throw error;
      deps.logger.warn({ err: error }, 'geocoder unavailable');
      throw new ApiError(503, 'Le service d’adresses ne répond pas : placez le point sur la carte ou réessayez.');
    }
  });
  return app;
}
