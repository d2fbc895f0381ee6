import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { connectDatabase, type Database } from '@vigie/db';
import type { CommuneConfig } from '@vigie/shared';
import { buildBarePage, serveBarePage, type BareServer } from './map/barePage.ts';
import { PAGE_PROBE, type PageReading } from './map/pageProbe.ts';
import { insertReportsInWindow } from './map/reportsInWindow.ts';
import { startServerProcess, SERVER_CHILD, type ServerProcess } from './support/childProcess.ts';
import { freePort } from '../../server/src/test/serverProcess.ts';
import { formatCpu, startCpuWatch } from './support/cpu.ts';
import { createThrowawayDatabase, type BenchDatabase } from './support/database.ts';
import { percentile, within } from './support/stats.ts';
import { backendPids, vigieEnv } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

const REPORTS = 50_000;
/** Inside the map's default 24 h window, with room for the window to slide while the run lasts. */
const WINDOW_HOURS = 23;
const ROUNDS = 5;
/** After the map is painted: lets late work show up (long tasks, the list's rows) before counting. */
const SETTLE_MS = 1_000;
/** The issue's goals: ≤ 1.5× the bare page and < 2 s, < 1,500 marker elements, ≤ 1 MB gzipped. */
const MAX_RATIO = 1.5;
const MAX_READY_MS = 2_000;
const MAX_MARKER_ELEMENTS = 1_500;
const MAX_PAYLOAD_MB = 1;

const OFFICER = { email: 'agent@vigie.test', password: 'vigie-demo' }; // seeded in demo mode
const CHROMIUM = process.env.VIGIE_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 900 };

const ADMIN_ROOT = path.resolve(import.meta.dirname, '../../admin');

const MB = (bytes: number) => bytes / 1_000_000;
const median = (values: number[]) => percentile(values, 50);

/**
 * The admin built as `pnpm --filter @vigie/admin build` builds it (its own vite.config.ts), into
 * `tmp`: the map measured is the one in the sources now, and `admin/dist`, which an e2e run may be
 * serving, is left alone.
 */
async function buildAdmin(outDir: string): Promise<void> {
  const started = performance.now();
  await build({ root: ADMIN_ROOT, configFile: path.join(ADMIN_ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  console.log(`  admin built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** GET with node:http, the body left as sent (no decompression): what went over the wire. */
function getBytes(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${url}: no answer within 60 s`)));
    req.on('error', reject);
  });
}

/** A context whose pages carry the probe and cannot leave loopback (tile servers fail at once, as offline). */
async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  context.setDefaultTimeout(120_000);
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
  await context.addInitScript({ content: PAGE_PROBE });
  return context;
}

interface Reading extends PageReading {
  /** The points request the page made (the admin's carries its 24 h filter). */
  pointsUrl: string;
}

/** Opens `url` in a new page, waits for the map to be painted and settled, reads it, closes the page. */
async function measurePage(context: BrowserContext, url: string, label: string): Promise<Reading> {
  const page = await context.newPage();
  try {
    let pointsUrl = '';
    page.on('request', (request) => {
      if (/\/api\/reports\/points|\/points\.json/.test(request.url())) pointsUrl = request.url();
    });
    await page.goto(url);
    await page.waitForSelector('[data-map-state="ready"]', { state: 'attached' });
    await page.waitForFunction('window.__vigieBench.state.painted !== null', undefined, { timeout: 30_000 });
    await page.waitForTimeout(SETTLE_MS);
    const reading = (await page.evaluate('window.__vigieBench.collect()')) as PageReading;
    if (reading.arrived === null || reading.ready === null || reading.painted === null) {
      throw new Error(`${label}: marks missing (${JSON.stringify({ arrived: reading.arrived, ready: reading.ready, painted: reading.painted })})`);
    }
    return { ...reading, pointsUrl };
  } finally {
    await page.close();
  }
}

const afterData = (r: PageReading, at: 'ready' | 'painted') => r[at]! - r.arrived!;

