import { Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { lazyWithReload } from '../common/lazyWithReload.ts';
import type { ZoneMapProps } from './ZoneMap.tsx';

// Leaflet and Geoman load with the compose form only, never with the first screen.
const ZoneMap = lazyWithReload(() => import('./ZoneMap.tsx').then((module) => ({ default: module.ZoneMap })));

export const LazyZoneMap = (props: ZoneMapProps) => {
  const translate = useTranslate();
  return (
    <Suspense
      fallback={
        <Box sx={{ display: 'grid', placeItems: 'center', height: props.height ?? 380 }}>
          <CircularProgress aria-label={translate('vigie.map.loading')} />
        </Box>
      }
    >
      <ZoneMap {...props} />
    </Suspense>
  );
};
