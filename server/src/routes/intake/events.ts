import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../../context.ts';
import { ErrorSchema, jsonContent } from '../../rest/openapi.ts';
import { checkSignature, findCallingPartner } from './authenticate.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER } from './signature.ts';

// Reports' outcomes and, since issue 7, members' (`external_id` is then the member's).
export const PARTNER_EVENT_TYPES = ['report.status_changed', 'report.reply', 'member.approved', 'member.rejected', 'member.suspended',
  'member.reinstated', 'member.banned', 'member.erased'] as const;

const PartnerEventSchema = z
  .object({
    id: z.number().int().openapi({ description: 'Commit-ordered position: pass the last one you processed as `after`' }),
    type: z.enum(PARTNER_EVENT_TYPES),
    external_id: z.string(),
    status: z.string(),
    message: z.string().nullable(),
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('PartnerEvent');

const QuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).openapi({ description: 'The last event id you processed (acknowledges it and every earlier one)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const events = createRoute({
  method: 'get', path: '/events', tags: ['intake'],
  summary: 'What residents should learn: their alerts’ status changes and replies, their registrations’ outcomes (partner polling)',
  description: `Signed like the intake, over the request target instead of a body: \`${SIGNATURE_HEADER}: t=<t>,v1=<hex HMAC-SHA256 of "<t>.<path?query>">\`, e.g. "1764276063./api/intake/events?after=41".`,
  request: { query: QuerySchema },
  responses: {
    200: jsonContent(z.object({ events: z.array(PartnerEventSchema), last_id: z.number().int() }), 'Events after `after`, oldest first'),
    400: jsonContent(ErrorSchema, 'Invalid query'),
    401: jsonContent(ErrorSchema, 'Unknown or disabled partner, bad or stale signature'),
  },
});

/**
 * The outbox towards partners, polled: `after` is both the cursor and the acknowledgement, so an
 * event stays pending until the partner asks for what follows it (at-least-once, in commit order).
 */
export function registerPartnerEventRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const { sql } = deps;
  app.openapi(events, async (c) => {
    const partner = await findCallingPartner(deps, c.req.header(PARTNER_HEADER), c.req.header(SIGNATURE_HEADER));
    const url = new URL(c.req.url);
    checkSignature(partner, c.req.header(SIGNATURE_HEADER)!, Buffer.from(url.pathname + url.search, 'utf8'));
    const { after, limit } = c.req.valid('query');
    await sql`update partner_events set delivered_at = now() where partner_id = ${partner.id} and position <= ${after} and delivered_at is null`;
    // Only below the commit horizon: an event whose transaction is still open cannot be passed over.
    const rows = await sql<Array<{ position: string; type: (typeof PARTNER_EVENT_TYPES)[number]; payload: { external_id: string; status: string; message: string | null; at: string } }>>`
      select position, type, payload from partner_events
      where partner_id = ${partner.id} and position > ${after} and position < commit_position_horizon()
      order by position limit ${limit}`;
    const events = rows.map((r) => ({ id: Number(r.position), type: r.type, external_id: r.payload.external_id, status: r.payload.status, message: r.payload.message, at: r.payload.at }));
    return c.json({ events, last_id: events.at(-1)?.id ?? after }, 200);
  });
}
