import { describe, expect, it } from 'vitest';
import { REPORT_CATEGORIES, REPORT_STATUSES } from '@vigie/shared';
import { CATEGORY_SHAPES, SHAPES, STATUS_MARKER_COLOURS, clusterStyle, markerStyle, shapeVertices, svgPoints } from './markerStyle.ts';

describe('marker style', () => {
  it('gives every status its own colour', () => {
    const colours = REPORT_STATUSES.map((status) => STATUS_MARKER_COLOURS[status]);
    expect(colours.every(Boolean)).toBe(true);
    expect(new Set(colours).size).toBe(REPORT_STATUSES.length);
  });

  it('gives every category its own shape', () => {
    const shapes = REPORT_CATEGORIES.map((category) => CATEGORY_SHAPES[category]);
    expect(shapes.every((shape) => SHAPES.includes(shape))).toBe(true);
    expect(new Set(shapes).size).toBe(REPORT_CATEGORIES.length);
  });

  it('colours by status and shapes by category', () => {
    expect(markerStyle('new', 'burglary', 'normal')).toMatchObject({ fill: STATUS_MARKER_COLOURS.new, shape: 'square', radius: 7 });
    expect(markerStyle('resolved', 'other', 'low')).toMatchObject({ fill: STATUS_MARKER_COLOURS.resolved, shape: 'circle' });
  });

  it('draws urgent and high reports larger, urgent ones with a dark ring', () => {
    expect(markerStyle('new', 'vandalism', 'high').radius).toBeGreaterThan(markerStyle('new', 'vandalism', 'normal').radius);
    expect(markerStyle('new', 'vandalism', 'urgent')).toMatchObject({ stroke: '#1a1a1a', weight: 3 });
  });

  it('builds polygons centred on the point, within a sensible radius', () => {
    for (const shape of SHAPES) {
      const vertices = shapeVertices(shape, 100, 50, 10);
      if (shape === 'circle') {
        expect(vertices).toBeNull();
        continue;
      }
      expect(vertices!.length).toBeGreaterThanOrEqual(3);
      for (const [x, y] of vertices!) expect(Math.hypot(x - 100, y - 50)).toBeLessThanOrEqual(17);
    }
  });

  it('points the triangle up and the road-hazard triangle down', () => {
    const up = shapeVertices('triangle', 0, 0, 10)!;
    const down = shapeVertices('triangle_down', 0, 0, 10)!;
    expect(Math.min(...up.map(([, y]) => y))).toBeLessThan(-10);
    expect(Math.max(...down.map(([, y]) => y))).toBeGreaterThan(10);
  });

  it('writes SVG points for the legend', () => {
    expect(svgPoints('circle', 16)).toBeNull();
    expect(svgPoints('square', 16)!.split(' ')).toHaveLength(4);
  });

  it('sizes clusters by count and rings those holding new reports', () => {
    expect(clusterStyle(1000, 0).radius).toBeGreaterThan(clusterStyle(10, 0).radius);
    expect(clusterStyle(10_000_000, 0).radius).toBeLessThanOrEqual(30);
    expect(clusterStyle(12, 1).ring).toBe(STATUS_MARKER_COLOURS.new);
    expect(clusterStyle(12, 0).ring).toBe('#ffffff');
    expect([clusterStyle(999, 0).label, clusterStyle(1500, 0).label, clusterStyle(48_000, 0).label]).toEqual(['999', '1.5k', '48k']);
  });
});
