import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { connectDatabase } from '@vigie/db';
import { Hono } from 'hono';
import { serveChild } from './childProcess.ts';

/**
 * The intake benchmark's baseline: the least a Node service can do per alert on this stack.
 * Hono on @hono/node-server (the same adapter as Vigie), the same postgres.js client factory and
 * so the same pool size, and one INSERT of the same report columns: no signature, no validation,
 * no throttle, no transaction, no timeline, no live event.
 */
interface Alert {
  external_id: string;
  category: string;
  description: string;
  lat: number;
  lng: number;
  address?: string | null;
  occurred_at?: string | null;
  reporter?: { name?: string | null; phone?: string | null } | null;
}

const db = await connectDatabase({ url: process.env.DATABASE_URL! });
const partnerId = 'vvs-demo';
const app = new Hono();
app.post('/api/intake/reports', async (c) => {
  const a = await c.req.json<Alert>();
  const [row] = await db.sql`
    insert into reports (category, description, lat, lng, address, source, partner_id, external_id, reporter_name, reporter_phone, occurred_at)
    values (${a.category}, ${a.description}, ${a.lat}, ${a.lng}, ${a.address ?? null}, 'platform', ${partnerId}, ${a.external_id},
            ${a.reporter?.name ?? null}, ${a.reporter?.phone ?? null}, ${a.occurred_at ?? null})
    returning id, status, received_at`;
  return c.json(row, 201);
});

const server = createServer(getRequestListener(app.fetch));
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
serveChild(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, async () => {
  server.close();
  server.closeAllConnections();
  await db.close();
});
