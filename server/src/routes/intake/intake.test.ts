import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, connectSocket, createSector, ORIGIN, createStaff, signIn, startTestServer, waitFor, type Client, type TestServer } from '../../test/harness.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER, signPayload } from './signature.ts';
import { adminClient, countReports, createPartner, postIntake, validPayload, type TestPartner } from './testing.ts';

let t: TestServer;
let officer: Client;
let partner: TestPartner;
let sectorId: number;
const sockets: Socket[] = [];
const now = () => Math.floor(Date.now() / 1000);

type Answer = { id: number; status: string; received_at: string };
type ErrorBody = { message: string; errors?: Record<string, string> };

beforeAll(async () => {
  t = await startTestServer();
  sectorId = await createSector(t.sql);
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  partner = await createPartner(t, { name: 'Voisins vigilants' });
  await t.sql`insert into members (partner_id, external_id, full_name, address) values (${partner.id}, 'membre-8841', 'Jeanne Martin', '12 rue de la République')`;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t?.stop();
});

describe('POST /api/intake/reports', () => {
  it('accepts a signed report: 201, listed for officers and pushed live as report:created', async () => {
    const socket = connectSocket(t.base, officer.cookie);
    sockets.push(socket);
    await connected(socket);
    const created = waitFor<{ event_id: number; record: Record<string, unknown> }>(socket, 'report:created');
    const payload = validPayload({ description: 'Deux individus regardent par-dessus les portails.', category: 'suspicious_person' });

    const res = await postIntake<Answer>(t.base, partner, payload);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'received_at', 'status']);
    expect(res.body.status).toBe('new');
    expect(new Date(res.body.received_at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const event = await created;
    expect(event.record).toMatchObject({
      id: res.body.id, source: 'platform', partner_id: partner.id, external_id: payload.external_id,
      category: 'suspicious_person', neighbourhood_id: sectorId, out_of_area: false,
    });
    const list = await officer.json<Array<Record<string, unknown>>>('GET', `/api/reports?filter=${encodeURIComponent(JSON.stringify({ source: 'platform' }))}`);
    expect(list.body.map((r) => r.id)).toContain(res.body.id);
    // The live record is the report as REST shows it, field for field, and so is the stored copy resync replays.
    const listed = list.body.find((r) => r.id === res.body.id);
    expect(event.record).toEqual(listed);
    const [stored_event] = await t.sql`select record from live_events where position = ${event.event_id}`;
    expect(stored_event!.record).toEqual(listed);
    expect(res.body.received_at).toBe(listed!.received_at);

    const detail = await officer.json<Record<string, unknown>>('GET', `/api/reports/${res.body.id}`);
    expect(detail.body).toMatchObject({ reporter_name: 'Mme Martin', reporter_phone: '+33 6 12 34 56 78', address: payload.address });
    const [member] = await t.sql`select id from members where external_id = 'membre-8841'`;
    expect(detail.body.member_id).toBe(member!.id);
    const [stored] = await t.sql`select occurred_at, intake_hash from reports where id = ${res.body.id}`;
    expect((stored!.occurred_at as Date).toISOString()).toBe(payload.occurred_at);
    expect((stored!.intake_hash as Buffer).length).toBe(32);
    const photos = await t.sql`select position, url from report_photos where report_id = ${res.body.id} order by position`;
    expect(photos.map((p) => [p.position, p.url])).toEqual([[1, 'https://photos.example.org/alerte/1.jpg']]);
    const events = await t.sql`select staff_id, action, to_value, note from report_events where report_id = ${res.body.id}`;
    expect(events).toEqual([{ staff_id: null, action: 'created', to_value: 'new', note: 'Reçu de Voisins vigilants' }]);
  });

  it('keeps an unknown member external id as reporter details only', async () => {
    const res = await postIntake<Answer>(t.base, partner, validPayload({ reporter: { member_external_id: 'inconnu-1', name: 'M. Durand' } }));
    expect(res.status).toBe(201);
    const [row] = await t.sql`select member_id, reporter_name, reporter_phone from reports where id = ${res.body.id}`;
    expect(row).toEqual({ member_id: null, reporter_name: 'M. Durand', reporter_phone: null });
    const bare = await postIntake<Answer>(t.base, partner, { external_id: `bare-${now()}`, category: 'other', description: 'Lampadaire éteint', lat: 48.7794, lng: 2.3162 });
    expect(bare.status).toBe(201);
  });

  it('flags a point outside the commune but accepts it', async () => {
    const res = await postIntake<Answer>(t.base, partner, validPayload({ lat: 48.9, lng: 2.4 }));
    expect(res.status).toBe(201);
    const detail = await officer.json<Record<string, unknown>>('GET', `/api/reports/${res.body.id}`);
    expect(detail.body).toMatchObject({ out_of_area: true, neighbourhood_id: null });
  });

  it('raises an alert describing a danger in progress to urgent (the emergency gate)', async () => {
    const res = await postIntake<Answer>(t.base, partner, validPayload({ category: 'burglary', description: 'Cambriolage en cours chez mes voisins, ils sont encore dans la maison' }));
    expect(res.status).toBe(201);
    const [row] = await t.sql`select priority, emergency from reports where id = ${res.body.id}`;
    expect(row).toEqual({ priority: 'urgent', emergency: true });
  });
});

