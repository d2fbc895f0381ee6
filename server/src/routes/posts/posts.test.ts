import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER, signPayload } from '../intake/signature.ts';
import { createPartner, readAnswer, type TestPartner } from '../intake/testing.ts';

let t: TestServer;
let partner: TestPartner;
let townhall: Client;
let counter = 0;

async function signed<T = Record<string, unknown>>(path: string, body: unknown, as = partner) {
  const raw = JSON.stringify(body);
  const res = await fetch(`${t.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PARTNER_HEADER]: as.id, [SIGNATURE_HEADER]: signPayload(as.secret, raw) },
    body: raw,
  });
  return readAnswer<T>(res);
}

/** A member of the partner's platform, straight into the table (registrations are another route's job). */
async function member(status = 'approved') {
  const external = `membre-${++counter}`;
  await t.sql`
    insert into members (full_name, address, status, source, partner_id, external_id, channels)
    values (${`Membre ${counter}`}, '1 rue Ravon, 92340 Bourg-la-Reine', ${status}, 'partner', ${partner.id}, ${external}, '{}')`;
  return external;
}

const post = (author: string, overrides: Record<string, unknown> = {}) => ({
  external_id: `annonce-${++counter}`,
  kind: 'carpooling',
  title: 'Trajet vers Antony le matin',
  body: 'Je pars à 8 h, deux places libres.',
  author: { member_external_id: author },
  ...overrides,
});

beforeAll(async () => {
  t = await startTestServer();
  partner = await createPartner(t);
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
});
afterAll(async () => {
  await t?.stop();
});

describe('POST /api/intake/posts', () => {
  it('records a post once: 201, then 200 for the same body, 422 for another body under the same id', async () => {
    const author = await member();
    const body = post(author);
    const first = await signed<{ id: number; status: string; flags: string[] }>('/api/intake/posts', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'pending', flags: ['first_post'] });
    const again = await signed('/api/intake/posts', body);
    expect(again).toMatchObject({ status: 200, body: first.body });
    const changed = await signed<{ errors: Record<string, string> }>('/api/intake/posts', { ...body, title: 'Autre chose' });
    expect(changed.status).toBe(422);
    expect(changed.body.errors).toHaveProperty('external_id');
  });

  it('flags phone numbers, links and banned words; a second post is no longer a first post', async () => {
    expect((await townhall.json('POST', '/api/banned_words', { word: 'Arnaque' })).status).toBe(201);
    const author = await member();
    await signed('/api/intake/posts', post(author));
    const flagged = await signed<{ flags: string[] }>('/api/intake/posts', post(author, { body: 'Super ARNAQUE, appelez le 06 12 34 56 78 ou www.exemple.fr' }));
    expect(flagged.status).toBe(201);
    expect(flagged.body.flags).toEqual(['phone_number', 'link', 'banned_word']);
  });

  it.each([
    ['suspended', 'suspendu'],
    ['banned', 'exclu'],
    ['pending_review', 'pas encore validée'],
  ])('refuses a post by a %s member with a French 422', async (status, words) => {
    const author = await member(status);
    const res = await signed<{ message: string }>('/api/intake/posts', post(author));
    expect(res.status).toBe(422);
    expect(res.body.message).toContain(words);
  });

  it('refuses a post by an unknown member, or by another partner’s member', async () => {
    expect((await signed('/api/intake/posts', post('personne'))).status).toBe(422);
    const author = await member();
    const other = await createPartner(t);
    expect((await signed('/api/intake/posts', post(author), other)).status).toBe(422);
  });

  it('answers 400 per field for an invalid body, and 401 for a bad signature', async () => {
    const author = await member();
    const res = await signed<{ errors: Record<string, string> }>('/api/intake/posts', { ...post(author), kind: 'vente', title: '', extra: 1 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['extra', 'kind', 'title']);
    const forged = await signed('/api/intake/posts', post(author), { id: partner.id, secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const [{ n }] = (await t.sql<{ n: number }[]>`select count(*)::int as n from posts p join members m on m.id = p.member_id where m.external_id = ${author}`) as unknown as [{ n: number }];
    expect(n).toBe(0);
  });

  it('records an abuse report once per member, for a known post only', async () => {
    const author = await member();
    const reporter = await member();
    const body = post(author);
    const created = await signed<{ id: number }>('/api/intake/posts', body);
    const path = `/api/intake/posts/${encodeURIComponent(body.external_id)}/reports`;
    const first = await signed<{ id: number; post_id: number }>(path, { reporter_member_external_id: reporter, reason: 'Annonce commerciale.' });
    expect(first.status).toBe(201);
    expect(first.body.post_id).toBe(created.body.id);
    expect((await signed(path, { reporter_member_external_id: reporter, reason: 'Encore.' })).status).toBe(200);
    expect((await signed('/api/intake/posts/inconnue/reports', { reporter_member_external_id: reporter, reason: 'x' })).status).toBe(404);
    expect((await signed(path, { reporter_member_external_id: 'personne', reason: 'x' })).status).toBe(422);
    const shown = await townhall.json<{ report_count: number; reports: unknown[] }>('GET', `/api/posts/${created.body.id}`);
    expect(shown.body.report_count).toBe(1);
    expect(shown.body.reports).toHaveLength(1);
  });
});

describe('moderation', () => {
  it('approves, hides with a reason and deletes, telling the partner each time and auditing it', async () => {
    const author = await member();
    const body = post(author);
    const { body: created } = await signed<{ id: number }>('/api/intake/posts', body);
    const approved = await townhall.json<{ status: string; decided_by_name: string }>('POST', `/api/posts/${created.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.decided_by_name).toMatch(/^Test townhall/);
    const hidden = await townhall.json<{ status: string; hidden_reason: string }>('POST', `/api/posts/${created.id}/hide`, { reason: 'Contenu commercial' });
    expect(hidden.body).toMatchObject({ status: 'hidden', hidden_reason: 'Contenu commercial' });
    const deleted = await townhall.json<{ status: string }>('DELETE', `/api/posts/${created.id}`);
    expect(deleted.body.status).toBe('deleted');

    const events = await t.sql<{ type: string; external_id: string; report_id: number | null; payload: { status: string; reason: string | null } }[]>`
      select type, external_id, report_id, payload from partner_events where partner_id = ${partner.id} and external_id = ${body.external_id} order by id`;
    expect(events.map((e) => [e.type, e.report_id, e.payload.status, e.payload.reason])).toEqual([
      ['post.approved', null, 'approved', null],
      ['post.hidden', null, 'hidden', 'Contenu commercial'],
      ['post.deleted', null, 'deleted', null],
    ]);
    const audit = await t.sql<{ action: string }[]>`select action from audit_log where resource = 'posts' and record_id = ${String(created.id)} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['approve', 'hide', 'delete']);
    // The partner reads them on its events feed, as it reads its reports' events.
    const feed = await signedGet<{ events: Array<{ type: string; external_id: string }> }>('/api/intake/events?after=0');
    expect(feed.status).toBe(200);
    expect(feed.body.events.filter((e) => e.external_id === body.external_id).map((e) => e.type)).toEqual(['post.approved', 'post.hidden', 'post.deleted']);
  });

  it('answers 409 for a decision the status does not allow, and 400 for a hide without reason', async () => {
    const author = await member();
    const { body: created } = await signed<{ id: number }>('/api/intake/posts', post(author));
    expect((await townhall.json('POST', `/api/posts/${created.id}/hide`, {})).status).toBe(400);
    expect((await townhall.json('DELETE', `/api/posts/${created.id}`)).status).toBe(200);
    const res = await townhall.json<{ message: string }>('POST', `/api/posts/${created.id}/approve`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('supprimée');
    expect((await townhall.json('POST', '/api/posts/999999/approve')).status).toBe(404);
  });

  it('lists by status, kind and flags', async () => {
    const author = await member();
    await signed('/api/intake/posts', post(author, { kind: 'help_offer', body: 'Je peux aider, 06 11 22 33 44' }));
    const filter = encodeURIComponent(JSON.stringify({ status: 'pending', kind: 'help_offer', flag: 'phone_number' }));
    const res = await townhall.json<Array<{ kind: string; flags: string[] }>>('GET', `/api/posts?filter=${filter}`);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((p) => p.kind === 'help_offer' && p.flags.includes('phone_number'))).toBe(true);
    expect(res.headers.get('content-range')).toMatch(/^posts /);
    const unflagged = await townhall.json<Array<{ flags: string[] }>>('GET', `/api/posts?filter=${encodeURIComponent('{"flagged":false}')}`);
    expect(unflagged.body.every((p) => p.flags.length === 0)).toBe(true);
    expect((await townhall.json('GET', `/api/posts?filter=${encodeURIComponent('{"status":"lost"}')}`)).status).toBe(400);
  });
});

async function signedGet<T>(path: string) {
  const res = await fetch(`${t.base}${path}`, { headers: { [PARTNER_HEADER]: partner.id, [SIGNATURE_HEADER]: signPayload(partner.secret, path) } });
  return readAnswer<T>(res);
}
