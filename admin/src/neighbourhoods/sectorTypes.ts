import type { Sector } from '../map/useSectors.ts';

export type { Sector };

/** GeoJSON MultiPolygon coordinates, [lng, lat]. */
export type MultiPolygonCoordinates = number[][][][];

/** GET /api/neighbourhoods/coverage. */
export interface Coverage {
  overlaps: Array<{ a: { id: number; name: string }; b: { id: number; name: string }; area_m2: number; area: MultiPolygonCoordinates }>;
  commune_area_m2: number;
  uncovered_area_m2: number;
  uncovered_share: number;
  uncovered: MultiPolygonCoordinates;
}

export interface Counts {
  members: number;
  reports: number;
}

/** What POST, PUT and DELETE answer: the sector and how many members and reports changed sector. */
export type WrittenSector = Sector & { member_count?: number; reassigned?: Counts };

/** GET /api/neighbourhoods/:id: with what its removal would move. */
export type ShownSector = Sector & { member_count: number; assigned: Counts };

/** What the editor is doing: looking, drawing a new sector, or reshaping/renaming one. */
export type EditorMode = { kind: 'view' } | { kind: 'draw' } | { kind: 'edit'; id: number };
