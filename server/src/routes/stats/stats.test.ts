import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FullStats, SectorStats } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let supervisor: Client;
let officer: Client;
let townhall: Client;
let admin: Client;
let a: number;
let b: number;

const at = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

/**
 * A fixed month, every figure below computed by hand. November 2026 in Paris runs from
 * 2026-10-31T23:00Z to 2026-11-30T23:00Z; Monday 9 November starts at 2026-11-08T23:00Z.
 */
async function seed() {
  a = await createSector(t.sql, 'Centre-ville');
  const [row] = await t.sql<{ id: number }[]>`
    insert into neighbourhoods (name, area) values ('Gare', '((2.33,48.77),(2.33,48.79),(2.35,48.79),(2.35,48.77))'::polygon) returning id`;
  b = row!.id;
  const reports: Array<{
    key: number; category: string; sector: number | null; source: string; status: string; priority: string; received: string;
    lat: number; lng: number; events?: Array<[minutes: number, status: string]>;
  }> = [
    { key: 1, category: 'burglary', sector: a, source: 'platform', status: 'resolved', priority: 'urgent', received: '2026-11-02T08:00:00Z', lat: 48.78045, lng: 2.32, events: [[10, 'acknowledged'], [120, 'resolved']] },
    { key: 2, category: 'burglary', sector: a, source: 'phone', status: 'forwarded', priority: 'urgent', received: '2026-11-02T09:00:00Z', lat: 48.78045, lng: 2.32, events: [[20, 'acknowledged'], [40, 'in_progress'], [60, 'forwarded']] },
    // Sunday night in UTC, Monday 9 November in Paris.
    { key: 3, category: 'vandalism', sector: b, source: 'phone', status: 'new', priority: 'normal', received: '2026-11-08T23:30:00Z', lat: 48.78, lng: 2.34 },
    { key: 4, category: 'vandalism', sector: b, source: 'officer', status: 'acknowledged', priority: 'normal', received: '2026-11-30T22:30:00Z', lat: 48.781, lng: 2.341, events: [[30, 'acknowledged']] },
    // 1 December in Paris: outside the month.
    { key: 5, category: 'other', sector: null, source: 'phone', status: 'dismissed', priority: 'low', received: '2026-11-30T23:30:00Z', lat: 48.8, lng: 2.4, events: [[5, 'dismissed']] },
    // 1 November in Paris (still 31 October in UTC): inside, in the week of Monday 26 October.
    { key: 6, category: 'other', sector: a, source: 'phone', status: 'resolved', priority: 'normal', received: '2026-10-31T23:30:00Z', lat: 48.7756, lng: 2.315, events: [[90, 'resolved']] },
    // November 2025, for the comparison; the third one is in December.
    { key: 7, category: 'burglary', sector: a, source: 'phone', status: 'resolved', priority: 'normal', received: '2025-11-15T10:00:00Z', lat: 48.78, lng: 2.32 },
    { key: 8, category: 'vandalism', sector: b, source: 'phone', status: 'forwarded', priority: 'high', received: '2025-11-20T10:00:00Z', lat: 48.78, lng: 2.34 },
    { key: 9, category: 'vandalism', sector: b, source: 'phone', status: 'resolved', priority: 'high', received: '2025-12-01T10:00:00Z', lat: 48.78, lng: 2.34 },
  ];
  for (const r of reports) {
    const [inserted] = await t.sql<{ id: number }[]>`
      insert into reports (category, status, priority, description, lat, lng, neighbourhood_id, out_of_area, source, partner_id, external_id, received_at, updated_at)
      values (${r.category}, ${r.status}, ${r.priority}, ${`Signalement ${r.key}`}, ${r.lat}, ${r.lng}, ${r.sector}, ${r.sector === null},
              ${r.source}, ${r.source === 'platform' ? 'vvs' : null}, ${r.source === 'platform' ? `ext-${r.key}` : null}, ${r.received}, ${r.received})
      returning id`;
    let from = 'new';
    await t.sql`insert into report_events (report_id, at, action, to_value) values (${inserted!.id}, ${r.received}, 'created', 'new')`;
    for (const [minutes, status] of r.events ?? []) {
      await t.sql`insert into report_events (report_id, at, action, from_value, to_value) values (${inserted!.id}, ${at(r.received, minutes)}, 'status', ${from}, ${status})`;
      from = status;
    }
  }
}

