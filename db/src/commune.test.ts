import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMUNE_FILE, loadCommuneSectors } from './commune.ts';

const SQUARE = [[2.31, 48.776], [2.316, 48.776], [2.316, 48.782], [2.31, 48.782], [2.31, 48.776]];
const sector = (nom: unknown, coordinates: unknown = [SQUARE]) => ({ type: 'Feature', properties: { nom }, geometry: { type: 'Polygon', coordinates } });

/** The demo commune's file with `sectors` set to this value. */
function communeWith(sectors: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vigie-commune-')), 'commune.geojson');
  const commune = JSON.parse(readFileSync(DEFAULT_COMMUNE_FILE, 'utf8'));
  writeFileSync(file, JSON.stringify(sectors === undefined ? commune : { ...commune, sectors }));
  return file;
}

describe('loadCommuneSectors', () => {
  it('reads nothing from a file without sectors', () => {
    expect(loadCommuneSectors(communeWith(undefined))).toEqual([]);
  });

  it('reads each named polygon, trimming its name', () => {
    expect(loadCommuneSectors(communeWith({ type: 'FeatureCollection', features: [sector(' Gare '), sector('Centre')] }))).toEqual([
      { name: 'Gare', ring: SQUARE },
      { name: 'Centre', ring: SQUARE },
    ]);
  });

  it.each([
    ['a sectors entry that is no FeatureCollection', { type: 'Polygon' }, /must be a FeatureCollection/],
    ['a sector without a name', { features: [sector('')] }, /features\[0\] needs a `nom`/],
    ['a sector with too few vertices', { features: [sector('Gare', [SQUARE.slice(0, 3)])] }, /features\[0\] needs a `nom`/],
    ['a vertex that is not a number', { features: [sector('Gare'), sector('Centre', [[...SQUARE.slice(0, 4), ['2.31', 48.776]]])] }, /features\[1\] \(Centre\): every vertex/],
    ['a latitude out of range', { features: [sector('Gare', [[[2.31, 148], ...SQUARE.slice(1)]])] }, /every vertex/],
    ['a name used twice', { features: [sector('Gare'), sector('Gare')] }, /features\[1\]: the name « Gare » is used twice/],
  ])('stops at %s with the feature it is about', (_, sectors, message) => {
    expect(() => loadCommuneSectors(communeWith(sectors))).toThrow(message);
  });

  it("stops at a sector the server's shape rules refuse, with the feature and the reason", () => {
    const file = communeWith({ features: [sector('Gare'), sector('Centre')] });
    const check = (ring: unknown[]) => (ring.length === 5 ? 'Le secteur est entièrement hors de la commune.' : null);
    expect(() => loadCommuneSectors(file, check)).toThrow('sectors.features[0] (Gare) is refused: Le secteur est entièrement hors de la commune.');
    expect(loadCommuneSectors(file, () => null)).toHaveLength(2);
  });
});
