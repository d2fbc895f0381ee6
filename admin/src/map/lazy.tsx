import { Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { AccessDenied, CanAccess, useTranslate } from 'react-admin';
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

// A custom route has no Resource to check access: town-hall and admin accounts reaching /map by
// its address get react-admin's own « access denied » page, not a map of failed requests.
export const LazyMapPage = () => (
  <CanAccess action="list" resource="reports" loading={<Loading height="60vh" />} accessDenied={<AccessDenied />}>
    <Suspense fallback={<Loading height="60vh" />}>
      <MapPage />
    </Suspense>
  </CanAccess>
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
