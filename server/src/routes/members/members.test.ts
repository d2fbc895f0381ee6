import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { createPartner } from '../intake/testing.ts';

let t: TestServer;
let townhall: Client;
let supervisor: Client;
let townhallName: string;
let sectorId: number;

type Member = Record<string, unknown> & { id: number; status: string };

let seq = 0;
const desk = (overrides: Record<string, unknown> = {}) => {
  seq++;
  return {
    kind: 'self',
    full_name: `Hélène Dufresne ${seq}`,
    address: `${seq} rue de la Bièvre, 92340 Bourg-la-Reine`,
    email: `helene.dufresne${seq}@example.fr`,
    phone: `06 11 22 33 ${String(seq).padStart(2, '0')}`,
    channels: ['sms', 'email'],
    lat: 48.78,
    lng: 2.316,
    consent: { version: '2026-11', accepted: true },
    ...overrides,
  };
};
const filter = (f: Record<string, unknown>) => `/api/members?filter=${encodeURIComponent(JSON.stringify(f))}&range=${encodeURIComponent('[0,99]')}`;
const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
const register = async (overrides: Record<string, unknown> = {}) => {
  const res = await townhall.json<Member>('POST', '/api/members', desk(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

beforeAll(async () => {
  t = await startTestServer();
  sectorId = await createSector(t.sql);
  const staff = await createStaff(t.sql, 'townhall');
  const [row] = await t.sql<{ full_name: string }[]>`select full_name from staff where id = ${staff.id}`;
  townhallName = row!.full_name;
  townhall = await signIn(t.base, staff.email);
  supervisor = await signIn(t.base, (await createStaff(t.sql, 'supervisor')).email);
});
afterAll(async () => {
  await t?.stop();
});

describe('desk registration (POST /api/members)', () => {
  it('registers someone on behalf, confirmed, in the review queue, located in its sector', async () => {
    const member = await register({ kind: 'on_behalf', registrant: { full_name: 'Paul Dufresne', relation: 'fils' } });
    expect(member).toMatchObject({ kind: 'on_behalf', status: 'pending_review', source: 'desk', phone: expect.stringMatching(/^\+336112233/), neighbourhood_id: sectorId, out_of_area: false, registrant_name: 'Paul Dufresne', consent_version: '2026-11' });
    expect(member.confirmed_at).not.toBeNull();
    const [entry] = await t.sql`select action, record_id from audit_log where resource = 'members' and action = 'create' order by id desc limit 1`;
    expect(entry).toEqual({ action: 'create', record_id: String(member.id) });
  });

  it('registers someone without e-mail who wants SMS, and refuses a landline for SMS', async () => {
    expect((await register({ email: null, channels: ['sms'] })).email).toBeNull();
    const res = await townhall.json<{ errors: Record<string, string> }>('POST', '/api/members', desk({ phone: '01 46 61 00 00', channels: ['sms'] }));
    expect(res.status).toBe(400);
    expect(res.body.errors.phone).toContain('mobile');
  });
});

describe('GET /api/members', () => {
  it('filters by status, kind, source, channel, sector, dates and q, with Content-Range and getMany', async () => {
    const a = await register({ full_name: 'Gérard Lefèvre', email: 'g.lefevre@example.fr', channels: ['email'], phone: null });
    const b = await register({ kind: 'on_behalf', registrant: { full_name: 'X', relation: 'voisin' }, channels: ['sms'], email: null, phone: '07 55 44 33 22' });
    const list = await townhall.json<Member[]>('GET', `/api/members?range=${encodeURIComponent('[0,1]')}`);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toMatch(/^members 0-1\/\d+$/);

    expect(ids((await townhall.json<Member[]>('GET', filter({ q: 'lefevre' }))).body)).toEqual([a.id]);
    expect(ids((await townhall.json<Member[]>('GET', filter({ q: 'Gérard LEF' }))).body)).toEqual([a.id]);
    expect(ids((await townhall.json<Member[]>('GET', filter({ q: 'g.lefevre@example' }))).body)).toEqual([a.id]);
    // The start of an address, typed in capitals or cut at the @; LIKE's wildcards are plain characters.
    expect(ids((await townhall.json<Member[]>('GET', filter({ q: 'G.LEFEVRE@' }))).body)).toEqual([a.id]);
    expect((await townhall.json<Member[]>('GET', filter({ q: 'g_lefevre@' }))).body).toEqual([]);
    expect((await townhall.json<Member[]>('GET', filter({ q: '%lefevre@' }))).body).toEqual([]);
    expect(ids((await townhall.json<Member[]>('GET', filter({ q: 'g.lefevre@example.fr\u{10FFFF}' }))).body)).toEqual([]);
    expect(ids((await townhall.json<Member[]>('GET', filter({ q: '07 55 44 33 22' }))).body)).toEqual([b.id]);
    expect(ids((await townhall.json<Member[]>('GET', filter({ q: '+33755443322' }))).body)).toEqual([b.id]);
    expect((await townhall.json<Member[]>('GET', filter({ q: '%' }))).body).toEqual([]);

    const onBehalf = ids((await townhall.json<Member[]>('GET', filter({ kind: 'on_behalf', channel: 'sms' }))).body);
    expect(onBehalf).toContain(b.id);
    expect(onBehalf).not.toContain(a.id);
    expect(ids((await townhall.json<Member[]>('GET', filter({ channel: ['email'] }))).body)).not.toContain(b.id);
    expect(ids((await townhall.json<Member[]>('GET', filter({ source: 'desk', status: 'pending_review', neighbourhood_id: sectorId }))).body)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await townhall.json<Member[]>('GET', filter({ source: 'partner' }))).body).toEqual([]);
    expect((await townhall.json<Member[]>('GET', filter({ created_at_lte: '2000-01-01' }))).body).toEqual([]);
    expect(ids((await townhall.json<Member[]>('GET', filter({ created_at_gte: new Date(Date.now() - 3_600_000).toISOString() }))).body)).toContain(a.id);
    expect(ids((await townhall.json<Member[]>('GET', filter({ id: [a.id, b.id] }))).body).sort()).toEqual([a.id, b.id].sort());

    const badSort = await townhall.json('GET', `/api/members?sort=${encodeURIComponent('["email","ASC"]')}`);
    expect(badSort.status).toBe(400);
    const badFilter = await townhall.json('GET', filter({ status: 'active' }));
    expect(badFilter.status).toBe(400);
  });

  it('audits every show as a read of personal data', async () => {
    const member = await register();
    const res = await townhall.json<Member>('GET', `/api/members/${member.id}`);
    expect(res.status).toBe(200);
    expect(res.body.full_name).toBe(member.full_name);
    const [entry] = await t.sql`select action from audit_log where resource = 'members' and record_id = ${String(member.id)} order by id desc limit 1`;
    expect(entry!.action).toBe('read_personal_data');
    expect((await townhall.json('GET', '/api/members/999999')).status).toBe(404);
  });
});

describe('review queue checks', () => {
  it('flags possible duplicates (same e-mail, same phone, same address and name), throwaway e-mails and unconfirmed relatives', async () => {
    const first = await register({ full_name: 'Jacques Vernier', email: 'j.vernier@example.fr', phone: '06 70 80 90 10', address: '7 allée des Cèdres' });
    const sameEmail = await register({ full_name: 'J. Vernier', email: 'J.Vernier@example.fr', phone: null, channels: ['email'], address: 'ailleurs 1' });
    const samePhone = await register({ full_name: 'Autre Nom', email: 'autre@example.fr', phone: '+33670809010', address: 'ailleurs 2' });
    const family = await register({ full_name: 'Marie Vernier', email: 'marie.v@example.fr', phone: null, channels: ['email'], address: '7 ALLÉE DES CÈDRES' });
    const neighbour = await register({ full_name: 'Sophie Blanc', email: 's.blanc@example.fr', phone: null, channels: ['email'], address: '7 allée des cèdres' });
    const throwaway = await register({ email: 'bot@yopmail.com', phone: null, channels: ['email'] });
    const senior = await register({ kind: 'senior', channels: [], relatives: [{ full_name: 'Fils', relation: 'fils', email: 'fils.v@example.fr', channels: ['email'] }] });

    // Another household at one address written differently: accents, case and punctuation aside.
    const egalite = await register({ full_name: 'Léa Moreau', email: 'lea.m@example.fr', phone: null, channels: ['email'], address: "12, Rue de l'Égalité" });
    const egaliteAgain = await register({ full_name: 'lea MOREAU-Petit', email: 'lmp@example.fr', phone: null, channels: ['email'], address: 'rue de l egalite 12' });
    const egaliteSame = await register({ full_name: 'Lea Moreau', email: 'lea.m2@example.fr', phone: null, channels: ['email'], address: '12 rue de l egalite' });

    type Checked = Member & { duplicates: Array<{ id: number; full_name: string; status: string; reason: string }>; disposable_email: boolean; unconfirmed_relatives: number };
    const page = await townhall.json<Checked[]>(
      'GET', filter({ id: [first.id, sameEmail.id, samePhone.id, family.id, neighbour.id, throwaway.id, senior.id, egalite.id, egaliteAgain.id, egaliteSame.id] }));
    const byId = new Map(page.body.map((m) => [m.id, m]));
    const dupIds = (id: number) => byId.get(id)!.duplicates.map((d) => d.id);
    expect(dupIds(first.id)).toEqual([sameEmail.id, samePhone.id, family.id]);
    // The other record is shown (name, status) with the reason, so the clerk need not open it.
    expect(byId.get(first.id)!.duplicates).toEqual([
      { id: sameEmail.id, full_name: 'J. Vernier', status: 'pending_review', reason: 'email' },
      { id: samePhone.id, full_name: 'Autre Nom', status: 'pending_review', reason: 'phone' },
      { id: family.id, full_name: 'Marie Vernier', status: 'pending_review', reason: 'name_address' },
    ]);
    expect(dupIds(sameEmail.id)).toEqual([first.id]);
    expect(dupIds(neighbour.id)).toEqual([]);
    expect(dupIds(egalite.id)).toEqual([egaliteSame.id]);
    expect(dupIds(egaliteSame.id)).toEqual([egalite.id]);
    // Another word order is another address: « rue de l egalite 12 » is not matched (the key keeps order).
    expect(dupIds(egaliteAgain.id)).toEqual([]);
    expect(byId.get(throwaway.id)!.disposable_email).toBe(true);
    expect(byId.get(first.id)!.disposable_email).toBe(false);
    expect(byId.get(senior.id)!.unconfirmed_relatives).toBe(1);
    const shown = await townhall.json<Checked>('GET', `/api/members/${family.id}`);
    expect(shown.body.duplicates.map((d) => d.id)).toEqual([first.id]);

    // An erased record is nobody's duplicate any more.
    expect((await townhall.json('POST', `/api/members/${egaliteSame.id}/erase`)).status).toBe(200);
    const after = await townhall.json<Checked>('GET', `/api/members/${egalite.id}`);
    expect(after.body.duplicates).toEqual([]);
  });
});

describe('PUT /api/members/:id', () => {
  it('corrects contacts and channels, normalised, with a history line', async () => {
    const member = await register();
    const res = await townhall.json<Member>('PUT', `/api/members/${member.id}`, { ...member, email: ' Nouveau@Example.FR ', phone: '+33 7 81 11 22 33', channels: ['email'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ email: 'nouveau@example.fr', phone: '+33781112233', channels: ['email'] });
    await t.sql`update members set geocode_score = 0.9 where id = ${member.id}`;
    const unchanged = await townhall.json<Member>('PUT', `/api/members/${member.id}`, { ...res.body });
    expect(unchanged.body).toMatchObject({ lat: 48.78, lng: 2.316, neighbourhood_id: sectorId });
    const [{ geocode_score }] = (await t.sql`select geocode_score from members where id = ${member.id}`) as unknown as [{ geocode_score: number }];
    expect(geocode_score).toBeCloseTo(0.9);
    const moved = await townhall.json<Member>('PUT', `/api/members/${member.id}`, { ...res.body, lat: 48.5, lng: 2.5 });
    expect(moved.body).toMatchObject({ lat: 48.5, lng: 2.5, neighbourhood_id: null, out_of_area: true });
    const bad = await townhall.json<{ errors: Record<string, string> }>('PUT', `/api/members/${member.id}`, { email: null, channels: ['email'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.email).toBeDefined();
    const history = await townhall.json<Array<{ action: string; staff_name: string }>>('GET', `/api/member_events?filter=${encodeURIComponent(JSON.stringify({ member_id: member.id }))}`);
    expect(history.body.map((e) => [e.action, e.staff_name])).toEqual([['registered', townhallName], ['update', townhallName], ['update', townhallName], ['update', townhallName]]);
  });
});

describe('decisions reach the resident through their own channels (members/notify.ts)', () => {
  const messages = (memberId: number) =>
    t.sql<{ channel: string; to: string; kind: string; relative_id: number | null; body: string }[]>`
      select channel, "to", kind, relative_id, body from outbox_messages where member_id = ${memberId} and kind = 'member_decision' order by id`;

  it('e-mails and texts a resident who chose both, texts one with a mobile only, and honours an opt-out', async () => {
    const both = await register();
    const smsOnly = await register({ email: null, channels: ['sms'] });
    const optedOut = await register();
    await t.sql`update members set sms_opt_out_at = now() where id = ${optedOut.id}`;
    for (const m of [both, smsOnly, optedOut]) expect((await townhall.json('POST', `/api/members/${m.id}/approve`)).status).toBe(200);
    expect((await messages(both.id)).map((m) => [m.channel, m.to])).toEqual([['email', both.email], ['sms', both.phone]]);
    expect((await messages(smsOnly.id)).map((m) => [m.channel, m.to])).toEqual([['sms', smsOnly.phone]]);
    expect((await messages(smsOnly.id))[0]!.body).toContain('validée');
    expect((await messages(optedOut.id)).map((m) => m.channel)).toEqual(['email']);
  });

  it("tells a senior's relatives, each through their own channels, in words meant for them", async () => {
    const senior = await register({
      kind: 'senior', email: null, phone: null, channels: [],
      relatives: [
        { full_name: 'Anne Proche', relation: 'fille', email: 'anne.proche@example.fr', channels: ['email'] },
        { full_name: 'Marc Proche', relation: 'fils', phone: '06 98 76 54 32', channels: ['sms'] },
      ],
    });
    expect((await townhall.json('POST', `/api/members/${senior.id}/reject`, { reason: 'outside_commune' })).status).toBe(200);
    const sent = await messages(senior.id);
    expect(sent.map((m) => [m.channel, m.to, m.relative_id !== null])).toEqual([
      ['email', 'anne.proche@example.fr', true],
      ['sms', '+33698765432', true],
    ]);
    expect(sent[0]!.body).toContain('dont vous êtes le proche');
  });
});

describe('POST /api/members/:id/request_proof', () => {
  it('asks the resident for a proof of address through the outbox, keeps it in the history and shows it in the queue', async () => {
    const member = await register();
    const res = await townhall.json<Member & { proof_requested_at: string | null }>('POST', `/api/members/${member.id}/request_proof`, { note: 'Une facture suffit.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.proof_requested_at).not.toBeNull();
    const sent = await t.sql<{ channel: string; subject: string | null; body: string }[]>`
      select channel, subject, body from outbox_messages where member_id = ${member.id} and kind = 'member_proof_request' order by id`;
    expect(sent.map((m) => m.channel)).toEqual(['email', 'sms']);
    expect(sent[0]!.subject).toContain('Justificatif de domicile');
    expect(sent[0]!.body).toContain('Précision : Une facture suffit.');
    const [event] = await t.sql`select action, note from member_events where member_id = ${member.id} order by id desc limit 1`;
    expect(event).toEqual({ action: 'proof_requested', note: 'Une facture suffit.' });
    const [entry] = await t.sql`select action from audit_log where resource = 'members' and record_id = ${String(member.id)} order by id desc limit 1`;
    expect(entry!.action).toBe('request_proof');
    const queue = await townhall.json<Array<{ id: number; proof_requested_at: string | null }>>('GET', filter({ id: [member.id], status: 'pending_review' }));
    expect(queue.body[0]!.proof_requested_at).not.toBeNull();
    // Without a body, as the dashboard sends it when the clerk adds nothing.
    expect((await townhall.json('POST', `/api/members/${member.id}/request_proof`)).status).toBe(200);
  });

  it('answers 409 once the registration is decided, 404 for an unknown member, 403 to a supervisor', async () => {
    const member = await register();
    await townhall.json('POST', `/api/members/${member.id}/approve`);
    const late = await townhall.json<{ message: string }>('POST', `/api/members/${member.id}/request_proof`, {});
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('validé');
    expect((await townhall.json('POST', '/api/members/999999/request_proof', {})).status).toBe(404);
    expect((await supervisor.json('POST', `/api/members/${member.id}/request_proof`, {})).status).toBe(403);
  });
});

describe('member actions', () => {
  it('walks every transition, answers 409 otherwise, and e-mails each decision', async () => {
    const member = await register();
    const post = (action: string, body?: unknown) => townhall.json<Member & { message?: string }>('POST', `/api/members/${member.id}/${action}`, body);

    expect((await post('reinstate')).status).toBe(409);
    const approved = await post('approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decided_by_name: townhallName });
    const again = await post('approve');
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('validé');
    expect((await post('reject', { reason: 'duplicate' })).status).toBe(409);
    expect((await post('suspend', {})).status).toBe(400);
    expect((await post('suspend', { reason: 'abuse', note: 'Messages insultants' })).body).toMatchObject({ status: 'suspended', decision_reason: 'abuse' });
    expect((await post('reinstate')).body.status).toBe('approved');
    expect((await post('ban', { reason: 'abuse' })).body.status).toBe('banned');
    expect((await post('approve')).status).toBe(409);

    const mails = await t.sql<{ subject: string; kind: string }[]>`select subject, kind from outbox_messages where member_id = ${member.id} and channel = 'email' order by id`;
    expect(mails.map((m) => m.kind)).toEqual(['member_decision', 'member_decision', 'member_decision', 'member_decision']);
    expect(mails.map((m) => m.subject)).toEqual(['Votre inscription est validée', 'Votre participation est suspendue', 'Votre participation est rétablie', 'Votre participation a pris fin']);
    const audits = await t.sql<{ action: string }[]>`select action from audit_log where resource = 'members' and record_id = ${String(member.id)} and action <> 'read_personal_data' order by id`;
    expect(audits.map((a) => a.action)).toEqual(['create', 'approve', 'suspend', 'reinstate', 'ban']);
    const history = await t.sql`select action, from_status, to_status, reason from member_events where member_id = ${member.id} order by id`;
    expect(history.slice(1).map((e) => [e.action, e.from_status, e.to_status])).toEqual([
      ['approve', 'pending_review', 'approved'], ['suspend', 'approved', 'suspended'], ['reinstate', 'suspended', 'approved'], ['ban', 'approved', 'banned'],
    ]);
  });

  it('tells a rejected resident the reason in words', async () => {
    const member = await register();
    const res = await townhall.json<Member>('POST', `/api/members/${member.id}/reject`, { reason: 'outside_commune', note: 'Adresse à Sceaux.' });
    expect(res.body.status).toBe('rejected');
    const [mail] = await t.sql<{ to: string; body: string }[]>`select "to", body from outbox_messages where member_id = ${member.id} and kind = 'member_decision'`;
    expect(mail!.to).toBe(member.email);
    expect(mail!.body).toContain('en dehors de la commune');
    expect(mail!.body).toContain('Adresse à Sceaux.');
    const unknown = await townhall.json<{ errors: Record<string, string> }>('POST', `/api/members/${member.id}/ban`, { reason: 'parce que' });
    expect(unknown.status).toBe(400);
  });

  it('approves in bulk, answering each id on its own', async () => {
    const a = await register();
    const b = await register();
    await townhall.json('POST', `/api/members/${b.id}/approve`);
    const res = await townhall.json<{ results: Array<{ id: number; status: string; http_status: number; record: Member | null }> }>('POST', '/api/members/approve', { ids: [a.id, b.id, 999999] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.id, r.status, r.http_status])).toEqual([[a.id, 'approved', 200], [b.id, 'error', 409], [999999, 'error', 404]]);
    expect(res.body.results[0]!.record!.status).toBe('approved');
    expect((await townhall.json('POST', '/api/members/approve', { ids: [] })).status).toBe(400);
  });
});

describe('RGPD', () => {
  it('exports everything held about a member, audited', async () => {
    const member = await register({ kind: 'senior', relatives: [{ full_name: 'Claire Dufresne', relation: 'fille', email: 'claire.d@example.fr', channels: ['email'] }] });
    await t.sql`insert into reports (category, description, lat, lng, source, member_id, reporter_name, reporter_phone)
                values ('other', 'Test', 48.78, 2.316, 'phone', ${member.id}, ${member.full_name as string}, ${member.phone as string})`;
    const res = await townhall.json<{ member: Member; relatives: unknown[]; history: unknown[]; messages: Array<{ to: string }>; reports: Array<{ reporter_name: string }> }>('GET', `/api/members/${member.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`membre-${member.id}.json`);
    expect(res.body.member.full_name).toBe(member.full_name);
    expect(res.body.relatives).toHaveLength(1);
    expect(res.body.messages.map((m) => m.to)).toContain('claire.d@example.fr');
    expect(res.body.reports[0]!.reporter_name).toBe(member.full_name);
    expect(res.body.history.length).toBeGreaterThanOrEqual(1);
    const [entry] = await t.sql`select action from audit_log where resource = 'members' and record_id = ${String(member.id)} order by id desc limit 1`;
    expect(entry!.action).toBe('export');
  });

  it('erases a member so that no personal value is left in any text column of any table', async () => {
    const name = 'Bérénice Zanzibar';
    const email = 'berenice.zanzibar@example.fr';
    const relativeName = 'Octave Zanzibar';
    const relativeEmail = 'octave.zanzibar@example.fr';
    const member = await register({
      kind: 'senior', full_name: name, email, phone: '06 99 88 77 66', address: '99 boulevard Zanzibar',
      relatives: [{ full_name: relativeName, relation: 'petit-fils', email: relativeEmail, phone: '06 55 66 77 88', channels: ['email', 'sms'] }],
    });
    await townhall.json('PUT', `/api/members/${member.id}`, { full_name: name });
    await townhall.json('POST', `/api/members/${member.id}/approve`);
    await t.sql`insert into reports (category, description, lat, lng, source, member_id, reporter_name, reporter_phone)
                values ('other', 'Bruit', 48.78, 2.316, 'phone', ${member.id}, ${name}, '+33699887766')`;
    // Their posts on the residents' platform, a report about one, and a report they wrote about someone else's.
    const partner = await createPartner(t);
    await t.sql`update members set partner_id = ${partner.id}, external_id = 'zanzi-1' where id = ${member.id}`;
    const [own] = await t.sql<{ id: number }[]>`
      insert into posts (partner_id, external_id, member_id, kind, title, body, intake_hash, hidden_reason, status)
      values (${partner.id}, 'post-zanzi', ${member.id}, 'small_ad', 'Vélo de Bérénice Zanzibar', 'Appelez le 06 99 88 77 66 ou berenice.zanzibar@example.fr',
              decode('ab', 'hex'), 'Numéro de Zanzibar en clair', 'hidden') returning id`;
    await t.sql`insert into post_reports (post_id, reporter_external_id, reason) values (${own!.id}, 'voisin-1', 'Madame Zanzibar vend sans arrêt')`;
    await t.sql`insert into members (full_name, address, status, source, partner_id, external_id, channels)
                values ('Voisin Autre', '1 rue Ravon', 'approved', 'partner', ${partner.id}, 'voisin-2', '{}')`;
    const [other] = await t.sql<{ id: number }[]>`
      insert into posts (partner_id, external_id, member_id, kind, title, body, intake_hash)
      values (${partner.id}, 'post-voisin', (select id from members where external_id = 'voisin-2'), 'help_offer', 'Aide aux courses', 'Le samedi', decode('cd', 'hex')) returning id`;
    await t.sql`insert into post_reports (post_id, reporter_external_id, reason) values (${other!.id}, 'zanzi-1', 'Signalé par Bérénice Zanzibar')`;
    const exported = await townhall.json<{ posts: Array<{ title: string }>; post_reports: Array<{ reason: string }> }>('GET', `/api/members/${member.id}/export`);
    expect(exported.body.posts.map((p) => p.title)).toEqual(['Vélo de Bérénice Zanzibar']);
    expect(exported.body.post_reports.map((r) => r.reason)).toEqual(['Signalé par Bérénice Zanzibar']);

    const erased = await townhall.json<Member>('POST', `/api/members/${member.id}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ status: 'erased', full_name: null, email: null, phone: null, address: null, neighbourhood_id: sectorId });
    expect(erased.body.erased_at).not.toBeNull();

    const needles = [name, email, '+33699887766', '0699887766', 'Zanzibar', relativeEmail, '+33655667788'];
    const columns = await t.sql<{ table_name: string; column_name: string }[]>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'tsvector', 'ARRAY')`;
    expect(columns.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      for (const needle of needles) {
        const [hit] = await t.sql`select 1 from ${t.sql(table_name)} where ${t.sql(column_name)}::text ilike ${'%' + needle + '%'} limit 1`;
        if (hit) found.push(`${table_name}.${column_name} holds ${needle}`);
      }
    }
    expect(found).toEqual([]);
    // What is not personal stays: the report and its history, the member's own history.
    const [post] = await t.sql`select kind, status, external_id from posts where id = ${own!.id}`;
    expect(post).toEqual({ kind: 'small_ad', status: 'hidden', external_id: 'post-zanzi' });
    const [report] = await t.sql`select member_id, description from reports where member_id = ${member.id}`;
    expect(report).toEqual({ member_id: member.id, description: 'Bruit' });
    const unsent = await t.sql`select status from outbox_messages where member_id = ${member.id} or relative_id is not null and "to" = 'effacé'`;
    expect(unsent.length).toBeGreaterThan(0);
    expect(unsent.every((m) => m.status === 'dead')).toBe(true); // queued ones will never go to the blanked address
    expect((await townhall.json('POST', `/api/members/${member.id}/erase`)).status).toBe(409);
    expect((await townhall.json('PUT', `/api/members/${member.id}`, { full_name: 'Retour' })).status).toBe(409);
  });
});

describe('relatives and outbox messages', () => {
  it("adds relatives to seniors only, at most five, each asked to confirm their contacts", async () => {
    const self = await register();
    const refused = await townhall.json('POST', '/api/relatives', { member_id: self.id, full_name: 'A', relation: 'fils', email: 'a@example.fr', channels: ['email'] });
    expect(refused.status).toBe(409);
    const senior = await register({ kind: 'senior', channels: [], relatives: [{ full_name: 'Un', relation: 'fils', email: 'un@example.fr', channels: ['email'] }] });
    const added = await townhall.json<{ id: number; phone: string }>('POST', '/api/relatives', { member_id: senior.id, full_name: 'Deux', relation: 'fille', phone: '0612121212', channels: ['sms'] });
    expect(added.status).toBe(201);
    expect(added.body.phone).toBe('+33612121212');
    const [sms] = await t.sql`select channel, kind from outbox_messages where relative_id = ${added.body.id}`;
    expect(sms).toEqual({ channel: 'sms', kind: 'relative_confirmation' });
    const edited = await townhall.json<{ confirmed_at: string | null; email: string }>('PUT', `/api/relatives/${added.body.id}`, { email: 'Deux@Example.fr', channels: ['sms', 'email'] });
    expect(edited.body.email).toBe('deux@example.fr');
  });

  it('lets the town hall and the supervisor browse messages by member, audited', async () => {
    const member = await register();
    await townhall.json('POST', `/api/members/${member.id}/approve`);
    for (const who of [townhall, supervisor]) {
      const res = await who.json<Array<{ id: number; kind: string; to: string; status: string }>>('GET', `/api/outbox_messages?filter=${encodeURIComponent(JSON.stringify({ member_id: member.id, channel: 'email' }))}`);
      expect(res.status).toBe(200);
      expect(res.body.map((m) => [m.kind, m.to, m.status])).toEqual([['member_decision', member.email, 'queued']]);
      expect((await who.json('GET', `/api/outbox_messages/${res.body[0]!.id}`)).status).toBe(200);
    }
    const [{ n }] = (await t.sql`select count(*)::int as n from audit_log where resource = 'outbox_messages' and action = 'read_personal_data'`) as unknown as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(4);
  });
});
