import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { MapContainer, ZoomControl } from 'react-leaflet';
import { useTranslate } from 'react-admin';
import type { CommuneConfig } from '@vigie/shared';
import { boundaryLatLngs, boundsOf } from './geometry.ts';
import { SafeTileLayer } from './SafeTileLayer.tsx';

interface CommuneMapProps {
  config: CommuneConfig;
  /** Off where a double click closes a drawing instead of zooming. */
  doubleClickZoom?: boolean;
  children: ReactNode;
}

/**
 * A map framed on the commune, for the screens that draw on it (sectors, broadcast zones): zoom
 * buttons named in the UI's language, tiles when they load (what is drawn never depends on them).
 */
export const CommuneMap = ({ config, doubleClickZoom = true, children }: CommuneMapProps) => {
  const translate = useTranslate();
  const bounds = useMemo(() => boundsOf(boundaryLatLngs(config.boundary)), [config.boundary]);
  return (
    <MapContainer
      className="vigie-map"
      style={{ height: '100%', width: '100%' }}
      {...(bounds ? { bounds } : { center: [config.centre.lat, config.centre.lng], zoom: 14 })}
      zoomSnap={0.5}
      maxZoom={19}
      zoomControl={false}
      doubleClickZoom={doubleClickZoom}
    >
      <ZoomControl position="topright" zoomInTitle={translate('vigie.map.zoom_in')} zoomOutTitle={translate('vigie.map.zoom_out')} />
      <SafeTileLayer url={config.tiles.url} attribution={config.tiles.attribution} onUnavailable={() => undefined} />
      {children}
    </MapContainer>
  );
};
