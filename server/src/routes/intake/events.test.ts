import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '@vigie/db/testing';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER, signPayload } from './signature.ts';
import { createPartner, postIntake, validPayload, type TestPartner } from './testing.ts';

let t: TestServer;
let officer: Client;
let partner: TestPartner;

const poll = async (target: string, as: TestPartner = partner, signWith: string = target) => {
  const res = await fetch(t.base + target, { headers: { [PARTNER_HEADER]: as.id, [SIGNATURE_HEADER]: signPayload(as.secret, signWith) } });
  return { status: res.status, body: (await res.json()) as { events: Array<Record<string, unknown>>; last_id: number } };
};

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  partner = await createPartner(t);
});
afterAll(async () => {
  await t?.stop();
});

describe('GET /api/intake/events (the partner polls what residents should learn)', () => {
  it('hands over status changes and replies in order, and treats `after` as the acknowledgement', async () => {
    const payload = validPayload();
    const { body: created } = await postIntake<{ id: number }>(t.base, partner, payload);
    const [template] = await t.sql<{ id: number; body: string }[]>`select id, body from response_templates where status = 'acknowledged' limit 1`;
    expect((await officer.json('PUT', `/api/reports/${created.id}`, { status: 'acknowledged', template_id: template!.id })).status).toBe(200);
    expect((await officer.json('PUT', `/api/reports/${created.id}`, { reply: 'Une patrouille passe ce soir.' })).status).toBe(200);

    const first = await poll('/api/intake/events');
    expect(first.status).toBe(200);
    expect(first.body.events.map((e) => [e.type, e.external_id, e.status, e.message])).toEqual([
      ['report.status_changed', payload.external_id, 'acknowledged', template!.body],
      ['report.reply', payload.external_id, 'acknowledged', 'Une patrouille passe ce soir.'],
    ]);
    const lastId = first.body.last_id;
    const [pending] = await t.sql`select count(*)::int as n from partner_events where delivered_at is null`;
    expect(pending!.n).toBe(2);

    const next = await poll(`/api/intake/events?after=${lastId}`);
    expect(next.body).toEqual({ events: [], last_id: lastId });
    const [left] = await t.sql`select count(*)::int as n from partner_events where delivered_at is null`;
    expect(left!.n).toBe(0);
  });

  it('shows a partner only its own events', async () => {
    const other = await createPartner(t);
    expect((await poll('/api/intake/events', other)).body.events).toEqual([]);
  });

  it('refuses unsigned polls and signatures over another target', async () => {
    expect((await fetch(`${t.base}/api/intake/events`)).status).toBe(401);
    expect((await poll('/api/intake/events?after=0', partner, '/api/intake/events?after=999')).status).toBe(401);
    expect((await poll('/api/intake/events?after=-1')).status).toBe(400);
  });
});

describe.skipIf(testEngine() !== 'postgres')('the partner cursor follows commit order', () => {
  it('never acknowledges past an event whose transaction commits after a later one was served', async () => {
    const own = await createPartner(t);
    const { body: created } = await postIntake<{ id: number }>(t.base, own, validPayload());
    // The slow writer holds another report: its foreign key would otherwise lock the one triaged.
    const { body: other } = await postIntake<{ id: number }>(t.base, own, validPayload());
    const [external] = await t.sql<{ external_id: string }[]>`select external_id from reports where id = ${other.id}`;
    const start = (await poll('/api/intake/events', own)).body.last_id;

    let commitSlow!: () => void;
    let written!: () => void;
    const slowWritten = new Promise<void>((resolve) => (written = resolve));
    const slow = t.sql.begin(async (tx) => {
      await tx`
        insert into partner_events (partner_id, report_id, external_id, type, payload)
        values (${own.id}, ${other.id}, ${external!.external_id}, 'report.reply',
                ${tx.json({ external_id: external!.external_id, status: 'new', message: 'slow', at: new Date().toISOString() })})`;
      written();
      await new Promise<void>((resolve) => (commitSlow = resolve));
    });
    await slowWritten;
    expect((await officer.json('PUT', `/api/reports/${created.id}`, { status: 'acknowledged', reply: 'fast' })).status).toBe(200);

    const during = await poll(`/api/intake/events?after=${start}`, own);
    commitSlow();
    await slow;
    const after = await poll(`/api/intake/events?after=${during.body.last_id}`, own);
    const served = [...during.body.events, ...after.body.events].map((e) => e.message);
    expect(served).toEqual(['slow', 'fast']);
  });
});
