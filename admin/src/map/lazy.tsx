import { Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { lazyWithReload } from '../common/lazyWithReload.ts';
import type { PointPickerProps } from './PointPicker.tsx';

// Leaflet, react-leaflet and supercluster load with these chunks only, never with the first screen;
// a chunk gone after a deploy reloads the page once rather than leaving an error.
const MapPage = lazyWithReload(() => import('./MapPage.tsx').then((module) => ({ default: module.MapPage })));
const DashboardMapCard = lazyWithReload(() => import('./DashboardMapCard.tsx').then((module) => ({ default: module.DashboardMapCard })));
const PointPicker = lazyWithReload(() => import('./PointPicker.tsx').then((module) => ({ default: module.PointPicker })));

const Loading = ({ height }: { height?: number | string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: height ?? 200 }}>
      <CircularProgress aria-label={translate('vigie.map.loading')} />
    </Box>
  );
};

export const LazyMapPage = () => (
  <Suspense fallback={<Loading height="60vh" />}>
    <MapPage />
  </Suspense>
);

export const LazyDashboardMapCard = () => (
  <Suspense fallback={<Loading height={380} />}>
    <DashboardMapCard />
  </Suspense>
);

export const LazyPointPicker = (props: PointPickerProps) => (
  <Suspense fallback={<Loading height={props.height} />}>
    <PointPicker {...props} />
  </Suspense>
);
