import 'leaflet/dist/leaflet.css';
import './map.css';
import { useEffect, useMemo, useRef } from 'react';
import { Box } from '@mui/material';
import L from 'leaflet';
import { MapContainer, ZoomControl, useMap } from 'react-leaflet';
import { useTranslate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { MIN_ZOOM } from './clusterIndex.ts';
import { CommuneLayers } from './CommuneLayers.tsx';
import { boundaryLatLngs, boundsOf } from './geometry.ts';
import { SafeTileLayer } from './SafeTileLayer.tsx';
import { useSectors } from './useSectors.ts';

export interface PointPickerProps {
  lat: number | null;
  lng: number | null;
  onChange: (lat: number, lng: number) => void;
  height?: number;
}

/** Coordinates to the metre (5 decimals), as the server stores and rounds them. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** The pin, built as nodes (Leaflet would set a string as innerHTML). */
const pinIcon = () => {
  const shape = document.createElement('span');
  shape.className = 'vigie-point-pin-shape';
  return L.divIcon({ className: 'vigie-point-pin', html: shape, iconSize: [22, 22], iconAnchor: [11, 24] });
};

const Pin = ({ lat, lng, onChange }: PointPickerProps) => {
  const map = useMap();
  const translate = useTranslate();
  const marker = useRef<L.Marker | null>(null);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', translate('vigie.create.map_label'));
    const onClick = (event: L.LeafletMouseEvent) => latest.current(round(event.latlng.lat), round(event.latlng.lng));
    map.on('click', onClick);
    return () => void map.off('click', onClick);
  }, [map, translate]);

  useEffect(() => {
    if (lat === null || lng === null) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) {
      marker.current = L.marker([lat, lng], { draggable: true, icon: pinIcon(), title: translate('vigie.create.pin'), keyboard: true })
        .on('dragend', (event) => {
          const position = (event.target as L.Marker).getLatLng();
          latest.current(round(position.lat), round(position.lng));
        })
        .addTo(map);
    } else {
      marker.current.setLatLng([lat, lng]);
    }
    if (!map.getBounds().contains([lat, lng])) map.panTo([lat, lng]);
  }, [map, lat, lng, translate]);

  useEffect(() => () => void marker.current?.remove(), []);
  return null;
};

/** A small map of the commune to place a report: click to put the pin, drag it to adjust. */
export const PointPicker = (props: PointPickerProps) => {
  const translate = useTranslate();
  const config = useCommuneConfig();
  const sectors = useSectors();
  const bounds = useMemo(() => (config ? boundsOf(boundaryLatLngs(config.boundary)) : null), [config]);
  if (!config) return <Box sx={{ height: props.height ?? 280 }} />;
  return (
    <Box sx={{ height: props.height ?? 280, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}>
      <MapContainer
        className="vigie-map"
        style={{ height: '100%', width: '100%', cursor: 'crosshair' }}
        {...(bounds ? { bounds } : { center: [config.centre.lat, config.centre.lng], zoom: 14 })}
        minZoom={MIN_ZOOM}
        zoomSnap={0.5}
        maxZoom={19}
        zoomControl={false}
      >
        <ZoomControl position="topright" zoomInTitle={translate('vigie.map.zoom_in')} zoomOutTitle={translate('vigie.map.zoom_out')} />
        <SafeTileLayer url={config.tiles.url} attribution={config.tiles.attribution} onUnavailable={() => undefined} />
        <CommuneLayers config={config} sectors={sectors} />
        <Pin {...props} />
      </MapContainer>
    </Box>
  );
};