/** The commune's bounds as the admin fits its map to them ([lng, lat] rings, outer rings only). */
function communeBounds(config: CommuneConfig): string {
  const polygons = config.boundary.type === 'Polygon' ? [config.boundary.coordinates] : config.boundary.coordinates;
  const positions = polygons.flatMap((rings) => rings[0] ?? []);
  const lats = positions.map((p) => p[1]);
  const lngs = positions.map((p) => p[0]);
  return [Math.min(...lats), Math.min(...lngs), Math.max(...lats), Math.max(...lngs)].join(',');
}

function describe(label: string, readings: Reading[]) {
  const runs = (values: number[]) => `${median(values).toFixed(0)} ms (${values.map((v) => v.toFixed(0)).join(', ')})`;
  const first = readings[0]!;
  console.log(
    `  ${label}: data → ready ${runs(readings.map((r) => afterData(r, 'ready')))}; data → painted ${runs(readings.map((r) => afterData(r, 'painted')))}; ` +
      `fetch → data ${runs(readings.map((r) => r.arrived! - r.fetch!))}; index ${median(readings.map((r) => r.indexMs ?? Number.NaN)).toFixed(0)} ms; ` +
      `${first.points.toLocaleString('en')} points, ${first.drawn} drawn, ${first.markerElements} marker elements (${first.svgPaths} SVG paths, ` +
      `${first.canvases} canvas), ${first.listRows} list rows, ${first.domNodes} DOM nodes`,
  );
}

