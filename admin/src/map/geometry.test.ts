import { describe, expect, it } from 'vitest';
import { areaLatLngs, boundaryLatLngs, boundsOf } from './geometry.ts';

describe('commune geometry', () => {
  it('turns GeoJSON [lng, lat] rings into Leaflet [lat, lng] positions', () => {
    const rings = boundaryLatLngs({ type: 'Polygon', coordinates: [[[2.3, 48.7], [2.4, 48.7], [2.4, 48.8]], [[2.35, 48.75]]] });
    expect(rings).toEqual([[[48.7, 2.3], [48.7, 2.4], [48.8, 2.4]]]);
    expect(boundaryLatLngs({ type: 'MultiPolygon', coordinates: [[[[1, 2]]], [[[3, 4]]]] })).toEqual([[[2, 1]], [[4, 3]]]);
    expect(areaLatLngs([[2.3, 48.7]])).toEqual([[48.7, 2.3]]);
  });

  it('bounds every ring, or nothing when there is none', () => {
    expect(boundsOf([[[48.7, 2.3], [48.8, 2.4]], [[48.75, 2.25]]])).toEqual([[48.7, 2.25], [48.8, 2.4]]);
    expect(boundsOf([])).toBeNull();
  });
});
