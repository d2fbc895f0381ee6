import 'leaflet/dist/leaflet.css';
import '../map/map.css';
import { useMemo } from 'react';
import { Box } from '@mui/material';
import { MapContainer, Polygon, Tooltip, ZoomControl } from 'react-leaflet';
import { useTranslate } from 'react-admin';
import type { CommuneConfig } from '@vigie/shared';
import { MIN_ZOOM } from '../map/clusterIndex.ts';
import { areaLatLngs, boundaryLatLngs, boundsOf } from '../map/geometry.ts';
import { SafeTileLayer } from '../map/SafeTileLayer.tsx';
import { shadeFor, type SectorCount } from './sectorShades.ts';

const BOUNDARY_STYLE = { color: '#1b3a66', weight: 3, fill: false, interactive: false } as const;

/** The commune with each sector filled by its number of members; a sector's tooltip names it and its count. */
export const MembersMapView = ({ config, sectors, height }: { config: CommuneConfig; sectors: readonly SectorCount[]; height: number | string }) => {
  const translate = useTranslate();
  const boundary = useMemo(() => boundaryLatLngs(config.boundary), [config.boundary]);
  const bounds = useMemo(() => boundsOf(boundary), [boundary]);
  const max = Math.max(0, ...sectors.map((sector) => sector.member_count ?? 0));
  const total = sectors.reduce((sum, sector) => sum + (sector.member_count ?? 0), 0);
  return (
    <Box
      role="region"
      aria-label={translate('vigie.members_map.label')}
      data-total={total}
      sx={{ height, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}
    >
      <MapContainer
        className="vigie-map"
        style={{ height: '100%', width: '100%' }}
        {...(bounds ? { bounds } : { center: [config.centre.lat, config.centre.lng], zoom: 14 })}
        minZoom={MIN_ZOOM}
        zoomSnap={0.5}
        maxZoom={18}
        zoomControl={false}
      >
        <ZoomControl position="topright" zoomInTitle={translate('vigie.map.zoom_in')} zoomOutTitle={translate('vigie.map.zoom_out')} />
        <SafeTileLayer url={config.tiles.url} attribution={config.tiles.attribution} onUnavailable={() => undefined} />
        {sectors.map((sector) => (
          <Polygon
            key={`${sector.id}-${sector.member_count ?? 0}`}
            positions={areaLatLngs(sector.area)}
            pathOptions={{ color: '#4a5a70', weight: 1.5, fillColor: shadeFor(sector.member_count ?? 0, max), fillOpacity: 0.7 }}
          >
            <Tooltip sticky>{translate('vigie.members_map.sector_count', { name: sector.name, smart_count: sector.member_count ?? 0 })}</Tooltip>
          </Polygon>
        ))}
        <Polygon positions={boundary} pathOptions={BOUNDARY_STYLE} />
      </MapContainer>
    </Box>
  );
};
