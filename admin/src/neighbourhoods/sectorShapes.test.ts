import { describe, expect, it } from 'vitest';
import { formatArea, formatShare, multiPolygonLatLngs, ringFromLatLngs } from './sectorShapes.ts';

describe('ringFromLatLngs', () => {
  it('turns Leaflet points into [lng, lat] pairs rounded to 7 decimals', () => {
    expect(ringFromLatLngs([{ lat: 48.776123456789, lng: 2.31 }, { lat: 48.78, lng: 2.316 }, { lat: 48.78, lng: 2.31 }])).toEqual([
      [2.31, 48.7761235],
      [2.316, 48.78],
      [2.31, 48.78],
    ]);
  });

  it('drops the repeated vertices of a double click and the closing vertex', () => {
    const a = { lat: 48.77, lng: 2.31 };
    const b = { lat: 48.78, lng: 2.31 };
    const c = { lat: 48.78, lng: 2.32 };
    expect(ringFromLatLngs([a, b, b, c, a])).toEqual([[2.31, 48.77], [2.31, 48.78], [2.32, 48.78]]);
  });

  it('keeps a single point as it is', () => {
    expect(ringFromLatLngs([{ lat: 1, lng: 2 }])).toEqual([[2, 1]]);
  });
});

describe('multiPolygonLatLngs', () => {
  it('swaps every ring, holes included, to [lat, lng]', () => {
    expect(multiPolygonLatLngs([[[[2, 48], [3, 48], [3, 49]], [[2.5, 48.2], [2.6, 48.2], [2.6, 48.3]]]])).toEqual([
      [[[48, 2], [48, 3], [49, 3]], [[48.2, 2.5], [48.2, 2.6], [48.3, 2.6]]],
    ]);
  });
});

describe('formatArea', () => {
  it('says m² under a hectare and hectares above, in the locale', () => {
    expect(formatArea(850.4, 'fr')).toBe('850 m²');
    expect(formatArea(123_456, 'fr')).toBe('12,3 ha');
    expect(formatArea(123_456, 'en')).toBe('12.3 ha');
  });
});

describe('formatShare', () => {
  it('gives a percentage with one decimal', () => {
    expect(formatShare(0.1234, 'en')).toBe('12.3%');
    expect(formatShare(0, 'en')).toBe('0%');
  });

  it('never rounds a real gap down to 0 %', () => {
    expect(formatShare(0.00004, 'en')).toBe('< 0.1%');
  });
});
