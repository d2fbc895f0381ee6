import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import '../map/map.css';
import { useEffect, useRef } from 'react';
import { Box } from '@mui/material';
import L from 'leaflet';
import '@geoman-io/leaflet-geoman-free';
import { Pane, useMap } from 'react-leaflet';
import { useTranslate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { CommuneLayers } from '../map/CommuneLayers.tsx';
import { CommuneMap } from '../map/CommuneMap.tsx';
import { useSectors } from '../map/useSectors.ts';
import type { Closure, ZoneCollection, ZoneFeature } from './broadcastTypes.ts';
import { circleZone, polygonZone, zoneCollection } from './zones.ts';

export type ZoneMapProps =
  | { mode: 'zones'; zones: ZoneCollection | undefined; onZonesChange: (zones: ZoneCollection) => void; height?: number }
  /** Road closures: the closed road, drawn as one line. */
  | { mode: 'line'; line: Closure['geometry']; onLineChange: (line: Closure['geometry']) => void; height?: number };

const ZONE_STYLE = { color: '#b3261e', weight: 2, fillOpacity: 0.12 };
const LINE_STYLE = { color: '#1b3a66', weight: 5, dashArray: '8 6' };

const toLatLng = ([lng, lat]: number[]) => L.latLng(lat!, lng!);

/** The commune's boundary and sectors, drawn under the zones: what lies in it is never a zone. */
const BACKGROUND_PANE = 'vigie-commune';

/**
 * Geoman treats every vector layer on the map as its own: without this, the boundary and the sectors
 * would be sent as zones (a whole-commune broadcast without approval), and could be dragged, edited,
 * removed or snapped onto like drawn ones.
 */
function ignoreBackground(layer: L.Layer) {
  if ((layer.options as { pane?: string }).pane !== BACKGROUND_PANE) return;
  Object.assign(layer.options, { pmIgnore: true, snapIgnore: true });
}

function layerOf(feature: ZoneFeature): L.Layer {
  if (feature.geometry.type === 'Point') {
    return L.circle(toLatLng(feature.geometry.coordinates), { ...ZONE_STYLE, radius: Number(feature.properties.radius_m) });
  }
  return L.polygon((feature.geometry.coordinates[0] ?? []).slice(0, -1).map(toLatLng), ZONE_STYLE);
}

/** Every drawn layer back to the API's shapes: polygons, circles (Point + radius_m) and the line. */
function collect(map: L.Map): { zones: ZoneCollection; line: Closure['geometry'] } {
  const features: ZoneFeature[] = [];
  let line: Closure['geometry'] = null;
  for (const layer of map.pm.getGeomanLayers() as L.Layer[]) {
    if (layer instanceof L.Circle) {
      const centre = layer.getLatLng();
      features.push(circleZone(centre.lat, centre.lng, layer.getRadius()));
    } else if (layer instanceof L.Polygon) {
      const ring = (layer.getLatLngs()[0] as L.LatLng[]).map((p) => [p.lat, p.lng] as const);
      if (ring.length >= 3) features.push(polygonZone(ring));
    } else if (layer instanceof L.Polyline) {
      const points = (layer.getLatLngs() as L.LatLng[]).map((p) => [p.lng, p.lat]);
      if (points.length >= 2) line = { type: 'LineString', coordinates: points };
    }
  }
  return { zones: zoneCollection(features), line };
}

const Drawing = (props: ZoneMapProps) => {
  const map = useMap();
  const translate = useTranslate();
  const latest = useRef(props);
  latest.current = props;
  const initial = useRef(props);
  const lineMode = props.mode === 'line';

  useEffect(() => {
    map.pm.setLang('fr');
    map.pm.addControls({
      position: 'topleft',
      drawMarker: false,
      drawCircleMarker: false,
      drawText: false,
      drawRectangle: !lineMode,
      drawPolygon: !lineMode,
      drawCircle: !lineMode,
      drawPolyline: lineMode,
      cutPolygon: false,
      rotateMode: false,
    });
    map.pm.setGlobalOptions({ pathOptions: ZONE_STYLE, allowSelfIntersection: false });
    map.eachLayer(ignoreBackground);
    const onLayerAdd = (event: L.LayerEvent) => ignoreBackground(event.layer);
    map.on('layeradd', onLayerAdd);
    const start = initial.current;
    if (start.mode === 'zones') for (const feature of start.zones?.features ?? []) layerOf(feature).addTo(map);
    if (start.mode === 'line' && start.line?.type === 'LineString') L.polyline(start.line.coordinates.map(toLatLng), LINE_STYLE).addTo(map);

    const emit = () => {
      const { zones: next, line: nextLine } = collect(map);
      const current = latest.current;
      if (current.mode === 'zones') current.onZonesChange(next);
      else current.onLineChange(nextLine);
    };
    const watch = (layer: L.Layer) => layer.on('pm:edit pm:dragend pm:remove', emit);
    (map.pm.getGeomanLayers() as L.Layer[]).forEach(watch);
    const onCreate = (event: { layer: L.Layer; shape: string }) => {
      // One closed road at a time: a new line replaces the previous one.
      if (event.shape === 'Line') {
        for (const layer of map.pm.getGeomanLayers() as L.Layer[]) {
          if (layer !== event.layer && layer instanceof L.Polyline && !(layer instanceof L.Polygon)) layer.remove();
        }
        (event.layer as L.Polyline).setStyle(LINE_STYLE);
      }
      watch(event.layer);
      emit();
    };
    map.on('pm:create', onCreate as never);
    map.on('pm:remove', emit);
    const container = map.getContainer();
    // Geoman titles the wrapper, not the link inside it: without this its buttons have no name.
    for (const wrapper of container.querySelectorAll<HTMLElement>('.button-container[title]')) {
      wrapper.querySelector('.leaflet-buttons-control-button')?.setAttribute('aria-label', wrapper.title);
    }
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', translate(lineMode ? 'vigie.broadcasts.line_map_label' : 'vigie.broadcasts.zone_map_label'));
    return () => {
      map.off('pm:create', onCreate as never);
      map.off('pm:remove', emit);
      map.off('layeradd', onLayerAdd);
      map.pm.removeControls();
    };
  }, [map, translate, lineMode]);
  return null;
};

/** The commune map where an officer draws the zones to alert (polygons, rectangles, circles). */
export const ZoneMap = (props: ZoneMapProps) => {
  const config = useCommuneConfig();
  const sectors = useSectors();
  if (!config) return <Box sx={{ height: props.height ?? 380 }} />;
  return (
    <Box sx={{ height: props.height ?? 380, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}>
      <CommuneMap config={config}>
        <Pane name={BACKGROUND_PANE} style={{ zIndex: 350 }}>
          <CommuneLayers config={config} sectors={sectors} />
        </Pane>
        <Drawing {...props} />
      </CommuneMap>
    </Box>
  );
};