beforeAll(async () => {
  t = await startTestServer();
  await seed();
  const sign = async (role: 'supervisor' | 'officer' | 'townhall' | 'admin') => signIn(t.base, (await createStaff(t.sql, role)).email);
  [supervisor, officer, townhall, admin] = [await sign('supervisor'), await sign('officer'), await sign('townhall'), await sign('admin')];
});
afterAll(async () => {
  await t?.stop();
});

const NOVEMBER = '/api/stats?from=2026-11-01&to=2026-11-30';

describe('GET /api/stats', () => {
  it('counts a Paris month by category, sector and source against the same month a year before', async () => {
    const res = await supervisor.json<FullStats>('GET', NOVEMBER);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({ scope: 'full', from: '2026-11-01', to: '2026-11-30', previous_from: '2025-11-01', previous_to: '2025-11-30', total: 5, previous_total: 2 });
    expect(s.by_category).toEqual([
      { category: 'burglary', count: 2, previous: 1 },
      { category: 'vandalism', count: 2, previous: 1 },
      { category: 'other', count: 1, previous: 0 },
    ]);
    expect(s.by_sector).toEqual([
      { neighbourhood_id: a, name: 'Centre-ville', count: 3, previous: 1 },
      { neighbourhood_id: b, name: 'Gare', count: 2, previous: 1 },
    ]);
    expect(s.by_source).toEqual([
      { source: 'phone', count: 3, previous: 2 },
      { source: 'officer', count: 1, previous: 0 },
      { source: 'platform', count: 1, previous: 0 },
    ]);
    expect(s.forwarded).toEqual({ count: 1, previous: 1 });
  });

  it('cuts weeks and months in Paris time', async () => {
    const { body } = await supervisor.json<FullStats>('GET', NOVEMBER);
    expect(body.by_month).toEqual([
      { period: '2026-11', category: 'burglary', count: 2 },
      { period: '2026-11', category: 'other', count: 1 },
      { period: '2026-11', category: 'vandalism', count: 2 },
    ]);
    expect(body.by_week).toEqual([
      { period: '2026-10-26', category: 'other', count: 1 },
      { period: '2026-11-02', category: 'burglary', count: 2 },
      { period: '2026-11-09', category: 'vandalism', count: 1 },
      { period: '2026-11-30', category: 'vandalism', count: 1 },
    ]);
  });

  it('gives median delays to acknowledge and to close by priority, from the status changes', async () => {
    const { body } = await supervisor.json<FullStats>('GET', NOVEMBER);
    // Medians from the delay histogram (migration 00019): each middle value is placed in the middle
    // of its bucket (1 minute under an hour, 5 minutes from 1 h to 6 h). Exact medians, by hand:
    // urgent 15 (10, 20) and 90 (60, 120); normal 60 (30, 90) and 90 — each within the bucket bound.
    expect(body.durations).toEqual([
      { priority: 'urgent', acknowledge_minutes: 15.5, acknowledged: 2, close_minutes: 92.5, closed: 2 },
      { priority: 'high', acknowledge_minutes: null, acknowledged: 0, close_minutes: null, closed: 0 },
      // Report 6 went straight to resolved: that first status change acknowledges it too.
      { priority: 'normal', acknowledge_minutes: 61.5, acknowledged: 2, close_minutes: 92.5, closed: 1 },
      { priority: 'low', acknowledge_minutes: null, acknowledged: 0, close_minutes: null, closed: 0 },
    ]);
  });

  it('aggregates positions into cells of about 100 m, never single points', async () => {
    const { body } = await supervisor.json<FullStats>('GET', NOVEMBER);
    expect(body.heat.cell).toEqual({ lat: 0.0009, lng: 0.0013 });
    expect(body.heat.cells.reduce((sum, c) => sum + c.count, 0)).toBe(5);
    expect(body.heat.cells).toContainEqual({ lat: 48.78, lng: 2.3192, count: 2 });
    expect(body.heat.cells).toHaveLength(4);
    expect(JSON.stringify(body)).not.toContain('48.78045');
  });

  it('applies the category and sector filters to both periods', async () => {
    const burglary = await supervisor.json<FullStats>('GET', `${NOVEMBER}&category=burglary`);
    expect(burglary.body).toMatchObject({ total: 2, previous_total: 1, forwarded: { count: 1, previous: 0 } });
    const gare = await officer.json<FullStats>('GET', `${NOVEMBER}&neighbourhood_id=${b}`);
    expect(gare.status).toBe(200);
    expect(gare.body).toMatchObject({ total: 2, previous_total: 1 });
    const two = await supervisor.json<FullStats>('GET', `${NOVEMBER}&category=burglary,other`);
    expect(two.body.total).toBe(3);
  });

  it('shows the town hall sector counts only', async () => {
    const res = await townhall.json<SectorStats>('GET', NOVEMBER);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      scope: 'sectors', from: '2026-11-01', to: '2026-11-30', total: 5, previous_total: 2,
      by_sector: [
        { neighbourhood_id: a, name: 'Centre-ville', count: 3, previous: 1 },
        { neighbourhood_id: b, name: 'Gare', count: 2, previous: 1 },
      ],
    });
    expect((await admin.json('GET', NOVEMBER)).status).toBe(403);
  });

  it('refuses a reversed or unreadable period in French', async () => {
    const reversed = await supervisor.json<{ errors: Record<string, string> }>('GET', '/api/stats?from=2026-12-01&to=2026-11-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors.from).toBe('La date de début doit précéder la date de fin.');
    const bad = await supervisor.json<{ errors: Record<string, string> }>('GET', '/api/stats?from=hier&category=ufo');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toMatchObject({ from: 'Date invalide (AAAA-MM-JJ).' });
    expect(bad.body.errors.category).toBeDefined();
    const long = await supervisor.json<{ errors: Record<string, string> }>('GET', '/api/stats?from=2020-01-01&to=2026-01-01');
    expect(long.status).toBe(400);
  });
});

