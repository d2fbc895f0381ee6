import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { postIntake, validPayload } from '../intake/testing.ts';
import { DEMO_PARTNER, ensureDemoPartner } from './demo.ts';
import { openSecret } from './secrets.ts';

let t: TestServer;
const clients = {} as Record<Role, Client>;
type PartnerBody = Record<string, unknown> & { id: string; secret?: string };

/** Every answer body seen in this file, to prove secrets appear only where they should. */
const seen: Array<{ where: string; text: string }> = [];
async function call<T = PartnerBody>(role: Role, method: string, path: string, body?: unknown) {
  const res = await clients[role].request(method, path, body === undefined ? {} : { body });
  const text = await res.text();
  seen.push({ where: `${method} ${path}`, text });
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  for (const role of ROLES) clients[role] = await signIn(t.base, (await createStaff(t.sql, role)).email);
});
afterAll(async () => {
  await t?.stop();
});

describe('partners (admin, react-admin simple-rest)', () => {
  it('creates a partner and shows its secret once, in the create answer only', async () => {
    const res = await call('admin', 'POST', '/api/partners', { id: 'vvs-bourg', name: 'Voisins vigilants et solidaires', webhook_url: 'https://vvs.example/hooks/vigie' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'vvs-bourg', rate_per_minute: 600, disabled: false, previous_secret_expires_at: null, webhook_url: 'https://vvs.example/hooks/vigie' });
    expect(res.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(res.body).join()).not.toMatch(/cipher/);
    const secret = res.body.secret!;

    const show = await call('admin', 'GET', '/api/partners/vvs-bourg');
    expect(show.body).not.toHaveProperty('secret');
    expect(show.body).toEqual({ ...res.body, secret: undefined });

    // Stored sealed: neither the secret nor its bytes are in the row, yet the server key opens it.
    const [row] = await t.sql`select secret_ciphertext from partners where id = 'vvs-bourg'`;
    const ciphertext = row!.secret_ciphertext as Buffer;
    expect(ciphertext.includes(Buffer.from(secret))).toBe(false);
    expect(ciphertext.toString('utf8')).not.toContain(secret);
    expect(openSecret(t.running.deps.env.VIGIE_SECRET_KEY, 'vvs-bourg', ciphertext).toString()).toBe(secret);
    const dump = await t.sql`select row_to_json(p)::text as text from partners p`;
    expect(dump.map((d) => d.text).join()).not.toContain(secret);

    expect((await postIntake(t.base, { id: 'vvs-bourg', secret }, validPayload())).status).toBe(201);
  });

  it('lists with Content-Range, sorts and filters', async () => {
    for (const id of ['alpha-app', 'beta-app', 'gamma-app']) {
      expect((await call('admin', 'POST', '/api/partners', { id, name: `Application ${id}` })).status).toBe(201);
    }
    await call('admin', 'PUT', '/api/partners/beta-app', { disabled: true });
    const page = await call<PartnerBody[]>('admin', 'GET', `/api/partners?sort=${encodeURIComponent('["id","ASC"]')}&range=${encodeURIComponent('[0,1]')}`);
    expect(page.status).toBe(200);
    expect(page.body.map((p) => p.id)).toEqual(['alpha-app', 'beta-app']);
    expect(page.headers.get('content-range')).toMatch(/^partners 0-1\/\d+$/);
    const disabled = await call<PartnerBody[]>('admin', 'GET', `/api/partners?filter=${encodeURIComponent('{"disabled":true}')}`);
    expect(disabled.body.map((p) => p.id)).toEqual(['beta-app']);
    const many = await call<PartnerBody[]>('admin', 'GET', `/api/partners?filter=${encodeURIComponent('{"id":["gamma-app","alpha-app"]}')}`);
    expect(many.body.map((p) => p.id).sort()).toEqual(['alpha-app', 'gamma-app']);
    const q = await call<PartnerBody[]>('admin', 'GET', `/api/partners?filter=${encodeURIComponent('{"q":"GAMMA"}')}`);
    expect(q.body.map((p) => p.id)).toEqual(['gamma-app']);
    const bad = await call('admin', 'GET', `/api/partners?sort=${encodeURIComponent('["secret","ASC"]')}`);
    expect(bad.status).toBe(400);
  });

  it('updates what react-admin PUTs, ignoring read-only fields and any secret', async () => {
    const created = await call('admin', 'POST', '/api/partners', { id: 'edit-me', name: 'Avant' });
    const res = await call('admin', 'PUT', '/api/partners/edit-me', { ...created.body, name: 'Après', rate_per_minute: 30, id: 'renamed', secret: 'chosen-by-me', created_at: '2000-01-01T00:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'edit-me', name: 'Après', rate_per_minute: 30, created_at: created.body.created_at });
    expect(res.body).not.toHaveProperty('secret');
    expect((await postIntake(t.base, { id: 'edit-me', secret: 'chosen-by-me' }, validPayload())).status).toBe(401);
    expect((await postIntake(t.base, { id: 'edit-me', secret: created.body.secret! }, validPayload())).status).toBe(201);
    const set = await call('admin', 'PUT', '/api/partners/edit-me', { webhook_url: 'https://vvs.example/hooks' });
    expect(set.body.webhook_url).toBe('https://vvs.example/hooks');
    const emptied = await call('admin', 'PUT', '/api/partners/edit-me', { webhook_url: '' });
    expect(emptied.body.webhook_url).toBeNull();
    expect((await call('admin', 'PUT', '/api/partners/nobody', { name: 'X' })).status).toBe(404);
  });

  it('answers 400 with field errors, 409 for a taken id, 404 for an unknown one', async () => {
    const invalid = await call<{ errors: Record<string, string> }>('admin', 'POST', '/api/partners', { id: 'Bad Id!', name: '', rate_per_minute: 0, webhook_url: 'http://insecure.example' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors).sort()).toEqual(['id', 'name', 'rate_per_minute', 'webhook_url']);
    for (const id of ['-leading', 'a', 'x'.repeat(64), 'UPPER']) {
      expect((await call('admin', 'POST', '/api/partners', { id, name: 'X' })).status, id).toBe(400);
    }
    expect((await call('admin', 'POST', '/api/partners', { id: 'twice', name: 'Un' })).status).toBe(201);
    const again = await call<{ errors: Record<string, string> }>('admin', 'POST', '/api/partners', { id: 'twice', name: 'Deux' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toHaveProperty('id');
    expect((await call('admin', 'GET', '/api/partners/nobody')).status).toBe(404);
    expect((await call('admin', 'POST', '/api/partners/nobody/rotate', {})).status).toBe(404);
  });

  it('audits every create, update and rotation, without secret values', async () => {
    const created = await call('admin', 'POST', '/api/partners', { id: 'audited', name: 'Audité' });
    await call('admin', 'PUT', '/api/partners/audited', { name: 'Audité bis' });
    const rotated = await call('admin', 'POST', '/api/partners/audited/rotate', { overlap_hours: 1 });
    // Cutting a partner off, and letting it back, are their own entries (« Partenaire désactivé »).
    expect((await call('admin', 'PUT', '/api/partners/audited', { name: 'Audité bis', disabled: true })).status).toBe(200);
    expect((await call('admin', 'PUT', '/api/partners/audited', { disabled: false, rate_per_minute: 60 })).status).toBe(200);
    const entries = await t.sql`select action, resource, record_id, staff_id from audit_log where resource = 'partners' and record_id = 'audited' order by id`;
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'rotate_secret', 'suspend', 'reinstate', 'update']);
    const admin = await t.sql`select id from staff where role = 'admin' order by id limit 1`;
    expect(new Set(entries.map((e) => e.staff_id))).toEqual(new Set([admin[0]!.id]));
    const everything = await t.sql`select row_to_json(a)::text as text from audit_log a`;
    for (const secret of [created.body.secret!, rotated.body.secret!]) expect(everything.map((e) => e.text).join()).not.toContain(secret);
  });
});

describe('secret rotation', () => {
  it('lets both secrets verify during the overlap, then only the new one', async () => {
    const { body: created } = await call('admin', 'POST', '/api/partners', { id: 'rotating', name: 'Rotation' });
    const old = { id: 'rotating', secret: created.secret! };
    const rotated = await call('admin', 'POST', '/api/partners/rotating/rotate', { overlap_hours: 24 });
    expect(rotated.status).toBe(200);
    const fresh = { id: 'rotating', secret: rotated.body.secret! };
    expect(fresh.secret).not.toBe(old.secret);
    const expires = new Date(rotated.body.previous_secret_expires_at as string).getTime();
    expect(Math.abs(expires - (Date.now() + 24 * 3_600_000))).toBeLessThan(60_000);

    expect((await postIntake(t.base, old, validPayload())).status).toBe(201);
    expect((await postIntake(t.base, fresh, validPayload())).status).toBe(201);

    await t.sql`update partners set previous_secret_expires_at = now() - interval '1 second' where id = 'rotating'`;
    t.running.deps.partnerKeys.forget('rotating'); // a change behind the API's back shows within KEYRING_TTL_MS: no waiting here
    expect((await postIntake(t.base, old, validPayload())).status).toBe(401);
    expect((await postIntake(t.base, fresh, validPayload())).status).toBe(201);
    expect((await call('admin', 'GET', '/api/partners/rotating')).body.previous_secret_expires_at).toBeNull();
  });

  it('defaults to a 24-hour overlap, caps it at 168, and revokes at once with 0', async () => {
    const { body: created } = await call('admin', 'POST', '/api/partners', { id: 'leaked', name: 'Fuite' });
    const bare = await clients.admin.request('POST', '/api/partners/leaked/rotate');
    const defaulted = (await bare.json()) as PartnerBody;
    expect(bare.status).toBe(200);
    const hours = (new Date(defaulted.previous_secret_expires_at as string).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect((await call('admin', 'POST', '/api/partners/leaked/rotate', { overlap_hours: 169 })).status).toBe(400);
    const revoked = await call('admin', 'POST', '/api/partners/leaked/rotate', { overlap_hours: 0 });
    expect(revoked.body.previous_secret_expires_at).toBeNull();
    for (const secret of [created.secret!, defaulted.secret!]) {
      expect((await postIntake(t.base, { id: 'leaked', secret }, validPayload())).status).toBe(401);
    }
    expect((await postIntake(t.base, { id: 'leaked', secret: revoked.body.secret! }, validPayload())).status).toBe(201);
  });
});

describe('roles', () => {
  it('lets only admins list, read, create, edit and rotate partners', async () => {
    await call('admin', 'POST', '/api/partners', { id: 'guarded', name: 'Gardé' });
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect((await call(role, 'GET', '/api/partners')).status, role).toBe(403);
      expect((await call(role, 'GET', '/api/partners/guarded')).status, role).toBe(403);
      expect((await call(role, 'POST', '/api/partners', { id: `by-${role}`, name: 'X' })).status, role).toBe(403);
      expect((await call(role, 'PUT', '/api/partners/guarded', { disabled: true })).status, role).toBe(403);
      expect((await call(role, 'POST', '/api/partners/guarded/rotate', {})).status, role).toBe(403);
    }
    const anonymous = await fetch(`${t.base}/api/partners`);
    expect(anonymous.status).toBe(401);
    expect((await call('admin', 'GET', '/api/partners/guarded')).body.disabled).toBe(false);
  });
});

describe('demo partner', () => {
  it('does not exist outside demo mode', async () => {
    const [row] = await t.sql`select count(*)::int as n from partners where id = ${DEMO_PARTNER.id}`;
    expect(row!.n).toBe(0);
  });

  it('is created once, signs with the published secret, and is resealed if the server key changes', async () => {
    const key = t.running.deps.env.VIGIE_SECRET_KEY;
    expect(await ensureDemoPartner(t.sql, key)).toBe('created');
    expect(await ensureDemoPartner(t.sql, key)).toBe('present');
    const demo = { id: DEMO_PARTNER.id, secret: DEMO_PARTNER.secret };
    expect((await postIntake(t.base, demo, validPayload())).status).toBe(201);
    // An admin's rotation survives a restart…
    const rotated = await call('admin', 'POST', `/api/partners/${DEMO_PARTNER.id}/rotate`, { overlap_hours: 0 });
    expect(await ensureDemoPartner(t.sql, key)).toBe('present');
    expect((await postIntake(t.base, { id: DEMO_PARTNER.id, secret: rotated.body.secret! }, validPayload())).status).toBe(201);
    // …but a secret the current key cannot open is replaced by the published one.
    await t.sql`update partners set secret_ciphertext = ${randomBytes(60)} where id = ${DEMO_PARTNER.id}`;
    expect(await ensureDemoPartner(t.sql, key)).toBe('resealed');
    t.running.deps.partnerKeys.forget(DEMO_PARTNER.id); // as a restart would
    expect((await postIntake(t.base, demo, validPayload())).status).toBe(201);
  });
});

// Last: everything above has run, so every answer of this file is in `seen`.
it('never returns a ciphertext, and a secret only in create and rotate answers', () => {
  const secrets = seen.flatMap((s) => [...s.text.matchAll(/"secret":"([^"]+)"/g)].map((m) => ({ where: s.where, secret: m[1]! })));
  expect(secrets.length).toBeGreaterThan(5);
  for (const { where } of secrets) expect(where).toMatch(/^POST \/api\/partners(\/[a-z0-9-]+\/rotate)?$/);
  for (const { where, text } of seen) {
    expect(text, where).not.toMatch(/ciphertext/);
    if (!/^POST \/api\/partners(\/[a-z0-9-]+\/rotate)?$/.test(where)) {
      for (const { secret } of secrets) expect(text, where).not.toContain(secret);
    }
  }
});
