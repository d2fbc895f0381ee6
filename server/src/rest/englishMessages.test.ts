import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { ENGLISH_MESSAGES, toEnglish } from './englishMessages.ts';
import { handWrittenMessages } from '../test/handWrittenMessages.ts';

const SERVER_SRC = path.resolve(import.meta.dirname, '..');

describe('the English catalogue of hand-written messages', () => {
  it('has an entry for every French message the server sources pass to an error or answer', () => {
    const found = handWrittenMessages(SERVER_SRC);
    // The scan must see the messages it is meant to guard, or this test could never fail.
    expect(found.map((m) => m.text)).toEqual(expect.arrayContaining(['Route inconnue.', 'Authentification requise.', 'Signalement introuvable.']));
    const missing = found.filter((m) => ENGLISH_MESSAGES[m.text] === undefined).map((m) => `${m.file}:${m.line} ${m.text}`);
    expect(missing, 'add these to server/src/rest/englishMessages.ts').toEqual([]);
  });

  it('carries the parts filled in at run time into the English', () => {
    expect(toEnglish('Trop de tentatives. Réessayez dans 5 min.')).toBe('Too many attempts. Try again in 5 min.');
    expect(toEnglish('Tri impossible sur « nope » (champs possibles : id, status).')).toBe('Cannot sort on "nope" (possible fields: id, status).');
    expect(toEnglish('Reçu de la plateforme partenaire')).toBe('Reçu de la plateforme partenaire');
  });
});

describe('error answers follow Accept-Language', () => {
  let t: TestServer;
  let officer: Client;
  beforeAll(async () => {
    t = await startTestServer();
    await createSector(t.sql);
    officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
  });
  afterAll(async () => t?.stop());

  const ask = async (who: Client, method: string, url: string, language: string | null, body?: unknown) => {
    const res = await who.request(method, url, { headers: language ? { 'accept-language': language } : {}, ...(body === undefined ? {} : { body }) });
    return { status: res.status, body: (await res.json()) as { message: string; errors?: Record<string, string> } };
  };

  it('words a thrown message in English for an English dashboard, and in French otherwise', async () => {
    expect(await ask(officer, 'GET', '/api/nowhere', 'en-GB,en;q=0.9')).toEqual({ status: 404, body: { message: 'Unknown route.' } });
    expect(await ask(officer, 'GET', '/api/nowhere', 'fr-FR,fr;q=0.9,en;q=0.8')).toEqual({ status: 404, body: { message: 'Route inconnue.' } });
    expect(await ask(officer, 'GET', '/api/nowhere', null)).toEqual({ status: 404, body: { message: 'Route inconnue.' } });
  });

  it('words the session check and run-time parts in English', async () => {
    const res = await fetch(`${t.base}/api/reports`, { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe('Authentication required.');
    const sorted = await ask(officer, 'GET', `/api/reports?sort=${encodeURIComponent('["nope","ASC"]')}`, 'en');
    expect(sorted.status).toBe(400);
    expect(sorted.body).toEqual({ message: 'Invalid data.', errors: { sort: expect.stringMatching(/^Cannot sort on "nope" \(possible fields: id, /) } });
  });

  it('words per-field messages in English and keeps the headers of the answer', async () => {
    const missing = await ask(officer, 'GET', '/api/reports/999999', 'en');
    expect(missing).toEqual({ status: 404, body: { message: 'Report not found.' } });
    const res = await officer.request('POST', '/api/reports', { headers: { 'accept-language': 'en', 'idempotency-key': 'x'.repeat(201) }, body: { category: 'vandalism', description: 'Tags', lat: 48.7794, lng: 2.3162 } });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(JSON.stringify(await res.json())).toContain('Invalid key: a UUID or 1 to 200 printable characters.');
  });
});
