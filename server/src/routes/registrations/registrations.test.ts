import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let townhall: Client;
const anonymous = () => client(t.base);

let seq = 0;
const self = (overrides: Record<string, unknown> = {}) => ({
  kind: 'self',
  full_name: 'Élodie Marchand',
  address: '4 rue Ravon, 92340 Bourg-la-Reine',
  email: `Elodie.Marchand.${++seq}@Example.FR`,
  phone: '06 12 34 56 78',
  channels: ['sms', 'email'],
  consent: { version: '2026-11', accepted: true },
  ...overrides,
});

/** The token in the last message queued for this address, read from the link as the resident would. */
async function linkSentTo(to: string) {
  const [message] = await t.sql<{ body: string; kind: string }[]>`select body, kind from outbox_messages where "to" = ${to} order by id desc limit 1`;
  const url = message?.body.match(/https?:\/\/\S+\/inscription\/confirmer\?token=([\w-]+)/);
  if (!url) throw new Error(`no confirmation link sent to ${to}`);
  return { token: url[1]!, kind: message!.kind, url: url[0] };
}

const memberByEmail = async (email: string) => {
  const [row] = await t.sql<{ id: number; status: string; phone: string; email: string; source: string; consent_version: string; consent_at: Date | null; confirmed_at: Date | null }[]>`
    select id, status, phone, email, source, consent_version, consent_at, confirmed_at from members where email = ${email}`;
  return row;
};
const count = async (table: 'members' | 'relatives' | 'outbox_messages' | 'confirmation_tokens') => {
  const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from ${t.sql(table)}`;
  return row!.n;
};

beforeAll(async () => {
  t = await startTestServer();
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
});
beforeEach(async () => {
  await t.sql`delete from throttle`;
});
afterAll(async () => {
  await t?.stop();
});

describe('POST /api/public/registrations', () => {
  it('stores a self registration as pending_confirmation, normalised, and e-mails a confirmation link', async () => {
    const body = self();
    const res = await anonymous().json<{ message: string }>('POST', '/api/public/registrations', body);
    expect(res.status).toBe(202);
    const email = body.email.toLowerCase();
    const member = await memberByEmail(email);
    expect(member).toMatchObject({ status: 'pending_confirmation', phone: '+33612345678', source: 'public', consent_version: '2026-11', confirmed_at: null });
    expect(member!.consent_at).toBeInstanceOf(Date);
    const link = await linkSentTo(email);
    expect(link.kind).toBe('member_confirmation');
    expect(link.url.startsWith('http://vigie.test/inscription/confirmer?token=')).toBe(true);
    // Only the hash is stored.
    const [stored] = await t.sql<{ n: number }[]>`select count(*)::int as n from confirmation_tokens where token_hash = ${Buffer.from(link.token)}`;
    expect(stored!.n).toBe(0);
  });

  it('answers the same 202 for an address already registered', async () => {
    const body = self();
    const first = await anonymous().json('POST', '/api/public/registrations', body);
    const second = await anonymous().json('POST', '/api/public/registrations', body);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
  });

  it('keeps unconfirmed registrations out of the staff list and queue', async () => {
    const body = self();
    await anonymous().json('POST', '/api/public/registrations', body);
    const member = (await memberByEmail(body.email.toLowerCase()))!;
    const all = await townhall.json<Array<{ id: number }>>('GET', '/api/members');
    expect(all.body.map((m) => m.id)).not.toContain(member.id);
    const queue = await townhall.json<Array<{ id: number }>>('GET', `/api/members?filter=${encodeURIComponent('{"status":"pending_review"}')}`);
    expect(queue.body.map((m) => m.id)).not.toContain(member.id);
    const asked = await townhall.json<Array<{ id: number }>>('GET', `/api/members?filter=${encodeURIComponent('{"status":"pending_confirmation"}')}`);
    expect(asked.body.map((m) => m.id)).toContain(member.id);
  });

  it('answers per-field French errors keyed like the body, and stores nothing', async () => {
    const before = [await count('members'), await count('relatives'), await count('outbox_messages')];
    const res = await anonymous().json<{ message: string; errors: Record<string, string> }>('POST', '/api/public/registrations', self({
      kind: 'senior',
      email: 'pas-une-adresse',
      phone: '01 45 67 89 10',
      channels: ['sms'],
      relatives: [
        { full_name: 'Paul', relation: 'fils', email: 'paul@example.fr', channels: ['email'] },
        { full_name: 'Anne', relation: 'fille', phone: '01 45 67 89 11', channels: ['sms'] },
        { full_name: 'Léa', relation: 'voisine', channels: ['email'] },
      ],
    }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toMatchObject({
      email: 'Adresse e-mail invalide.',
      phone: expect.stringContaining('mobile'),
      'relatives.1.phone': expect.stringContaining('mobile'),
      'relatives.2.email': expect.stringContaining('e-mail'),
    });
    expect(res.body.errors['relatives.0.email']).toBeUndefined();
    expect([await count('members'), await count('relatives'), await count('outbox_messages')]).toEqual(before);
  });

  it('refuses a missing consent, a senior without relatives and an on_behalf without registrant', async () => {
    const noConsent = await anonymous().json<{ errors: Record<string, string> }>('POST', '/api/public/registrations', self({ consent: { version: '2026-11', accepted: false } }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.errors['consent.accepted']).toBe('Le consentement est requis.');
    const senior = await anonymous().json<{ errors: Record<string, string> }>('POST', '/api/public/registrations', self({ kind: 'senior' }));
    expect(senior.body.errors.relatives).toContain('1 à 5 proches');
    const six = Array.from({ length: 6 }, (_, i) => ({ full_name: `Proche ${i}`, relation: 'ami', email: `p${i}@example.fr`, channels: ['email'] }));
    const tooMany = await anonymous().json<{ errors: Record<string, string> }>('POST', '/api/public/registrations', self({ kind: 'senior', relatives: six }));
    expect(tooMany.body.errors.relatives).toBe('5 proches au plus.');
    const onBehalf = await anonymous().json<{ errors: Record<string, string> }>('POST', '/api/public/registrations', self({ kind: 'on_behalf' }));
    expect(onBehalf.body.errors.registrant).toBeDefined();
    const unknown = await anonymous().json<{ errors: Record<string, string> }>('POST', '/api/public/registrations', self({ admin: true }));
    expect(unknown.body.errors.admin).toBe('Champ inconnu.');
  });

  it('answers 202 to a filled honeypot and stores nothing', async () => {
    const before = [await count('members'), await count('outbox_messages'), await count('confirmation_tokens')];
    const res = await anonymous().json('POST', '/api/public/registrations', self({ website: 'http://spam.example' }));
    expect(res.status).toBe(202);
    expect([await count('members'), await count('outbox_messages'), await count('confirmation_tokens')]).toEqual(before);
  });

  it('limits submissions per IP with 429 and Retry-After, valid or not', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await anonymous().request('POST', '/api/public/registrations', { body: i % 2 ? self() : { junk: true } });
      expect([202, 400]).toContain(res.status);
    }
    const before = await count('members');
    const refused = await anonymous().request('POST', '/api/public/registrations', { body: self() });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await count('members')).toBe(before);
  });
});

describe('POST /api/public/confirmations', () => {
  it('confirms only by POST: a prefetched GET of the link changes nothing', async () => {
    const body = self();
    await anonymous().json('POST', '/api/public/registrations', body);
    const email = body.email.toLowerCase();
    const { token } = await linkSentTo(email);
    const prefetch = await fetch(`${t.base}/api/public/confirmations?token=${token}`);
    // Not a public route for GET: deny by default answers before any handler could confirm.
    expect([401, 404]).toContain(prefetch.status);
    expect((await memberByEmail(email))!.status).toBe('pending_confirmation');

    const res = await anonymous().json<{ purpose: string }>('POST', '/api/public/confirmations', { token });
    expect(res.status).toBe(200);
    expect(res.body.purpose).toBe('member_email');
    const member = (await memberByEmail(email))!;
    expect(member.status).toBe('pending_review');
    expect(member.confirmed_at).toBeInstanceOf(Date);
    const queue = await townhall.json<Array<{ id: number }>>('GET', `/api/members?filter=${encodeURIComponent('{"status":"pending_review"}')}`);
    expect(queue.body.map((m) => m.id)).toContain(member.id);
  });

  it('answers 410 to a reused or expired link and 400 to an unknown one', async () => {
    const body = self();
    await anonymous().json('POST', '/api/public/registrations', body);
    const { token } = await linkSentTo(body.email.toLowerCase());
    expect((await anonymous().json('POST', '/api/public/confirmations', { token })).status).toBe(200);
    const reused = await anonymous().json<{ message: string }>('POST', '/api/public/confirmations', { token });
    expect(reused.status).toBe(410);
    expect(reused.body.message).toContain('déjà été utilisé');

    const other = self();
    await anonymous().json('POST', '/api/public/registrations', other);
    const expired = await linkSentTo(other.email.toLowerCase());
    const member = (await memberByEmail(other.email.toLowerCase()))!;
    await t.sql`update confirmation_tokens set expires_at = now() - interval '1 minute' where member_id = ${member.id}`;
    const late = await anonymous().json<{ message: string }>('POST', '/api/public/confirmations', { token: expired.token });
    expect(late.status).toBe(410);
    expect(late.body.message).toContain('expiré');
    expect((await memberByEmail(other.email.toLowerCase()))!.status).toBe('pending_confirmation');

    const unknown = await anonymous().json<{ errors: Record<string, string> }>('POST', '/api/public/confirmations', { token: 'x'.repeat(43) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.token).toBeDefined();
  });

  it("registers a senior whose relatives each confirm their own contacts once the senior's e-mail is confirmed", async () => {
    const claireEmail = `claire.${process.pid}@example.fr`;
    const body = self({
      kind: 'senior',
      phone: null,
      channels: [],
      relatives: [
        { full_name: 'Claire Bernard', relation: 'fille', email: claireEmail, channels: ['email'] },
        { full_name: 'Marc Bernard', relation: 'fils', phone: '07 81 23 45 67', channels: ['sms'] },
      ],
    });
    expect((await anonymous().json('POST', '/api/public/registrations', body)).status).toBe(202);
    const member = (await memberByEmail(body.email.toLowerCase()))!;
    const [{ n: early }] = (await t.sql`select count(*)::int as n from outbox_messages where kind = 'relative_confirmation' and member_id = ${member.id}`) as unknown as [{ n: number }];
    expect(early).toBe(0); // nobody else is written to before the registration is confirmed

    await anonymous().json('POST', '/api/public/confirmations', { token: (await linkSentTo(body.email.toLowerCase())).token });
    const claire = await linkSentTo(claireEmail);
    expect(claire.kind).toBe('relative_confirmation');
    const marc = await linkSentTo('+33781234567');
    expect(marc.kind).toBe('relative_confirmation');
    const res = await anonymous().json<{ purpose: string }>('POST', '/api/public/confirmations', { token: claire.token });
    expect(res.body.purpose).toBe('relative_contact');
    const relatives = await townhall.json<Array<{ full_name: string; phone: string | null; confirmed_at: string | null }>>(
      'GET', `/api/relatives?filter=${encodeURIComponent(JSON.stringify({ member_id: member.id }))}`);
    expect(relatives.body.map((r) => [r.full_name, r.phone, r.confirmed_at !== null])).toEqual([
      ['Claire Bernard', null, true],
      ['Marc Bernard', '+33781234567', false],
    ]);
    const history = await townhall.json<Array<{ action: string }>>('GET', `/api/member_events?filter=${encodeURIComponent(JSON.stringify({ member_id: member.id }))}`);
    expect(history.body.map((e) => e.action)).toEqual(['registered', 'confirmed', 'relative_confirmed']);
  });

  it('registers someone on behalf of a relative, keeping who registered them', async () => {
    const body = self({ kind: 'on_behalf', registrant: { full_name: 'Paul Martin', relation: 'fils', phone: '06 98 76 54 32' } });
    expect((await anonymous().json('POST', '/api/public/registrations', body)).status).toBe(202);
    const [row] = await t.sql`select kind, registrant_name, registrant_relation, registrant_phone from members where email = ${body.email.toLowerCase()}`;
    expect(row).toEqual({ kind: 'on_behalf', registrant_name: 'Paul Martin', registrant_relation: 'fils', registrant_phone: '+33698765432' });
  });
});

it('documents the members, public and partner routes in the OpenAPI document', async () => {
  const doc = await anonymous().json<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
  expect(doc.status).toBe(200);
  expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
    '/api/public/registrations', '/api/public/confirmations', '/api/intake/members',
    '/api/members', '/api/members/{id}', '/api/members/{id}/approve', '/api/members/{id}/reject', '/api/members/{id}/erase',
    '/api/members/{id}/export', '/api/members/approve', '/api/relatives', '/api/member_events', '/api/outbox_messages/{id}',
  ]));
});
