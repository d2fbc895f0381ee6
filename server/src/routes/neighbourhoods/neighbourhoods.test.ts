import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_COMMUNE_FILE, loadCommune, loadSectorsIfNone, outerRing } from '@vigie/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInRing } from '../../geocoding/geometry.ts';
import { communeSectorCheck } from './geometry.ts';
import type { LiveEnvelope, LiveResyncReply, LiveSector } from '@vigie/shared';
import { connected, connectSocket, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let supervisor: Client;
let officer: Client;

// Two squares inside Bourg-la-Reine, west and east of 2.316; the member and the report sit in the west one.
const WEST: Array<[number, number]> = [[2.310, 48.776], [2.316, 48.776], [2.316, 48.782], [2.310, 48.782]];
const EAST: Array<[number, number]> = [[2.316, 48.776], [2.322, 48.776], [2.322, 48.782], [2.316, 48.782]];
const POINT = { lng: 2.313, lat: 48.779 };

async function memberAt(status: string, point = POINT) {
  const [row] = await t.sql<{ id: number }[]>`
    insert into members (full_name, address, status, source, channels, lat, lng)
    values ('Membre secteur', '1 rue Ravon', ${status}, 'desk', '{}', ${point.lat}, ${point.lng}) returning id`;
  return row!.id;
}
const sectorOf = async (table: 'members' | 'reports', id: number) =>
  (await t.sql<{ neighbourhood_id: number | null }[]>`select neighbourhood_id from ${t.sql(table)} where id = ${id}`)[0]!.neighbourhood_id;

const clearSectors = async () => {
  await t.sql`update members set neighbourhood_id = null`;
  await t.sql`update reports set neighbourhood_id = null`;
  await t.sql`delete from neighbourhoods`;
};

beforeAll(async () => {
  t = await startTestServer();
  supervisor = await signIn(t.base, (await createStaff(t.sql, 'supervisor')).email);
  officer = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
});
afterAll(async () => {
  await t?.stop();
});

describe('sectors from the commune file', () => {
  it('creates the file’s sectors on a first start without any, and never again, placing existing members and reports in them', async () => {
    const member = await memberAt('approved');
    const report = await officer.json<{ id: number; neighbourhood_id: number | null }>('POST', '/api/reports', { category: 'other', description: 'Avant les secteurs', ...POINT });
    expect(report.body.neighbourhood_id).toBeNull();
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-commune-'));
    const file = path.join(dir, 'commune.geojson');
    const communeFile = JSON.parse(readFileSync(DEFAULT_COMMUNE_FILE, 'utf8'));
    communeFile.sectors = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { nom: 'Fichier Ouest' }, geometry: { type: 'Polygon', coordinates: [[...WEST, WEST[0]]] } },
        { type: 'Feature', properties: { nom: 'Fichier Est' }, geometry: { type: 'Polygon', coordinates: [[...EAST, EAST[0]]] } },
      ],
    };
    writeFileSync(file, JSON.stringify(communeFile));
    // The start checks the file's sectors with the rules of a drawn one (bootstrap.ts).
    const check = communeSectorCheck(outerRing(loadCommune(DEFAULT_COMMUNE_FILE).boundary));
    expect(await loadSectorsIfNone(t.sql, file, check)).toBe(2);
    expect(await loadSectorsIfNone(t.sql, file)).toBe(0);
    const names = await t.sql<{ name: string }[]>`select name from neighbourhoods order by name`;
    expect(names.map((n) => n.name)).toEqual(['Fichier Est', 'Fichier Ouest']);
    const [west] = await t.sql<{ id: number }[]>`select id from neighbourhoods where name = 'Fichier Ouest'`;
    expect(await sectorOf('members', member)).toBe(west!.id);
    expect(await sectorOf('reports', report.body.id)).toBe(west!.id);
    await clearSectors();
    // Out of the way of the counts below.
    await t.sql`update members set lat = null, lng = null where id = ${member}`;
    await t.sql`update reports set lat = 48, lng = 2 where id = ${report.body.id}`;
  });
});

describe('a commune file whose sector is outside the commune', () => {
  it('stops the start naming the sector and why, and creates none', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vigie-commune-')), 'commune.geojson');
    const communeFile = JSON.parse(readFileSync(DEFAULT_COMMUNE_FILE, 'utf8'));
    const PARIS: Array<[number, number]> = [[2.34, 48.85], [2.35, 48.85], [2.35, 48.86], [2.34, 48.86], [2.34, 48.85]];
    communeFile.sectors = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { nom: 'Ouest' }, geometry: { type: 'Polygon', coordinates: [[...WEST, WEST[0]]] } },
        { type: 'Feature', properties: { nom: 'Châtelet' }, geometry: { type: 'Polygon', coordinates: [PARIS] } },
      ],
    };
    writeFileSync(file, JSON.stringify(communeFile));
    const check = communeSectorCheck(outerRing(loadCommune(DEFAULT_COMMUNE_FILE).boundary));
    await expect(loadSectorsIfNone(t.sql, file, check)).rejects.toThrow(/sectors\.features\[1\] \(Châtelet\) is refused: .*hors de la commune/);
    expect(await t.sql`select id from neighbourhoods`).toHaveLength(0);
  });
});

