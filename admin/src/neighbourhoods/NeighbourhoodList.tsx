import { Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { lazyWithReload } from '../common/lazyWithReload.ts';

// Leaflet and Geoman load with this chunk only, never with the first screen.
const SectorsEditor = lazyWithReload(() => import('./SectorsEditor.tsx').then((module) => ({ default: module.SectorsEditor })));

const Loading = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '60vh' }}>
      <CircularProgress aria-label={translate('vigie.map.loading')} />
    </Box>
  );
};

/** The sectors' list is their map: every role sees it; supervisors and admins draw on it. */
export const NeighbourhoodList = () => (
  <Suspense fallback={<Loading />}>
    <SectorsEditor />
  </Suspense>
);
