import { Suspense } from 'react';
import { AccessDenied, CanAccess, Loading } from 'react-admin';
import { lazyWithReload } from '../common/lazyWithReload.ts';

const StatsPage = lazyWithReload(() => import('./StatsPage.tsx').then((module) => ({ default: module.StatsPage })));

/** The « Statistiques » route: police and town hall (which gets sector counts only), others are refused. */
export const LazyStatsPage = () => (
  <CanAccess action="list" resource="stats" accessDenied={<AccessDenied />}>
    <Suspense fallback={<Loading />}>
      <StatsPage />
    </Suspense>
  </CanAccess>
);