describe('GET /api/stats/bilan.pdf', () => {
  it('writes the month as a French PDF and audits the export', async () => {
    const res = await supervisor.request('GET', '/api/stats/bilan.pdf?month=2026-11');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bilan-')), 'bilan.pdf');
    writeFileSync(file, bytes);
    // poppler-utils (pdftotext, pdfinfo) reads the PDF as any viewer would.
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
    expect(Number(pages)).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Bilan mensuel : novembre 2026');
    expect(text).toContain('novembre 2025');
    expect(text).toContain('Cambriolage');
    expect(text).toContain('Centre-ville');
    expect(text).toContain('Transmis à la Police nationale');
    expect(text).toContain('Faits marquants');
    expect(text).toMatch(/n° \d+ 2 novembre/);
    expect(text).toContain('« Voisins vigilants et solidaires »');
    const [entry] = await t.sql<{ action: string; record_id: string }[]>`
      select action, record_id from audit_log where resource = 'stats' order by id desc limit 1`;
    expect(entry).toEqual({ action: 'export', record_id: 'bilan 2026-11' });
  });

  it('is for supervisors only, and wants a month', async () => {
    expect((await officer.request('GET', '/api/stats/bilan.pdf?month=2026-11')).status).toBe(403);
    const bad = await supervisor.json<{ errors: Record<string, string> }>('GET', '/api/stats/bilan.pdf?month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.month).toBe('Mois invalide (AAAA-MM).');
  });
});
