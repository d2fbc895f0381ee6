import { Suspense } from 'react';
import { AccessDenied, CanAccess, Loading } from 'react-admin';
import { lazyWithReload } from '../common/lazyWithReload.ts';

const ReportPrint = lazyWithReload(() => import('./ReportPrint.tsx').then((module) => ({ default: module.ReportPrint })));

/** `/reports/:id/print`, outside the layout: no menus on paper. Same access as the report itself. */
export const LazyReportPrint = () => (
  <CanAccess action="show" resource="reports" accessDenied={<AccessDenied />}>
    <Suspense fallback={<Loading />}>
      <ReportPrint />
    </Suspense>
  </CanAccess>
);
