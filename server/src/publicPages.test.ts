import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './context.ts';
import { mountSpa } from './static.ts';

let dist: string;
let app: Hono<AppEnv>;

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'vigie-static-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<title>dashboard</title>');
  writeFileSync(path.join(dist, 'inscription.html'), '<title>inscription</title>');
  writeFileSync(path.join(dist, 'assets', 'inscription-abc.js'), 'console.log(1)');
  app = new Hono<AppEnv>();
  mountSpa(app, dist);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const page = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: await res.text(), cache: res.headers.get('cache-control') };
};

describe('the built pages', () => {
  it.each(['/inscription', '/inscription/', '/inscription/confirmer?token=abc', '/desabonnement?token=abc&channel=sms'])(
    'serves the public registration page for %s, never cached',
    async (url) => {
      const res = await page(url);
      expect(res).toMatchObject({ status: 200, cache: 'no-cache' });
      expect(res.body).toContain('<title>inscription</title>');
    },
  );

  it.each(['/', '/inscriptions', '/inscription/autre', '/desabonnement/x'])('keeps the dashboard for %s', async (url) => {
    const res = await page(url);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>dashboard</title>');
  });

  it('serves the public page assets with a year of cache', async () => {
    const res = await page('/assets/inscription-abc.js');
    expect(res).toMatchObject({ status: 200, cache: 'public, max-age=31536000, immutable' });
  });
});