export const mapScale: Benchmark = {
  name: 'mapScale',
  description: `${REPORTS.toLocaleString('en')} reports in the map's 24 h window: data arrival → clustered, interactive map in headless Chromium, vs a bare supercluster + canvas page`,
  async run() {
    const tmp = await mkdtemp(path.join(tmpdir(), 'vigie-bench-map-'));
    let database: BenchDatabase | undefined;
    let server: ServerProcess | undefined;
    let db: Database | undefined;
    let browser: Browser | undefined;
    let bare: BareServer | undefined;
    try {
      const dist = path.join(tmp, 'admin');
      const bareDist = path.join(tmp, 'bare');
      await buildAdmin(dist);
      await buildBarePage(bareDist);

      database = await createThrowawayDatabase('mapscale');
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      server = await startServerProcess(SERVER_CHILD, { ...vigieEnv(database.url, true), PUBLIC_URL: origin, PORT: String(port), ADMIN_DIST: dist });
      db = await connectDatabase({ url: database.url, max: 1 });
      const started = performance.now();
      await insertReportsInWindow(db.sql, REPORTS, WINDOW_HOURS);
      console.log(`  ${REPORTS.toLocaleString('en')} reports inserted over the last ${WINDOW_HOURS} h in ${((performance.now() - started) / 1000).toFixed(1)} s (plus the demo seed's)`);
      const config = (await (await fetch(`${origin}/api/config`)).json()) as CommuneConfig;

      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const adminContext = await newContext(browser);
      const login = await adminContext.request.post(`${origin}/api/auth/login`, { data: OFFICER, headers: { origin } });
      if (login.status() !== 200) throw new Error(`sign-in of ${OFFICER.email} failed: ${login.status()} ${await login.text()}`);
      const cookie = (await adminContext.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
      const mapUrl = `${origin}/#/map`;

      // Warm-up: the server's first points query, and what the bare page must copy (payload, view).
      const warm = await measurePage(adminContext, mapUrl, 'admin (warm-up)');
      const filter = JSON.parse(new URL(warm.pointsUrl).searchParams.get('filter') ?? '{}') as { received_at_gte?: string };
      const windowHours = (Date.now() - Date.parse(filter.received_at_gte ?? '')) / 3_600_000;
      if (!(Math.abs(windowHours - 24) < 0.5)) throw new Error(`the map did not ask for the last 24 h: ${warm.pointsUrl}`);
      const asked = performance.now();
      const gzip = await getBytes(warm.pointsUrl, { cookie, 'accept-encoding': 'gzip' });
      const answeredMs = performance.now() - asked;
      const identity = await getBytes(warm.pointsUrl, { cookie });
      if (gzip.status !== 200 || gzip.headers['content-encoding'] !== 'gzip') throw new Error(`points answered ${gzip.status}, content-encoding ${gzip.headers['content-encoding']}`);
      const payload = JSON.parse(gunzipSync(gzip.body).toString('utf8')) as { count: number; truncated: boolean };
      if (payload.count < REPORTS || payload.truncated) throw new Error(`the points payload holds ${payload.count} points (truncated: ${payload.truncated})`);
      console.log(
        `  points payload: ${payload.count.toLocaleString('en')} points, ${(gzip.body.length / 1000).toFixed(1)} kB gzip ` +
          `(the page saw ${((warm.encodedBodySize ?? Number.NaN) / 1000).toFixed(1)} kB), ${(identity.body.length / 1000).toFixed(1)} kB uncompressed; ` +
          `the server answered in ${answeredMs.toFixed(0)} ms`,
      );

      bare = await serveBarePage(bareDist, gzip.body);
      const { width, height } = warm.box!;
      const bareUrl = `${bare.origin}/?w=${width}&h=${height}&bounds=${communeBounds(config)}`;
      const bareContext = await newContext(browser);
      const bareWarm = await measurePage(bareContext, bareUrl, 'bare (warm-up)');
      if (bareWarm.points !== warm.points || bareWarm.drawn !== warm.drawn) {
        console.log(`  note: the bare page drew ${bareWarm.drawn} of ${bareWarm.points} points, the admin ${warm.drawn} of ${warm.points}`);
      }

      // Interleaved, the order swapping every round, so that drift on the shared box weighs on both.
      const admin: Reading[] = [];
      const baseline: Reading[] = [];
      const cpu = startCpuWatch(server.pid, await backendPids(db.sql));
      for (let round = 0; round < ROUNDS; round++) {
        const sides = round % 2 === 0 ? (['admin', 'bare'] as const) : (['bare', 'admin'] as const);
        for (const side of sides) {
          if (side === 'admin') admin.push(await within(measurePage(adminContext, mapUrl, 'admin'), 180_000, 'the admin map'));
          else baseline.push(await within(measurePage(bareContext, bareUrl, 'bare'), 180_000, 'the bare page'));
        }
      }
      console.log(`  ${formatCpu(cpu())}`);
      describe('admin map', admin);
      describe('bare page', baseline);
      const slowest = admin.reduce((a, b) => (afterData(b, 'painted') > afterData(a, 'painted') ? b : a));
      console.log(`  admin long tasks after data, slowest run (start ms after data arrival + duration): ${slowest.longTasks.map(([s, d]) => `${s - Math.round(slowest.arrived!)}+${d}`).join(', ') || 'none'}`);

      const ready = median(admin.map((r) => afterData(r, 'ready')));
      const bareReady = median(baseline.map((r) => afterData(r, 'ready')));
      const markers = Math.max(...admin.map((r) => r.markerElements));
      const bareMarkers = Math.max(...baseline.map((r) => r.markerElements));
      const rows: Row[] = [
        { name: 'map ready after data (50k)', value: ready, baseline: bareReady, unit: 'ms', maxRatio: MAX_RATIO, digits: 0 },
        { name: 'map ready after data (50k), absolute', value: ready, baseline: bareReady, unit: 'ms', limit: { max: MAX_READY_MS, strict: true }, digits: 0 },
        { name: 'marker elements in DOM', value: markers, baseline: bareMarkers, unit: '', limit: { max: MAX_MARKER_ELEMENTS, strict: true }, digits: 0 },
        // Baseline: the same answer uncompressed (the ratio is what gzip saves).
        { name: 'points payload (gzip)', value: MB(gzip.body.length), baseline: MB(identity.body.length), unit: 'MB', limit: { max: MAX_PAYLOAD_MB }, digits: 3 },
      ];
      return rows;
    } finally {
      await browser?.close();
      await bare?.close();
      await server?.stop();
      await db?.close();
      await database?.drop();
      await rm(tmp, { recursive: true, force: true });
    }
  },
};
