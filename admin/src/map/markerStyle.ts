import type { ReportCategory, ReportPriority, ReportStatus } from '@vigie/shared';

/**
 * Marker fill per status: saturated enough to read on a pale map or on no map at all (offline),
 * each with a white outline. Shape, not colour, tells the category, so colour is never alone.
 */
export const STATUS_MARKER_COLOURS: Record<ReportStatus, string> = {
  new: '#c62828',
  acknowledged: '#e65100',
  in_progress: '#1565c0',
  resolved: '#2e7d32',
  dismissed: '#616161',
  forwarded: '#6a1b9a',
};

export const SHAPES = ['circle', 'square', 'diamond', 'triangle', 'triangle_down', 'pentagon', 'hexagon', 'star'] as const;
export type Shape = (typeof SHAPES)[number];

export const CATEGORY_SHAPES: Record<ReportCategory, Shape> = {
  burglary: 'square',
  burglary_attempt: 'diamond',
  abusive_canvassing: 'pentagon',
  suspicious_vehicle: 'hexagon',
  suspicious_person: 'triangle',
  vandalism: 'star',
  road_hazard: 'triangle_down',
  other: 'circle',
};

const regular = (sides: number, cx: number, cy: number, r: number, rotation: number): Array<[number, number]> =>
  Array.from({ length: sides }, (_, k) => {
    const angle = rotation + (2 * Math.PI * k) / sides;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as [number, number];
  });

const UP = -Math.PI / 2;

/**
 * Vertices of a shape of "radius" r centred on (cx, cy), screen coordinates (y grows downwards);
 * null for the circle. Radii are tuned so every shape has about the same visual weight.
 */
export function shapeVertices(shape: Shape, cx: number, cy: number, r: number): Array<[number, number]> | null {
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return regular(4, cx, cy, r * 1.2, Math.PI / 4);
    case 'diamond':
      return regular(4, cx, cy, r * 1.3, UP);
    case 'triangle':
      return regular(3, cx, cy + r * 0.2, r * 1.4, UP);
    case 'triangle_down':
      return regular(3, cx, cy - r * 0.2, r * 1.4, -UP);
    case 'pentagon':
      return regular(5, cx, cy, r * 1.2, UP);
    case 'hexagon':
      return regular(6, cx, cy, r * 1.15, 0);
    case 'star':
      return Array.from({ length: 10 }, (_, k) => {
        const radius = k % 2 === 0 ? r * 1.45 : r * 0.65;
        const angle = UP + (Math.PI * k) / 5;
        return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as [number, number];
      });
  }
}

/** SVG `points` for the legend and the list, from the same geometry as the canvas markers. */
export function svgPoints(shape: Shape, size: number): string | null {
  const half = size / 2;
  const vertices = shapeVertices(shape, half, half, half * 0.62);
  return vertices ? vertices.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ') : null;
}

export interface MarkerStyle {
  shape: Shape;
  fill: string;
  radius: number;
  stroke: string;
  weight: number;
}

/** One report's marker: urgent and high reports are drawn larger, urgent ones with a dark ring. */
export function markerStyle(status: ReportStatus, category: ReportCategory, priority: ReportPriority): MarkerStyle {
  const big = priority === 'urgent' || priority === 'high';
  return {
    shape: CATEGORY_SHAPES[category] ?? 'circle',
    fill: STATUS_MARKER_COLOURS[status] ?? STATUS_MARKER_COLOURS.dismissed,
    radius: big ? 9 : 7,
    stroke: priority === 'urgent' ? '#1a1a1a' : '#ffffff',
    weight: priority === 'urgent' ? 3 : 2,
  };
}

export interface ClusterStyle {
  radius: number;
  fill: string;
  ring: string;
  label: string;
}

/** A cluster's disc grows with the log of its size; a red ring says it holds reports still new. */
export function clusterStyle(count: number, freshCount: number): ClusterStyle {
  const radius = Math.round(Math.min(30, 13 + Math.log10(Math.max(count, 1)) * 6));
  return {
    radius,
    fill: '#1b3a66',
    ring: freshCount > 0 ? STATUS_MARKER_COLOURS.new : '#ffffff',
    label: count >= 10_000 ? `${Math.round(count / 1000)}k` : count >= 1000 ? `${(count / 1000).toFixed(1)}k` : String(count),
  };
}