describe('authentication', () => {
  it('answers the same generic 401 for a bad signature, missing headers, an unknown or disabled partner', async () => {
    const before = await countReports(t);
    const body = JSON.stringify(validPayload());
    const send = (headers: Record<string, string>) =>
      fetch(`${t.base}/api/intake/reports`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const good = { [PARTNER_HEADER]: partner.id, [SIGNATURE_HEADER]: signPayload(partner.secret, body) };
    const wrongBody = signPayload(partner.secret, `${body} `);
    const stranger = await createPartner(t);
    const disabled = await createPartner(t);
    expect((await (await adminClient(t)).json('PUT', `/api/partners/${disabled.id}`, { disabled: true })).status).toBe(200);

    const cases: Array<[string, Record<string, string>]> = [
      ['no headers', {}],
      ['no signature', { [PARTNER_HEADER]: partner.id }],
      ['no partner', { [SIGNATURE_HEADER]: good[SIGNATURE_HEADER]! }],
      ['signature of another body', { ...good, [SIGNATURE_HEADER]: wrongBody }],
      ["another partner's secret", { ...good, [SIGNATURE_HEADER]: signPayload(stranger.secret, body) }],
      ['garbage signature', { ...good, [SIGNATURE_HEADER]: 'not a signature' }],
      ['v1 missing', { ...good, [SIGNATURE_HEADER]: `t=${now()}` }],
      ['v1 not hex', { ...good, [SIGNATURE_HEADER]: `t=${now()},v1=${'z'.repeat(64)}` }],
      ['unknown partner', { ...good, [PARTNER_HEADER]: 'nobody-here' }],
      ['malformed partner id', { ...good, [PARTNER_HEADER]: '../../etc' }],
      ['disabled partner', { [PARTNER_HEADER]: disabled.id, [SIGNATURE_HEADER]: signPayload(disabled.secret, body) }],
      ['a session cookie is no substitute', { cookie: officer.cookie, origin: ORIGIN }],
    ];
    for (const [label, headers] of cases) {
      const res = await send(headers);
      expect(res.status, label).toBe(401);
      expect(await res.json(), label).toEqual({ message: 'Partenaire ou signature invalide.' });
    }
    expect((await send(good)).status).toBe(201);
    expect(await countReports(t)).toBe(before + 1);
  });

  it('refuses a replayed intake signature: t more than 300 s away, either way', async () => {
    const before = await countReports(t);
    // Computed just before sending, rounded away from now: 301 s it is, even if a second ticks meanwhile.
    const away = [() => Math.floor(Date.now() / 1000) - 301, () => Math.ceil(Date.now() / 1000) + 301, () => 0];
    for (const at of away) {
      const res = await postIntake<ErrorBody>(t.base, partner, validPayload(), { t: at() });
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/hors délai/);
    }
    expect(await countReports(t)).toBe(before);
    expect((await postIntake(t.base, partner, validPayload(), { t: now() - 290 })).status).toBe(201);
  });

  it('verifies any of several v1 values, as Stripe does during a secret roll-out', async () => {
    const body = JSON.stringify(validPayload());
    const ts = now();
    const mine = signPayload(partner.secret, body, ts).split(',')[1]!;
    const res = await fetch(`${t.base}/api/intake/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PARTNER_HEADER]: partner.id, [SIGNATURE_HEADER]: `t=${ts},v1=${'0'.repeat(64)},${mine}` },
      body,
    });
    expect(res.status).toBe(201);
  });
});

describe('idempotency', () => {
  it('answers 200 with the same id to an identical replay (new t, new signature, other key order and spacing)', async () => {
    const payload = validPayload();
    const first = await postIntake<Answer>(t.base, partner, payload);
    expect(first.status).toBe(201);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(payload).reverse()), null, 2);
    const again = await postIntake<Answer>(t.base, partner, reordered, { t: now() - 5 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // The same instant written with another offset is the same report.
    const dated = validPayload({ occurred_at: '2025-01-10T09:00:00Z' });
    expect((await postIntake(t.base, partner, dated)).status).toBe(201);
    expect((await postIntake(t.base, partner, { ...dated, occurred_at: '2025-01-10T10:00:00+01:00' })).status).toBe(200);
    const [{ n }] = (await t.sql`select count(*)::int as n from reports where partner_id = ${partner.id} and external_id = ${payload.external_id as string}`) as unknown as [{ n: number }];
    expect(n).toBe(1);
  });

  it('answers 422 on external_id when the same id comes back with another body, and changes nothing', async () => {
    const payload = validPayload();
    const first = await postIntake<Answer>(t.base, partner, payload);
    const other = await postIntake<ErrorBody>(t.base, partner, { ...payload, description: 'Autre chose' });
    expect(other.status).toBe(422);
    expect(other.body.errors).toHaveProperty('external_id');
    const [row] = await t.sql`select description from reports where id = ${first.body.id}`;
    expect(row!.description).toBe(payload.description);
  });

  it('keeps external ids per partner: two partners may use the same one', async () => {
    const payload = validPayload();
    const other = await createPartner(t);
    const a = await postIntake<Answer>(t.base, partner, payload);
    const b = await postIntake<Answer>(t.base, other, payload);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('creates exactly one report under 50 concurrent duplicates', async () => {
    const payload = validPayload({ external_id: `concurrent-${now()}` });
    const body = JSON.stringify(payload);
    const answers = await Promise.all(Array.from({ length: 50 }, () => postIntake<Answer>(t.base, partner, body)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const rows = await t.sql`select id from reports where partner_id = ${partner.id} and external_id = ${payload.external_id as string}`;
    expect(rows).toHaveLength(1);
    const created = await t.sql`select count(*)::int as n from report_events where report_id = ${rows[0]!.id}`;
    expect(created[0]!.n).toBe(1);
    const live = await t.sql`select count(*)::int as n from live_events where name = 'report:created' and record_id = ${String(rows[0]!.id)}`;
    expect(live[0]!.n).toBe(1);
  });
});

describe('limits', () => {
  it('answers 429 with Retry-After once the partner is over its rate, counting in PostgreSQL', async () => {
    const slow = await createPartner(t, { rate_per_minute: 3 });
    for (let i = 0; i < 3; i++) expect((await postIntake(t.base, slow, validPayload())).status).toBe(201);
    const over = await postIntake<ErrorBody>(t.base, slow, validPayload());
    expect(over.status).toBe(429);
    const retry = Number(over.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    // The count is shared in a row every process reads (the refused request counted too).
    await t.running.deps.partnerRates.sync();
    const [row] = await t.sql`select hits from throttle where key = ${`intake:${slow.id}`}`;
    expect(row!.hits).toBe(4);
    // Other partners are not affected.
    expect((await postIntake(t.base, partner, validPayload())).status).toBe(201);
  });

  it('refuses a body over 64 KiB with 413, declared or streamed, and writes nothing', async () => {
    const before = await countReports(t);
    const huge = JSON.stringify(validPayload({ description: 'x'.repeat(64 * 1024) }));
    const declared = await postIntake<ErrorBody>(t.base, partner, huge);
    expect(declared.status).toBe(413);
    expect(declared.body.message).toMatch(/64 Kio/);

    // Chunked, without Content-Length: cut off as soon as it passes the limit.
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await fetch(`${t.base}/api/intake/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PARTNER_HEADER]: partner.id, [SIGNATURE_HEADER]: signPayload(partner.secret, 'unknown yet') },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    await streamed.body?.cancel();
    expect(await countReports(t)).toBe(before);
  });

  it('accepts a body of exactly 64 KiB', async () => {
    // 4,000 two-byte characters, then JSON whitespace up to the very limit.
    const json = JSON.stringify(validPayload({ description: 'é'.repeat(4000) }));
    const body = `{${' '.repeat(64 * 1024 - Buffer.byteLength(json))}${json.slice(1)}`;
    expect(Buffer.byteLength(body)).toBe(64 * 1024);
    expect((await postIntake(t.base, partner, body)).status).toBe(201);
  });
});

