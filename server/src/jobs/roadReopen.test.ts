import type { Broadcast } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signIn, startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { reopenRoad } from './roadReopen.ts';

let t: TestServer;
let officer: Client;
const CENTER = { lng: 2.33, lat: 48.79 };

beforeAll(async () => {
  t = await startTestServer({ LOG_LEVEL: 'error' });
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  await t.sql`
    insert into members (full_name, address, email, status, channels, lat, lng)
    select 'Riverain ' || i, 'rue', 'riverain' || i || '@example.test', 'approved', '{email}', ${CENTER.lat}, ${CENTER.lng}
    from generate_series(1, 5) i`;
});
afterAll(async () => {
  await t?.stop();
});

async function closeRoad(reopen: 'propose' | 'send') {
  const now = Date.now();
  const res = await officer.json<Broadcast>('POST', '/api/broadcasts', {
    category: 'road_closure', title: 'Rue Ravon fermée', email_subject: 'Rue Ravon fermée', email_body: 'Travaux de 7 h à 12 h.', channels: ['email'],
    target: { zones: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [CENTER.lng, CENTER.lat] }, properties: { radius_m: 100 } }] } },
    closure: { geometry: { type: 'LineString', coordinates: [[CENTER.lng, CENTER.lat], [CENTER.lng + 0.001, CENTER.lat]] }, starts_at: new Date(now - 3_600_000).toISOString(), ends_at: new Date(now + 3_600_000).toISOString(), reopen },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect((await officer.json('POST', `/api/broadcasts/${res.body.id}/send`, {})).status).toBe(200);
  return res.body;
}

const reopenJob = (id: number) => t.sql`select state, start_after from pgboss.job where name = 'broadcast-send' and data->>'broadcast_id' = ${String(id)} and data->>'kind' = 'reopen'`;

async function followUp(id: number, statuses: string[]) {
  for (;;) {
    const [row] = await t.sql<Array<{ id: number; status: string }>>`select id, status from broadcasts where follows_id = ${id} and follow_kind = 'reopen'`;
    if (row && statuses.includes(row.status)) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const recipients = async (id: number) =>
  (await t.sql<{ member_id: number }[]>`select member_id from deliveries where broadcast_id = ${id} order by member_id`).map((r) => r.member_id);

describe('a road closure at its end', () => {
  it('books the reopening at ends_at, then proposes « Route rouverte » as a draft the officer sends in one click', async () => {
    const closure = await closeRoad('propose');
    const [job] = await reopenJob(closure.id);
    expect(Math.abs(new Date(job!.start_after).getTime() - Date.parse(closure.closure!.ends_at))).toBeLessThan(1000);
    // New members after the closure alert are not in its frozen list, nor in the reopening's.
    await t.sql`insert into members (full_name, address, email, status, channels, lat, lng) values ('Nouveau', 'rue', 'nouveau@example.test', 'approved', '{email}', ${CENTER.lat}, ${CENTER.lng})`;
    await t.sql`update pgboss.job set start_after = now() where name = 'broadcast-send' and data->>'broadcast_id' = ${String(closure.id)} and data->>'kind' = 'reopen'`;
    const draft = await followUp(closure.id, ['draft']);
    const { body } = await officer.json<Broadcast>('GET', `/api/broadcasts/${draft.id}`);
    expect(body).toMatchObject({ category: 'road_closure', follows_id: closure.id, follow_kind: 'reopen', channels: ['email'] });
    expect(body.title).toBe('Route rouverte : Rue Ravon fermée');
    expect((await officer.json<Broadcast>('POST', `/api/broadcasts/${draft.id}/send`, {})).body.status).toMatch(/sending|sent/);
    expect(await recipients(draft.id)).toEqual(await recipients(closure.id));
    expect(await recipients(draft.id)).toHaveLength(5);
  });

  it('sends it by itself with reopen "send", and only once however often the job runs', async () => {
    const closure = await closeRoad('send');
    await t.sql`update pgboss.job set start_after = now() where name = 'broadcast-send' and data->>'broadcast_id' = ${String(closure.id)} and data->>'kind' = 'reopen'`;
    const sent = await followUp(closure.id, ['sending', 'sent']);
    expect(await reopenRoad(t.running.deps, closure.id)).toBeNull();
    const [count] = await t.sql<{ n: number }[]>`select count(*)::int as n from broadcasts where follows_id = ${closure.id}`;
    const n = count!.n;
    expect(n).toBe(1);
    expect(await recipients(sent.id)).toEqual(await recipients(closure.id));
  });

  it('reopens nothing for a closure cancelled before its end', async () => {
    const [b] = await t.sql<{ id: number }[]>`
      insert into broadcasts (category, title, email_subject, email_body, channels, target, closure, status, created_by)
      select 'road_closure', 'Annulée', 'Annulée', 'x', '{email}', '{"commune": true}', ${t.sql.json({ geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, starts_at: new Date().toISOString(), ends_at: new Date().toISOString(), reopen: 'send' })}, 'cancelled', id
      from staff limit 1 returning id`;
    expect(await reopenRoad(t.running.deps, b!.id)).toBeNull();
  });
});
