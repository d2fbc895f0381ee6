import { useMemo } from 'react';
import { Polygon } from 'react-leaflet';
import type { CommuneConfig } from '@vigie/shared';
import { areaLatLngs, boundaryLatLngs } from './geometry.ts';
import type { Sector } from './useSectors.ts';

const BOUNDARY_STYLE = { color: '#1b3a66', weight: 3, fill: false, interactive: false } as const;
const SECTOR_STYLE = { color: '#4a5a70', weight: 1.5, dashArray: '5 5', fillColor: '#1b3a66', fillOpacity: 0.03, interactive: false } as const;

/** The commune's boundary and its sectors, drawn whether tiles load or not. */
export const CommuneLayers = ({ config, sectors }: { config: CommuneConfig; sectors: readonly Sector[] }) => {
  const boundary = useMemo(() => boundaryLatLngs(config.boundary), [config.boundary]);
  return (
    <>
      {sectors.map((sector) => (
        <Polygon key={sector.id} positions={areaLatLngs(sector.area)} pathOptions={SECTOR_STYLE} />
      ))}
      <Polygon positions={boundary} pathOptions={BOUNDARY_STYLE} />
    </>
  );
};
