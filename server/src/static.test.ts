import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './context.ts';
import { mountSpa } from './static.ts';

// A dist folder as `vite build` leaves it: index.html, and an asset with its .br and .gz copies.
const dist = mkdtempSync(path.join(tmpdir(), 'vigie-dist-'));
const source = 'console.log("Vigie");\n'.repeat(500);
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Vigie</title>');
writeFileSync(path.join(dist, 'assets', 'index-abc.js'), source);
writeFileSync(path.join(dist, 'assets', 'index-abc.js.br'), brotliCompressSync(source));
writeFileSync(path.join(dist, 'assets', 'index-abc.js.gz'), gzipSync(source));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const app = new Hono<AppEnv>();
mountSpa(app, dist);
const get = (encoding?: string) => app.request('/assets/index-abc.js', { headers: encoding ? { 'Accept-Encoding': encoding } : {} });

describe('precompressed dashboard assets', () => {
  it('serves the brotli copy to a browser that accepts it', async () => {
    const res = await get('gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(source);
  });

  it('falls back to gzip, then to the plain file, still varying on Accept-Encoding', async () => {
    const gz = await get('gzip, deflate');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(source);
    const plain = await get();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(await plain.text()).toBe(source);
  });
});
