import { readFileSync } from 'node:fs';
import { createTestDatabase, testEngine, type TestDatabase } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../test/serverProcess.ts';
import { createSector, createStaff, ORIGIN, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

const BOM = '\uFEFF';
const HEADER = 'N°;Reçu le;Survenu le;Catégorie;Statut;Priorité;Urgence signalée;Origine;Secteur;Hors commune;Adresse;Latitude;Longitude;Description;Attribué à;Incident (signalement principal);Partenaire;Référence externe;Mis à jour le';
const exportUrl = (filter: object, sort = ['id', 'ASC']) =>
  `/api/reports/export.csv?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}`;

describe('GET /api/reports/export.csv', () => {
  let t: TestServer;
  let officer: Client;
  let officerId: number;

  beforeAll(async () => {
    t = await startTestServer();
    await createSector(t.sql, 'Centre-ville');
    const staff = await createStaff(t.sql, 'officer');
    officerId = staff.id;
    officer = await signIn(t.base, staff.email);
    for (const [category, description] of [['burglary', 'Porte fracturée, rue des Écoles'], ['vandalism', '=HYPERLINK("http://x") tags'], ['burglary', 'Fenêtre; "forcée"']]) {
      expect((await officer.json('POST', '/api/reports', { category, description, lat: 48.78, lng: 2.32, source: 'phone', reporter_name: 'Mme Secret', reporter_phone: '+33 6 11 22 33 44' })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('streams every matching report with a BOM, French headers and labels, in the list order', async () => {
    const res = await officer.request('GET', exportUrl({ category: 'burglary' }, ['id', 'DESC']));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="signalements-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith(BOM + HEADER + '\r\n')).toBe(true);
    const lines = text.slice(BOM.length).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^3;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};;Cambriolage;Nouveau;Normale;non;Téléphone;Centre-ville;non;;48,78;2,32;"Fenêtre; ""forcée""";/);
    expect(lines[2]).toMatch(/^1;.*;Porte fracturée, rue des Écoles;/);
    expect(text).not.toContain('Secret');
    expect(text).not.toContain('+33');
  });

  it('defuses formulas typed by residents', async () => {
    const text = await (await officer.request('GET', exportUrl({ category: 'vandalism' }))).text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"") tags"`);
  });

  it('writes one audit entry per export, and refuses bad filters and other roles', async () => {
    const before = await t.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'export' and resource = 'reports' and staff_id = ${officerId}`;
    await (await officer.request('GET', exportUrl({}))).text();
    const after = await t.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'export' and resource = 'reports' and staff_id = ${officerId}`;
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    const bad = await officer.json<{ errors: Record<string, string> }>('GET', exportUrl({ category: 'ufo' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.category).toBeDefined();
    const townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
    expect((await townhall.request('GET', exportUrl({}))).status).toBe(403);
  });
});

/** Resident memory of a process, from the kernel's own accounting. */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

// The server must run in a process of its own to have its memory measured; it needs the machine's
// PostgreSQL for that, so this runs once, in the postgres project.
describe.skipIf(testEngine() === 'embedded')('exporting 100,000 reports', () => {
  const ROWS = 100_000;
  const HEAP_MIB = 144;
  let db: TestDatabase;
  let server: ServerProcess;
  let officer: Client;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    // A kilobyte of description per report: the whole file (~110 MB) could not hide in the server's memory.
    await db.sql`
      insert into reports (category, description, lat, lng, source, received_at)
      select 'vandalism', 'Tags ' || i || ' ' || repeat('abcdefghij', 100), 48.78, 2.32, 'phone', now() - i * interval '1 minute'
      from generate_series(1, ${ROWS}) i`;
    await db.sql`vacuum analyze reports`;
    server = await startServerProcess({
      // A heap too small for the rows (a kilobyte of text each, plus their CSV): gathering them would kill it.
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PUBLIC_URL: ORIGIN, DATABASE_URL: db.url!, VIGIE_DEMO: '0', NODE_OPTIONS: `--max-old-space-size=${HEAP_MIB}` },
    });
    officer = await signIn(server.url, (await createStaff(db.sql, 'officer')).email);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
  });

  it('streams them all in bounded server memory', { timeout: 300_000 }, async () => {
    const baseline = rssMiB(server.pid);
    const res = await officer.request('GET', exportUrl({}, ['received_at', 'DESC']));
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let bytes = 0;
    let newlines = 0;
    let peak = baseline;
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) newlines++;
      if (++chunks % 50 === 0) peak = Math.max(peak, rssMiB(server.pid));
    }
    expect(newlines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(ROWS * 1000);
    // The server lived through it on a heap too small for the rows; its whole footprint (young
    // generation, sockets, buffers awaiting collection included) grew by less than the file too.
    expect(peak - baseline, `RSS ${baseline.toFixed(0)} → ${peak.toFixed(0)} MiB for ${(bytes / 2 ** 20).toFixed(0)} MiB of CSV`).toBeLessThan(bytes / 2 ** 20);
  });
});
