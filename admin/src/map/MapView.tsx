import 'leaflet/dist/leaflet.css';
import './map.css';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import type L from 'leaflet';
import { MapContainer, ZoomControl, useMap } from 'react-leaflet';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CommuneConfig } from '@vigie/shared';
import { formatShortTime } from '../common/parisTime.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { MIN_ZOOM } from './clusterIndex.ts';
import { CommuneLayers } from './CommuneLayers.tsx';
import { boundaryLatLngs, boundsOf } from './geometry.ts';
import { SafeTileLayer } from './SafeTileLayer.tsx';
import type { TooltipContent } from './tooltip.ts';
import { useClusterLayer } from './useClusterLayer.ts';
import type { MapPoints } from './useMapPoints.ts';
import type { Sector } from './useSectors.ts';
import { visuallyHidden } from '../common/visuallyHidden.ts';

export interface Viewport {
  west: number;
  south: number;
  east: number;
  north: number;
}

export const viewportOf = (bounds: L.LatLngBounds): Viewport => ({
  west: bounds.getWest(),
  south: bounds.getSouth(),
  east: bounds.getEast(),
  north: bounds.getNorth(),
});

interface MapViewProps {
  config: CommuneConfig;
  sectors: readonly Sector[];
  points: MapPoints;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onViewportChange?: (viewport: Viewport) => void;
  /** Overlays drawn above the map (legend, notices). */
  children?: ReactNode;
}

/** Tooltip text of one report: what the points payload knows, plus the text when a record was seen. */
function useDescribe(points: MapPoints) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return useMemo(
    () => ({
      describe: (row: number): TooltipContent => {
        const { store, records } = points;
        const id = store.id[row]!;
        const record = records.get(id);
        return {
          title: `${translate('vigie.report.number', { id })} · ${translate(`vigie.categories.${store.category[row]}`)}`,
          meta: `${translate(`vigie.statuses.${store.status[row]}`)} · ${formatShortTime(store.receivedAt[row]!, dateLocaleFor(locale))}`,
          address: record?.address,
          description: record?.description,
        };
      },
      describeCluster: (count: number, fresh: number): TooltipContent => ({
        title: translate('vigie.map.cluster', { smart_count: count }),
        meta: fresh ? translate('vigie.map.cluster_new', { smart_count: fresh }) : translate('vigie.map.cluster_zoom'),
      }),
    }),
    [points, translate, locale],
  );
}

/** Everything drawn inside the Leaflet map; needs the map instance from react-leaflet's context. */
const MapLayers = ({ config, sectors, points, selectedId, onSelect, onViewportChange, hintId, onTilesUnavailable }: MapViewProps & { hintId: string; onTilesUnavailable: () => void }) => {
  const map = useMap();
  const translate = useTranslate();
  const { describe, describeCluster } = useDescribe(points);
  const { store, version, status, pulses } = points;
  const ready = status === 'ready';

  // The container is what keyboard and screen reader users reach: name it and say how to use it.
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', translate('vigie.map.label'));
    container.setAttribute('aria-describedby', hintId);
  }, [map, translate, hintId]);

  useClusterLayer(map, {
    store,
    version,
    selectedId,
    onSelect,
    describe,
    describeCluster,
    pulses,
    onDrawn: (drawn) => {
      const container = map.getContainer();
      container.dataset.points = String(store.size);
      container.dataset.drawn = String(drawn);
      if (ready && container.dataset.mapState !== 'ready') {
        container.dataset.mapState = 'ready';
        performance.mark('vigie:map:ready');
      }
    },
  });

  useEffect(() => {
    if (!onViewportChange) return;
    const report = () => onViewportChange(viewportOf(map.getBounds()));
    report();
    map.on('moveend', report);
    return () => void map.off('moveend', report);
  }, [map, onViewportChange]);

  // A report opened from the list is brought into view if it is off screen.
  useEffect(() => {
    if (selectedId === null) return;
    const row = store.row(selectedId);
    if (row === undefined) return;
    const position: L.LatLngTuple = [store.lat[row]!, store.lng[row]!];
    if (!map.getBounds().pad(-0.1).contains(position)) map.panTo(position);
  }, [map, selectedId, store]);

  return (
    <>
      <ZoomControl position="topright" zoomInTitle={translate('vigie.map.zoom_in')} zoomOutTitle={translate('vigie.map.zoom_out')} />
      <SafeTileLayer url={config.tiles.url} attribution={config.tiles.attribution} onUnavailable={onTilesUnavailable} />
      <CommuneLayers config={config} sectors={sectors} />
    </>
  );
};

/**
 * The live map of reports on the commune: boundary, sectors, clustered markers on a canvas. Used
 * full height on the map page and in a card on the dashboard.
 */
export const MapView = (props: MapViewProps) => {
  const translate = useTranslate();
  const hintId = useId();
  const [tilesUnavailable, setTilesUnavailable] = useState(false);
  const bounds = useMemo(() => boundsOf(boundaryLatLngs(props.config.boundary)), [props.config.boundary]);
  const { centre } = props.config;
  return (
    <Box sx={{ position: 'relative', height: '100%', minHeight: 240 }}>
      <MapContainer
        className="vigie-map"
        style={{ height: '100%', width: '100%' }}
        {...(bounds ? { bounds, boundsOptions: { padding: [12, 12] } } : { center: [centre.lat, centre.lng], zoom: 14 })}
        minZoom={MIN_ZOOM}
        zoomSnap={0.5}
        maxZoom={19}
        zoomControl={false}
        attributionControl
      >
        <MapLayers {...props} hintId={hintId} onTilesUnavailable={() => setTilesUnavailable(true)} />
      </MapContainer>
      <Typography id={hintId} sx={visuallyHidden}>
        {translate('vigie.map.keyboard_hint')}
      </Typography>
      {tilesUnavailable && (
        <Typography
          role="status"
          variant="caption"
          // Clear of the zoom buttons in the top-right corner.
          sx={{ position: 'absolute', top: 8, left: 8, right: 56, zIndex: 1000, bgcolor: 'rgba(255,255,255,0.92)', px: 1, py: 0.25, borderRadius: 1, width: 'fit-content' }}
        >
          {translate('vigie.map.tiles_unavailable')}
        </Typography>
      )}
      {props.points.status === 'error' && (
        <Typography
          role="alert"
          variant="body2"
          sx={{ position: 'absolute', top: 8, left: '50%', transform: 'translateX(-50%)', zIndex: 1000, bgcolor: 'error.main', color: '#fff', px: 1.5, py: 0.5, borderRadius: 1 }}
        >
          {translate('vigie.map.load_error')}
        </Typography>
      )}
      {props.children}
    </Box>
  );
};