describe('drawing sectors', () => {
  it('re-assigns members and reports when a sector is drawn, redrawn and removed, and counts approved members only', async () => {
    const approved = await memberAt('approved');
    await memberAt('pending_review');
    const report = await officer.json<{ id: number; neighbourhood_id: number | null }>('POST', '/api/reports', { category: 'other', description: 'Test secteur', ...POINT });
    expect(report.body.neighbourhood_id).toBeNull();

    const created = await supervisor.json<{ id: number; member_count: number; area: number[][]; reassigned: { members: number; reports: number } }>('POST', '/api/neighbourhoods', { name: 'Ouest', area: WEST });
    expect(created.status).toBe(201);
    expect(created.body.member_count).toBe(1);
    // Both members moved (a pending one too: its sector is kept for when it is approved), and the report.
    expect(created.body.reassigned).toEqual({ members: 2, reports: 1 });
    const shown = await officer.json<{ assigned: { members: number; reports: number } }>('GET', `/api/neighbourhoods/${created.body.id}`);
    expect(shown.body.assigned).toEqual({ members: 2, reports: 1 });
    expect(created.body.area).toHaveLength(5); // closed ring
    expect(await sectorOf('members', approved)).toBe(created.body.id);
    expect(await sectorOf('reports', report.body.id)).toBe(created.body.id);

    // Everyone sees the count, officers included; never who.
    const listed = await officer.json<Array<{ id: number; member_count: number }>>('GET', '/api/neighbourhoods');
    expect(listed.body.find((n) => n.id === created.body.id)).toMatchObject({ member_count: 1 });

    const moved = await supervisor.json<{ member_count: number; reassigned: { members: number; reports: number } }>('PUT', `/api/neighbourhoods/${created.body.id}`, {
      id: created.body.id, member_count: 1, name: 'Est', area: { type: 'Polygon', coordinates: [[...EAST, EAST[0]]] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.member_count).toBe(0);
    expect(moved.body.reassigned).toEqual({ members: 2, reports: 1 });
    expect(await sectorOf('members', approved)).toBeNull();
    expect(await sectorOf('reports', report.body.id)).toBeNull();

    const west = await supervisor.json<{ id: number }>('POST', '/api/neighbourhoods', { name: 'Ouest', area: WEST });
    expect(await sectorOf('members', approved)).toBe(west.body.id);
    const removed = await supervisor.json<{ reassigned: { members: number; reports: number } }>('DELETE', `/api/neighbourhoods/${west.body.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.reassigned).toEqual({ members: 2, reports: 1 });
    expect(await sectorOf('members', approved)).toBeNull();
    expect(await sectorOf('reports', report.body.id)).toBeNull();
    const audit = await t.sql<{ action: string }[]>`select action from audit_log where resource = 'neighbourhoods' order by id`;
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'create', 'delete']);
    await clearSectors();
  });

  it.each([
    ['two points', [[2.31, 48.77], [2.32, 48.78]], 'area'],
    ['a ring crossing itself', [[2.310, 48.776], [2.316, 48.782], [2.316, 48.776], [2.310, 48.782]], 'area'],
    ['a sector in Paris', [[2.34, 48.85], [2.35, 48.85], [2.35, 48.86]], 'area'],
    ['aligned points', [[2.31, 48.77], [2.32, 48.78], [2.33, 48.79]], 'area'],
    ['a latitude out of range', [[2.31, 148.77], [2.32, 48.78], [2.33, 48.77]], 'area'],
  ])('refuses %s with a French 400 on area', async (_, area, field) => {
    const res = await supervisor.json<{ errors: Record<string, string> }>('POST', '/api/neighbourhoods', { name: `Mauvais ${Math.random()}`, area });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).some((k) => k.startsWith(field))).toBe(true);
  });

  it('refuses a name already used with 409, and a missing sector with 404', async () => {
    expect((await supervisor.json('POST', '/api/neighbourhoods', { name: 'Unique', area: WEST })).status).toBe(201);
    const again = await supervisor.json<{ errors: Record<string, string> }>('POST', '/api/neighbourhoods', { name: 'Unique', area: EAST });
    expect(again.status).toBe(409);
    expect(again.body.errors).toHaveProperty('name');
    expect((await supervisor.json('PUT', '/api/neighbourhoods/999999', { name: 'X', area: WEST })).status).toBe(404);
    expect((await supervisor.json('DELETE', '/api/neighbourhoods/999999')).status).toBe(404);
    await clearSectors();
  });
});

describe('sectors live', () => {
  it('tells every role a sector was drawn, redrawn and removed, with its count and never who, and replays it on resync', async () => {
    const townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
    const socket = connectSocket(t.base, townhall.cookie);
    try {
      await connected(socket);
      const seen: Array<[string, LiveEnvelope<LiveSector>]> = [];
      for (const name of ['neighbourhood:created', 'neighbourhood:updated', 'neighbourhood:deleted'] as const) {
        socket.on(name, (event: LiveEnvelope<LiveSector>) => seen.push([name, event]));
      }
      await memberAt('approved');
      const created = await supervisor.json<{ id: number; member_count: number }>('POST', '/api/neighbourhoods', { name: 'Direct', area: WEST });
      await supervisor.json('PUT', `/api/neighbourhoods/${created.body.id}`, { name: 'Direct renommé', area: WEST });
      await supervisor.json('DELETE', `/api/neighbourhoods/${created.body.id}`);
      while (seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen.map(([name, e]) => [name, e.record.id, e.record.name])).toEqual([
        ['neighbourhood:created', created.body.id, 'Direct'],
        ['neighbourhood:updated', created.body.id, 'Direct renommé'],
        ['neighbourhood:deleted', created.body.id, 'Direct renommé'],
      ]);
      expect(created.body.member_count).toBeGreaterThanOrEqual(1);
      expect(seen[0]![1].record.member_count).toBe(created.body.member_count);
      expect(Object.keys(seen[0]![1].record).sort()).toEqual(['area', 'id', 'member_count', 'name']);

      const since = seen[0]![1].event_id - 1;
      const replay = await socket.timeout(5000).emitWithAck('live:resync', { since }) as LiveResyncReply;
      expect(replay.events.filter((e) => e.name.startsWith('neighbourhood:')).map((e) => e.name)).toEqual([
        'neighbourhood:created', 'neighbourhood:updated', 'neighbourhood:deleted',
      ]);
    } finally {
      socket.disconnect();
      await clearSectors();
      await t.sql`update members set lat = null, lng = null where full_name = 'Membre secteur'`;
    }
  });
});

describe('GET /api/neighbourhoods/coverage', () => {
  it('lists overlapping pairs with their area and the share of the commune left uncovered', async () => {
    const empty = await officer.json<{ uncovered_share: number; overlaps: unknown[]; uncovered: unknown[] }>('GET', '/api/neighbourhoods/coverage');
    expect(empty.body).toMatchObject({ uncovered_share: 1, overlaps: [] });
    expect(empty.body.uncovered).toHaveLength(1); // the whole commune

    await supervisor.json('POST', '/api/neighbourhoods', { name: 'Ouest', area: WEST });
    await supervisor.json('POST', '/api/neighbourhoods', { name: 'Est', area: EAST }); // shares an edge: no overlap
    // 0.002° × 0.006° overlapping the west square: ~147 m × 667 m.
    await supervisor.json('POST', '/api/neighbourhoods', { name: 'Chevauche', area: [[2.308, 48.776], [2.312, 48.776], [2.312, 48.782], [2.308, 48.782]] });
    const res = await officer.json<{
      overlaps: Array<{ a: { name: string }; b: { name: string }; area_m2: number; area: number[][][][] }>;
      uncovered_share: number;
      commune_area_m2: number;
      uncovered: number[][][][];
    }>('GET', '/api/neighbourhoods/coverage');
    expect(res.status).toBe(200);
    expect(res.body.overlaps.map((o) => [o.a.name, o.b.name])).toEqual([['Ouest', 'Chevauche']]);
    expect(res.body.overlaps[0]!.area_m2).toBeGreaterThan(95_000);
    expect(res.body.overlaps[0]!.area_m2).toBeLessThan(100_000);
    expect(res.body.uncovered_share).toBeGreaterThan(0);
    expect(res.body.uncovered_share).toBeLessThan(1);
    expect(res.body.commune_area_m2).toBeGreaterThan(1_000_000);
    // The overlap is drawn where it is: the strip between 2.310 and 2.312.
    const lngs = res.body.overlaps[0]!.area.flat(2).map(([lng]) => lng!);
    expect(Math.min(...lngs)).toBeCloseTo(2.310, 6);
    expect(Math.max(...lngs)).toBeCloseTo(2.312, 6);
    // The gaps: somewhere in the commune, but never where a sector is.
    const inGap = (lng: number, lat: number) => res.body.uncovered.some((polygon) => pointInRing(lng, lat, polygon[0] as Array<[number, number]>));
    expect(res.body.uncovered.length).toBeGreaterThan(0);
    expect(inGap(POINT.lng, POINT.lat)).toBe(false);
    expect(inGap(2.319, 48.785)).toBe(true); // north of the squares
    await clearSectors();
  });
});
