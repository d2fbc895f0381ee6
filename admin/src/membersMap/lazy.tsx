import { Suspense } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { lazyWithReload } from '../common/lazyWithReload.ts';

// Leaflet comes with these chunks only, as for the reports map (see map/lazy.tsx).
const MembersMapPage = lazyWithReload(() => import('./MembersMapPage.tsx').then((module) => ({ default: module.MembersMapPage })));
const MembersMapCard = lazyWithReload(() => import('./MembersMapCard.tsx').then((module) => ({ default: module.MembersMapCard })));

const Loading = ({ height }: { height: number | string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height }}>
      <CircularProgress aria-label={translate('vigie.map.loading')} />
    </Box>
  );
};

/** Every role may see it (neighbourhoods: list for all): counts per sector only. */
export const LazyMembersMapPage = () => (
  <Suspense fallback={<Loading height="60vh" />}>
    <MembersMapPage />
  </Suspense>
);

export const LazyMembersMapCard = () => (
  <Suspense fallback={<Loading height={360} />}>
    <MembersMapCard />
  </Suspense>
);