describe('validation', () => {
  it('answers 400 with a French message per field, and writes nothing', async () => {
    const before = await countReports(t);
    const cases: Array<[Record<string, unknown> | string, string]> = [
      ['{"external_id": "x",', '_root'],
      ['[]', '_root'],
      ['null', '_root'],
      [validPayload({ external_id: undefined }), 'external_id'],
      [validPayload({ external_id: '' }), 'external_id'],
      [validPayload({ external_id: 'a'.repeat(201) }), 'external_id'],
      [validPayload({ external_id: 'tab\there' }), 'external_id'],
      [validPayload({ external_id: 42 }), 'external_id'],
      [validPayload({ category: 'alien' }), 'category'],
      [validPayload({ description: '   ' }), 'description'],
      [validPayload({ description: 'y'.repeat(4001) }), 'description'],
      [validPayload({ description: 'nul\u0000' }), 'description'],
      [validPayload({ description: 'bell\u0007' }), 'description'],
      [validPayload({ lat: 91 }), 'lat'],
      [validPayload({ lat: '48.7' }), 'lat'],
      ['{"lat": 1e400}', 'lat'],
      [validPayload({ lng: -181 }), 'lng'],
      [validPayload({ lng: null }), 'lng'],
      [validPayload({ address: 'a'.repeat(501) }), 'address'],
      [validPayload({ occurred_at: 'hier soir' }), 'occurred_at'],
      [validPayload({ occurred_at: new Date(Date.now() + 10 * 60_000).toISOString() }), 'occurred_at'],
      [validPayload({ occurred_at: '0000-01-01T00:00:00Z' }), 'occurred_at'],
      [validPayload({ reporter: { email: 'x@y.fr' } }), 'reporter.email'],
      [validPayload({ reporter: 'Mme Martin' }), 'reporter'],
      [validPayload({ reporter: { phone: '+123456789012345678901234567890123' } }), 'reporter.phone'],
      [validPayload({ reporter: { phone: 'call me' } }), 'reporter.phone'],
      [validPayload({ photos: ['http://insecure.example/a.jpg'] }), 'photos.0'],
      [validPayload({ photos: ['https:/broken.example/a.jpg'] }), 'photos.0'],
      [validPayload({ photos: ['https://exa\nmple.com/a.jpg'] }), 'photos.0'],
      [validPayload({ photos: Array.from({ length: 11 }, (_, i) => `https://p.example/${i}.jpg`) }), 'photos'],
      [validPayload({ photos: [`https://p.example/${'a'.repeat(2048)}`] }), 'photos.0'],
      [validPayload({ status: 'resolved' }), 'status'],
      [validPayload({ priority: 'urgent' }), 'priority'],
    ];
    for (const [payload, field] of cases) {
      const res = await postIntake<ErrorBody>(t.base, partner, payload);
      const label = typeof payload === 'string' ? payload : JSON.stringify(payload).slice(0, 120);
      expect(res.status, label).toBe(400);
      expect(Object.keys(res.body.errors ?? {}), label).toContain(field);
      expect(res.body.errors![field], label).toMatch(/[a-zé]/i);
    }
    const missing = await postIntake<ErrorBody>(t.base, partner, {});
    expect(missing.body.errors).toMatchObject({ external_id: 'Requis.', category: expect.any(String), description: 'Requis.', lat: 'Requis.', lng: 'Requis.' });
    const french = await postIntake<ErrorBody>(t.base, partner, validPayload({ lat: 'nord' }));
    expect(french.body.errors!.lat).toMatch(/nombre attendu/);
    expect(await countReports(t)).toBe(before);
  });

  it('accepts CRLF line breaks and tabs in the description, and null optional fields', async () => {
    const res = await postIntake<Answer>(t.base, partner, validPayload({ description: 'Ligne 1\r\nLigne 2\tfin', address: null, occurred_at: null, reporter: null, photos: null }));
    expect(res.status).toBe(201);
    const [row] = await t.sql`select description from reports where id = ${res.body.id}`;
    expect(row!.description).toBe('Ligne 1\nLigne 2\tfin');
  });
});
