import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import '../map/map.css';
import { useEffect, useMemo, useRef } from 'react';
import { Box } from '@mui/material';
import L from 'leaflet';
import '@geoman-io/leaflet-geoman-free';
import { Polygon, useMap } from 'react-leaflet';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CommuneConfig } from '@vigie/shared';
import { CommuneMap } from '../map/CommuneMap.tsx';
import { areaLatLngs, boundaryLatLngs } from '../map/geometry.ts';
import { multiPolygonLatLngs, ringFromLatLngs } from './sectorShapes.ts';
import type { Coverage, EditorMode, Sector } from './sectorTypes.ts';

const BOUNDARY_STYLE = { color: '#1b3a66', weight: 3, fill: false, interactive: false } as const;
const SECTOR_STYLE = { color: '#1b3a66', weight: 2, fillColor: '#3b6ea5', fillOpacity: 0.15 };
const SELECTED_STYLE = { color: '#0b5394', weight: 3, fillColor: '#0b5394', fillOpacity: 0.3 };
const EDITING_STYLE = { color: '#b35c00', weight: 3, fillColor: '#f0a040', fillOpacity: 0.25 };
const OVERLAP_STYLE = { color: '#b3261e', weight: 1, fillColor: '#b3261e', fillOpacity: 0.45, interactive: false } as const;
const GAP_STYLE = { color: '#8a5a00', weight: 1, dashArray: '4 4', fillColor: '#f2c14e', fillOpacity: 0.35, interactive: false } as const;

export interface SectorsMapProps {
  config: CommuneConfig;
  sectors: readonly Sector[];
  coverage: Coverage | undefined;
  mode: EditorMode;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** The shape being drawn or reshaped, each time it changes (null: nothing drawn yet). */
  onShape: (ring: Array<[number, number]> | null) => void;
  height: number | string;
}

const ringOf = (layer: L.Polygon) => ringFromLatLngs(layer.getLatLngs()[0] as L.LatLng[]);

/** The saved sectors, named on the map; the one being reshaped is left to the editing layer. */
const SectorLayers = ({ sectors, mode, selectedId, onSelect }: Pick<SectorsMapProps, 'sectors' | 'mode' | 'selectedId' | 'onSelect'>) => {
  const map = useMap();
  const select = useRef(onSelect);
  select.current = onSelect;
  const editingId = mode.kind === 'edit' ? mode.id : null;
  const drawing = mode.kind === 'draw';
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const sector of sectors) {
      if (sector.id === editingId) continue;
      // pmIgnore: Geoman never edits or snaps to these; only the layer below is editable.
      const layer = L.polygon(areaLatLngs(sector.area), { ...(sector.id === selectedId ? SELECTED_STYLE : SECTOR_STYLE), pmIgnore: true, interactive: !drawing });
      layer.bindTooltip(sector.name, { permanent: true, direction: 'center' });
      layer.on('click', () => select.current(sector.id));
      group.addLayer(layer);
    }
    return () => {
      group.remove();
    };
  }, [map, sectors, editingId, selectedId, drawing]);
  return null;
};

/** Geoman: draws a new polygon, or reshapes one sector by its vertices; reports the ring as it changes. */
const Editing = ({ sectors, mode, onShape }: Pick<SectorsMapProps, 'sectors' | 'mode' | 'onShape'>) => {
  const map = useMap();
  const [locale] = useLocaleState();
  const report = useRef(onShape);
  report.current = onShape;
  const latestSectors = useRef(sectors);
  latestSectors.current = sectors;
  const editingId = mode.kind === 'edit' ? mode.id : null;
  const drawing = mode.kind === 'draw';

  useEffect(() => {
    map.pm.setLang(locale === 'en' ? 'en' : 'fr');
  }, [map, locale]);

  useEffect(() => {
    if (!drawing && editingId === null) return;
    let shape: L.Polygon | null = null;
    const editable = (layer: L.Polygon) => {
      shape = layer;
      layer.setStyle(EDITING_STYLE);
      layer.pm.enable({ allowSelfIntersection: false, draggable: false, snappable: false });
      layer.on('pm:edit', () => report.current(ringOf(layer)));
    };
    const onCreate = (event: { layer: L.Layer }) => {
      map.pm.disableDraw();
      editable(event.layer as L.Polygon);
      report.current(ringOf(event.layer as L.Polygon));
    };
    if (drawing) {
      report.current(null);
      map.on('pm:create', onCreate as never);
      map.pm.enableDraw('Polygon', { allowSelfIntersection: false, snappable: false, templineStyle: EDITING_STYLE, hintlineStyle: { ...EDITING_STYLE, dashArray: '5 5' }, pathOptions: EDITING_STYLE });
    } else {
      const sector = latestSectors.current.find((s) => s.id === editingId);
      if (sector) {
        const layer = L.polygon(areaLatLngs(ringFromOpen(sector.area)), EDITING_STYLE).addTo(map);
        editable(layer);
        report.current(ringOf(layer));
      }
    }
    return () => {
      map.off('pm:create', onCreate as never);
      map.pm.disableDraw();
      const drawn = shape as L.Polygon | null;
      if (drawn) {
        drawn.pm.disable();
        drawn.remove();
      }
    };
  }, [map, drawing, editingId]);
  return null;
};

/** The API answers closed rings; Leaflet closes polygons itself, and a repeated vertex would be a draggable twin. */
const ringFromOpen = (area: ReadonlyArray<readonly [number, number]>) => ringFromLatLngs(area.map(([lng, lat]) => ({ lat, lng })));

/** The commune (drawn from our own data: tiles may never load), its sectors, overlaps and gaps. */
export const SectorsMap = ({ config, sectors, coverage, mode, selectedId, onSelect, onShape, height }: SectorsMapProps) => {
  const translate = useTranslate();
  const boundary = useMemo(() => boundaryLatLngs(config.boundary), [config.boundary]);
  const gaps = useMemo(() => multiPolygonLatLngs(coverage?.uncovered ?? []), [coverage]);
  const overlaps = useMemo(() => (coverage?.overlaps ?? []).flatMap((overlap) => multiPolygonLatLngs(overlap.area)), [coverage]);
  return (
    <Box
      role="region"
      aria-label={translate('vigie.neighbourhoods.map_label')}
      data-mode={mode.kind}
      sx={{ height, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider', cursor: mode.kind === 'draw' ? 'crosshair' : undefined }}
    >
      <CommuneMap config={config} doubleClickZoom={false}>
        {gaps.map((polygon, i) => (
          <Polygon key={`gap-${i}`} positions={polygon} pathOptions={GAP_STYLE} pmIgnore />
        ))}
        <SectorLayers sectors={sectors} mode={mode} selectedId={selectedId} onSelect={onSelect} />
        {overlaps.map((polygon, i) => (
          <Polygon key={`overlap-${i}`} positions={polygon} pathOptions={OVERLAP_STYLE} pmIgnore />
        ))}
        {/* The class lets a test find the commune on screen; the outline is the only fixed reference without tiles. */}
        <Polygon positions={boundary} pathOptions={BOUNDARY_STYLE} className="vigie-commune-boundary" pmIgnore />
        <Editing sectors={sectors} mode={mode} onShape={onShape} />
      </CommuneMap>
    </Box>
  );
};
