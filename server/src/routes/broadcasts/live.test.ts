import type { Broadcast, LiveEnvelope, LiveResyncReply } from '@vigie/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../delivery/testing.ts';
import { connected, connectSocket, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let officer: Client;
let townhall: Client;
let admin: Client;
const sockets: Socket[] = [];
const MEMBERS = 60;
const CENTER = { lng: 2.32, lat: 48.78 };

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestServer({ SMTP_URL: smtp.url, SMTP_FROM: 'Vigie <alertes@vigie.test>', LOG_LEVEL: 'error' });
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
  admin = await signIn(t.base, (await createStaff(t.sql, 'admin')).email);
  await t.sql`
    insert into members (full_name, address, email, status, channels, lat, lng)
    select 'Membre ' || i, i || ' rue du Direct', 'direct' || i || '@example.test', 'approved', '{email}', ${CENTER.lat}, ${CENTER.lng} + i * 0.00001
    from generate_series(1, ${MEMBERS}) i`;
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t?.stop();
  await smtp?.stop();
});

async function listen(client: Client) {
  const socket = connectSocket(t.base, client.cookie);
  sockets.push(socket);
  await connected(socket);
  const events: LiveEnvelope<Broadcast>[] = [];
  socket.on('broadcast:updated', (event: LiveEnvelope<Broadcast>) => events.push(event));
  return { socket, events };
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('broadcast:updated', () => {
  it('carries state and progress to the police and the town hall, recorded for resync, fewer events than deliveries', async () => {
    const police = await listen(officer);
    const hall = await listen(townhall);
    const staffAdmin = await listen(admin);
    const created = await officer.json<Broadcast>('POST', '/api/broadcasts', {
      category: 'information', title: 'Coupure d’eau', email_subject: 'Coupure d’eau', email_body: 'Demain matin.', channels: ['email'],
      target: { zones: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [CENTER.lng, CENTER.lat] }, properties: { radius_m: 300 } }] } },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const mine = (events: LiveEnvelope<Broadcast>[]) => events.filter((e) => e.record.id === id);
    await until(() => mine(police.events).some((e) => e.record.status === 'draft'));

    expect((await officer.json('POST', `/api/broadcasts/${id}/send`, {})).status).toBe(200);
    const done = (events: LiveEnvelope<Broadcast>[]) => mine(events).some((e) => e.record.status === 'sent');
    await until(() => done(police.events) && done(hall.events));

    // A progress frame whose transaction began before the settlement may still be on its way.
    const recorded = async () => (await t.sql<{ n: number }[]>`select count(*)::int as n from live_events where name = 'broadcast:updated' and record_id = ${String(id)}`)[0]!.n;
    for (let n = await recorded(); mine(police.events).length < n; n = await recorded()) await new Promise((resolve) => setTimeout(resolve, 50));

    const last = mine(police.events).at(-1)!;
    expect(last.record.status).toBe('sent');
    expect(last.record.counts.email).toMatchObject({ queued: 0, sent: MEMBERS, failed: 0, dead: 0 });
    expect(typeof last.event_id).toBe('number');
    expect(mine(police.events).some((e) => e.record.status === 'sending')).toBe(true);
    // Positions only grow: a client resuming from the last one misses nothing.
    const ids = mine(police.events).map((e) => e.event_id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(mine(staffAdmin.events)).toHaveLength(0);

    const [count] = await t.sql<{ n: number }[]>`select count(*)::int as n from live_events where name = 'broadcast:updated' and record_id = ${String(id)}`;
    const n = count!.n;
    expect(n).toBe(mine(police.events).length);
    expect(n).toBeLessThan(MEMBERS); // one event per delivery would be one per message

    const reply = (await police.socket.timeout(5000).emitWithAck('live:resync', { since: ids[0]! - 1 })) as LiveResyncReply;
    const replayed = reply.events.filter((e) => e.name === 'broadcast:updated' && (e.record as Broadcast).id === id);
    expect(replayed.map((e) => e.event_id)).toEqual(ids);
    expect(smtp.mails.filter((m) => m.raw.includes('Coupure d’eau') || m.raw.includes('Coupure'))).toHaveLength(MEMBERS);
  });
});
