import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { clusterStyle, markerStyle } from './markerStyle.ts';
import { ShapeMarker } from './ShapeMarker.ts';
import { buildClusterIndex, type ClusterIndex } from './clusterIndex.ts';
import type { PointStore } from './pointStore.ts';
import { buildTooltip, type TooltipContent } from './tooltip.ts';

const REBUILD_INTERVAL_MS = 800;
const PULSE_MS = 4000;

/** The pulse's inner ring, built as a node: Leaflet would set a string as innerHTML. */
const pulseRing = () => {
  const ring = document.createElement('span');
  ring.className = 'vigie-pulse-ring';
  return ring;
};

export interface ClusterLayerOptions {
  store: PointStore;
  /** Bumped when rows were added, moved, removed or recoloured. */
  version: number;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Tooltip of one report (text only) and of a cluster. */
  describe: (row: number) => TooltipContent;
  describeCluster: (count: number, fresh: number) => TooltipContent;
  /** Reports that just arrived: a ring pulses around them for a few seconds. */
  pulses: ReadonlyArray<{ id: number; key: number }>;
  /** Called after each draw with the number of layers drawn (for the page's data attributes). */
  onDrawn?: (drawn: number) => void;
}

/**
 * Clusters and markers on one shared canvas: supercluster answers what the viewport needs at
 * this zoom, and only that is drawn (a few hundred layers at most), again after every move.
 */
export function useClusterLayer(map: L.Map, options: ClusterLayerOptions) {
  const latest = useRef(options);
  latest.current = options;
  const state = useRef<{
    index: ClusterIndex | null;
    store: PointStore | null;
    built: number;
    builtAt: number;
    timer?: ReturnType<typeof setTimeout>;
  }>({ index: null, store: null, built: -1, builtAt: 0 });
  const layers = useRef<{ group: L.LayerGroup; pulses: L.LayerGroup; renderer: L.Canvas } | null>(null);

  // Layers and listeners, once per map.
  useEffect(() => {
    if (!map.getPane('vigie-markers')) {
      const pane = map.createPane('vigie-markers');
      pane.style.zIndex = '450';
    }
    const renderer = L.canvas({ padding: 0.2, pane: 'vigie-markers' });
    const group = L.layerGroup().addTo(map);
    const pulses = L.layerGroup().addTo(map);
    layers.current = { group, pulses, renderer };
    const onMove = () => draw();
    map.on('moveend', onMove);
    return () => {
      map.off('moveend', onMove);
      clearTimeout(state.current.timer);
      group.remove();
      pulses.remove();
      renderer.remove();
      layers.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map]);

  function draw() {
    const { index } = state.current;
    const current = layers.current;
    if (!index || !current) return;
    const { store, selectedId, onSelect, describeCluster, onDrawn } = latest.current;
    const bounds = map.getBounds().pad(0.15);
    const zoom = Math.round(map.getZoom());
    const features = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom);
    current.group.clearLayers();
    let selected: L.Layer | null = null;
    for (const feature of features) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; fresh?: number; i?: number };
      if (props.cluster) {
        const count = props.point_count ?? 0;
        const style = clusterStyle(count, props.fresh ?? 0);
        const marker = new ShapeMarker([lat, lng], {
          renderer: current.renderer,
          shape: 'circle',
          label: style.label,
          radius: style.radius,
          color: style.ring,
          weight: 3,
          fillColor: style.fill,
          fillOpacity: 0.9,
          opacity: 1,
        });
        const clusterId = props.cluster_id!;
        marker.bindTooltip(() => buildTooltip(document, describeCluster(count, props.fresh ?? 0)), { direction: 'top' });
        marker.on('click', () => {
          const target = Math.min(index.getClusterExpansionZoom(clusterId), map.getMaxZoom());
          map.flyTo([lat, lng], target, { duration: 0.4 });
        });
        current.group.addLayer(marker);
        continue;
      }
      const row = props.i!;
      const id = store.id[row]!;
      if (!store.alive[row]) continue;
      const style = markerStyle(store.status[row]!, store.category[row]!, store.priority[row]!);
      const isSelected = id === selectedId;
      const marker = new ShapeMarker([store.lat[row]!, store.lng[row]!], {
        renderer: current.renderer,
        shape: style.shape,
        radius: isSelected ? style.radius + 3 : style.radius,
        color: isSelected ? '#000000' : style.stroke,
        weight: isSelected ? 4 : style.weight,
        fillColor: style.fill,
        fillOpacity: 1,
        opacity: 1,
      });
      marker.bindTooltip(() => buildTooltip(document, latest.current.describe(row)), { direction: 'top', offset: [0, -6] });
      marker.on('click', () => onSelect(id));
      if (isSelected) selected = marker;
      else current.group.addLayer(marker);
    }
    // The selected report is drawn last, on top of its neighbours.
    if (selected) current.group.addLayer(selected);
    onDrawn?.(current.group.getLayers().length);
  }

  // (Re)index when the rows change, at most every REBUILD_INTERVAL_MS; a new load indexes at once.
  useEffect(() => {
    const s = state.current;
    if (s.index && s.store === options.store && s.built === options.version) return void draw();
    const rebuild = () => {
      s.index = buildClusterIndex(latest.current.store);
      s.store = latest.current.store;
      s.built = latest.current.version;
      s.builtAt = performance.now();
      draw();
    };
    clearTimeout(s.timer);
    const wait = s.index && s.store === options.store ? REBUILD_INTERVAL_MS - (performance.now() - s.builtAt) : 0;
    if (wait <= 0) rebuild();
    else s.timer = setTimeout(rebuild, wait);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.store, options.version]);

  // Selection changes only restyle.
  useEffect(() => {
    draw();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.selectedId]);

  // A pulse per new report: one small DOM marker each, gone after a few seconds.
  const lastPulse = useRef(0);
  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    const { store } = latest.current;
    for (const { id, key } of options.pulses) {
      if (key <= lastPulse.current) continue;
      lastPulse.current = key;
      const row = store.row(id);
      if (row === undefined) continue;
      const pulse = L.marker([store.lat[row]!, store.lng[row]!], {
        icon: L.divIcon({ className: 'vigie-pulse', iconSize: [44, 44], html: pulseRing() }),
        interactive: false,
        keyboard: false,
        pane: 'vigie-markers',
      });
      current.pulses.addLayer(pulse);
      setTimeout(() => current.pulses.removeLayer(pulse), PULSE_MS);
    }
  }, [options.pulses]);
}
