import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../bootstrap.ts';
import { parseEnv } from '../env.ts';
import { ORIGIN } from '../test/harness.ts';

/** A real server with a built SPA of its own, short HTTP timeouts, and its log lines kept. */
let db: TestDatabase;
let running: Running;
let dist: string;
const logs: Array<{ level: number; msg: string; status?: number }> = [];

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'vigie-edges-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Vigie</title><script type="module" src="/assets/app-1234.js"></script>');
  writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  db = await createTestDatabase();
  const env = parseEnv({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', VIGIE_DEMO: '0', PUBLIC_URL: ORIGIN });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  running = await startServer(db, env, pino({ level: 'debug' }, sink), {
    adminDist: dist,
    httpTimeouts: { headersTimeout: 1_000, requestTimeout: 2_000, connectionsCheckingInterval: 100 },
  });
});
afterAll(async () => {
  await running?.stop();
  await db?.destroy();
  rmSync(dist, { recursive: true, force: true });
});

describe('HTTP edges', () => {
  it('answers 404 for a missing asset instead of the SPA cached for a year', async () => {
    const present = await fetch(`${running.url}/assets/app-1234.js`);
    expect(present.status).toBe(200);
    expect(present.headers.get('cache-control')).toContain('immutable');
    for (const missing of ['/assets/app-old.js', '/assets/chunk.css', '/favicon-32.png']) {
      const res = await fetch(running.url + missing);
      expect(res.status, missing).toBe(404);
      expect(res.headers.get('cache-control') ?? '', missing).not.toContain('immutable');
      expect(await res.text(), missing).not.toContain('<!doctype html>');
    }
    const clientRoute = await fetch(`${running.url}/reports`);
    expect(clientRoute.status).toBe(200);
    expect(await clientRoute.text()).toContain('<!doctype html>');
  });

  it('sends X-Frame-Options DENY, agreeing with frame-ancestors none', async () => {
    const res = await fetch(`${running.url}/api/health`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('shows no demo credentials in the OpenAPI document outside demo mode', async () => {
    const doc = await (await fetch(`${running.url}/api/openapi.json`)).text();
    expect(doc).not.toContain('vigie-demo');
    expect(doc).not.toContain('@vigie.test');
  });

  it('closes a connection that trickles its headers instead of holding it open', async () => {
    const socket = connect(Number(new URL(running.url).port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('GET /api/health HTTP/1.1\r\nHost: vigie.test\r\n');
    // One header line every 200 ms for up to 20 s: the 1 s headers timeout must cut it short.
    let lines = 0;
    const trickle = setInterval(() => {
      if (socket.writable && lines < 100) socket.write(`X-Slow-${lines++}: a\r\n`);
    }, 200);
    await closed;
    clearInterval(trickle);
    expect(lines).toBeLessThan(100);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('logs a request the client abandoned at info level, not as a 500 error', async () => {
    logs.length = 0;
    const socket = connect(Number(new URL(running.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Headers and half of the declared body, then the client goes away.
    socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: vigie.test\r\nOrigin: ${ORIGIN}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"email":"a`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.destroy();
    await expect.poll(() => logs.some((l) => l.msg === 'client closed the request'), { timeout: 10_000 }).toBe(true);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(logs.find((l) => l.msg === 'request')?.status).toBe(499);
  });
});
