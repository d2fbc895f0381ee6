// SCRATCH prototype (not committed): Vigie's intake with the same checks but 2 round trips.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { connectDatabase, loadCommune, outerRing, toPgPolygon } from '@vigie/db';
import { Hono } from 'hono';
import { isEmergency } from '../../../shared/src/emergency.ts';
import { parseEnv } from '../../../server/src/env.ts';
import { createLogger } from '../../../server/src/logger.ts';
import { findCallingPartner, checkSignature } from '../../../server/src/routes/intake/authenticate.ts';
import { readLimitedBody } from '../../../server/src/routes/intake/body.ts';
import { intakeHash } from '../../../server/src/routes/intake/queries.ts';
import { validateIntake } from '../../../server/src/routes/intake/schemas.ts';
import { serveChild } from './childProcess.ts';

const env = parseEnv(process.env);
const logger = createLogger('silent');
const db = await connectDatabase({ url: env.DATABASE_URL });
const sql = db.sql;
const boundary = toPgPolygon(outerRing(loadCommune().boundary));
const app = new Hono();
app.post('/api/intake/reports', async (c) => {
  const signature = c.req.header('X-Vigie-Signature');
  const partner = await findCallingPartner({ sql }, c.req.header('X-Vigie-Partner'), signature);
  const body = await readLimitedBody(c.req.raw, 65536);
  checkSignature({ env, logger }, partner, signature!, body);
  const validated = validateIntake(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)));
  if ('errors' in validated) return c.json(validated.errors, 400);
  const input = validated.data;
  const hash = intakeHash(input);
  const emergency = isEmergency(input.description);
  const occurredAt = input.occurred_at ? new Date(input.occurred_at).toISOString() : null;
  const photos = input.photos ?? [];
  const mode = process.env.PROTO_THROTTLE ?? 'cte';
  if (mode === 'separate') {
    await sql`insert into throttle as t (key, hits, window_started_at) values (${`intake:${partner.id}`}, 1, now())
      on conflict (key) do update set hits = t.hits + 1 returning hits`;
  }
  const key = mode === 'cte' ? `intake:${partner.id}` : `intake:${partner.id}:${Math.random()}`;
  const [row] = await sql`
    with slot as (
      insert into throttle as t (key, hits, window_started_at) values (${key}, 1, now())
      on conflict (key) do update set
        hits = case when t.window_started_at <= now() - interval '60 seconds' then 1 else t.hits + 1 end,
        window_started_at = case when t.window_started_at <= now() - interval '60 seconds' then now() else t.window_started_at end
      returning hits
    ), place as (
      select (select id from neighbourhoods where area @> point(${input.lng}, ${input.lat}) order by id limit 1) as neighbourhood_id,
             not (${boundary}::polygon @> point(${input.lng}, ${input.lat})) as out_of_area
    ), report as (
      insert into reports (category, priority, emergency, description, lat, lng, address, neighbourhood_id, out_of_area, source,
                           partner_id, external_id, member_id, reporter_name, reporter_phone, occurred_at, intake_hash)
      select ${input.category}, ${emergency ? 'urgent' : 'normal'}, ${emergency}, ${input.description}, ${input.lat}, ${input.lng}, ${input.address ?? null},
             place.neighbourhood_id, place.out_of_area, 'platform', ${partner.id}, ${input.external_id},
             (select id from members where external_id = ${input.reporter?.member_external_id ?? null}),
             ${input.reporter?.name ?? null}, ${input.reporter?.phone ?? null}, ${occurredAt}, ${hash}
      from place, slot where slot.hits <= ${partner.rate_per_minute}
      on conflict (partner_id, external_id) do nothing
      returning *
    ), created as (
      insert into report_events (report_id, staff_id, action, to_value, note)
      select id, null, 'created', 'new', ${`Reçu de ${partner.name}`} from report
    ), photo as (
      insert into report_photos (report_id, position, url)
      select report.id, p.position, p.url from report, unnest(${photos}::text[]) with ordinality as p (url, position)
    ), event as (
      insert into live_events (name, resource, record_id, record)
      select 'report:created', 'reports', r.id::text, jsonb_build_object(
        'id', r.id, 'category', r.category, 'status', r.status, 'priority', r.priority, 'description', r.description, 'lat', r.lat, 'lng', r.lng,
        'address', r.address, 'neighbourhood_id', r.neighbourhood_id, 'out_of_area', r.out_of_area, 'source', r.source, 'partner_id', r.partner_id,
        'external_id', r.external_id, 'member_id', r.member_id, 'assigned_to', r.assigned_to, 'assigned_to_name', null, 'emergency', r.emergency,
        'incident_id', r.incident_id, 'received_at', r.received_at, 'occurred_at', r.occurred_at, 'updated_at', r.updated_at)
      from report r returning id
    ), notified as (
      select pg_notify('vigie_live', json_build_object('kind', 'live', 'event_id', event.id)::text) from event where ${process.env.PROTO_NOTIFY !== '0'}
    )
    select report.id, report.status, report.received_at, (select count(*) from notified) as n, (select hits from slot) as hits
    from (select 1) one left join report on true`;
  if (!row?.id) return c.json({ error: 'duplicate or throttled' }, 409);
  return c.json({ id: row.id, status: row.status, received_at: row.received_at }, 201);
});
const server = createServer(getRequestListener(app.fetch));
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
serveChild(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, async () => {
  server.close();
  server.closeAllConnections();
  await db.close();
});
