import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueWebhooks } from '../../jobs/partnerWebhooks.ts';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER, signPayload, verifySignature } from './signature.ts';
import { adminClient, createPartner, postIntake, readAnswer, validPayload, type TestPartner } from './testing.ts';

let t: TestServer;
let townhall: Client;
let partner: TestPartner;
let sectorId: number;

let seq = 0;
const member = (overrides: Record<string, unknown> = {}) => ({
  external_id: `membre-${process.pid}-${++seq}`,
  kind: 'self',
  full_name: 'Nadia Haddad',
  address: '12 rue de la République, 92340 Bourg-la-Reine',
  email: 'Nadia.Haddad@Example.fr',
  phone: '+33 6 12 34 56 78',
  channels: ['sms', 'email'],
  lat: 48.7794,
  lng: 2.3162,
  consent: { version: 'vvs-2026-03', accepted: true },
  ...overrides,
});

async function postMember<T = Record<string, unknown>>(body: string | Record<string, unknown>, as: TestPartner = partner, secret = as.secret) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${t.base}/api/intake/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PARTNER_HEADER]: as.id, [SIGNATURE_HEADER]: signPayload(secret, raw) },
    body: raw,
  });
  return readAnswer<T>(res);
}

const poll = async (after = 0) => {
  const target = `/api/intake/events?after=${after}`;
  const res = await fetch(t.base + target, { headers: { [PARTNER_HEADER]: partner.id, [SIGNATURE_HEADER]: signPayload(partner.secret, target) } });
  return (await res.json()) as { events: Array<{ type: string; external_id: string; status: string }>; last_id: number };
};

beforeAll(async () => {
  t = await startTestServer();
  sectorId = await createSector(t.sql);
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
  partner = await createPartner(t);
});
afterAll(async () => {
  await t?.stop();
});

describe('POST /api/intake/members (partner sync)', () => {
  it('creates a member for review, answers the same body with 200 and another body with 422', async () => {
    const body = member();
    const created = await postMember<{ id: number; status: string }>(body);
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending_review');
    const shown = await townhall.json<Record<string, unknown>>('GET', `/api/members/${created.body.id}`);
    expect(shown.body).toMatchObject({ source: 'partner', partner_id: partner.id, external_id: body.external_id, email: 'nadia.haddad@example.fr', phone: '+33612345678', neighbourhood_id: sectorId });

    // Same content, other spelling: a retry.
    const retry = await postMember<{ id: number }>(JSON.stringify({ ...body, email: 'nadia.haddad@example.fr', phone: '06 12 34 56 78', channels: ['email', 'sms'] }, null, 2));
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(created.body.id);
    const conflicting = await postMember<{ errors: Record<string, string> }>({ ...body, full_name: 'Quelqu’un d’autre' });
    expect(conflicting.status).toBe(422);
    expect(conflicting.body.errors.external_id).toBeDefined();
    const [{ n }] = (await t.sql`select count(*)::int as n from members where external_id = ${body.external_id}`) as unknown as [{ n: number }];
    expect(n).toBe(1);
  });

  it('refuses a bad signature, an unknown partner and invalid fields', async () => {
    const body = member();
    expect((await postMember(body, partner, 'not-the-secret')).status).toBe(401);
    expect((await postMember(body, { id: 'nobody', secret: 'x' })).status).toBe(401);
    const invalid = await postMember<{ errors: Record<string, string> }>(member({ phone: '01 45 67 89 10', channels: ['sms'], extra: 1 }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.extra).toBe('Champ inconnu.');
    const contacts = await postMember<{ errors: Record<string, string> }>(member({ phone: '01 45 67 89 10', channels: ['sms'] }));
    expect(contacts.status).toBe(400);
    expect(contacts.body.errors.phone).toContain('mobile');
    expect((await postMember('{"external_id":')).status).toBe(400);
  });

  it('sends the decisions back as member events, polled and by webhook', async () => {
    const body = member();
    const { body: created } = await postMember<{ id: number }>(body);
    const start = (await poll()).last_id;
    expect((await townhall.json('POST', `/api/members/${created.id}/approve`)).status).toBe(200);
    expect((await townhall.json('POST', `/api/members/${created.id}/suspend`, { reason: 'abuse' })).status).toBe(200);
    const polled = await poll(start);
    expect(polled.events.map((e) => [e.type, e.external_id, e.status])).toEqual([
      ['member.approved', body.external_id, 'approved'],
      ['member.suspended', body.external_id, 'suspended'],
    ]);

    // The webhook channel carries the same events to a real receiver on loopback.
    const received: Array<{ body: string; valid: string }> = [];
    const receiver: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        received.push({ body: raw.toString(), valid: verifySignature(req.headers['x-vigie-signature'] as string, raw, [Buffer.from(hooked.secret)]) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hooked = await createPartner(t);
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      expect((await (await adminClient(t)).json('PUT', `/api/partners/${hooked.id}`, { webhook_url: url })).status).toBe(200);
      const other = member();
      const { body: theirs } = await postMember<{ id: number }>(other, hooked);
      await townhall.json('POST', `/api/members/${theirs.id}/reject`, { reason: 'duplicate' });
      await deliverDueWebhooks(t.running.deps);
      const events = received.flatMap((r) => (JSON.parse(r.body) as { events: Array<{ type: string; external_id: string }> }).events);
      expect(events.map((e) => [e.type, e.external_id])).toContainEqual(['member.rejected', other.external_id]);
      expect(received.every((r) => r.valid === 'valid')).toBe(true);
    } finally {
      receiver.close();
    }
  });

  it("links a report whose reporter names a member of that partner", async () => {
    const body = member();
    const { body: created } = await postMember<{ id: number }>(body);
    const report = await postIntake<{ id: number }>(t.base, partner, validPayload({ reporter: { member_external_id: body.external_id, name: 'Nadia Haddad' } }));
    expect(report.status).toBe(201);
    const [row] = await t.sql`select member_id from reports where id = ${report.body.id}`;
    expect(row!.member_id).toBe(created.id);
  });
});
