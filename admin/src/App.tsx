import { Admin, CustomRoutes, Resource, reactRouterProvider } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { AppLoading } from './layout/AppLoading.tsx';
import { Layout } from './layout/Layout.tsx';
import { theme } from './layout/theme.ts';
import { LoginPage } from './login/LoginPage.tsx';
import { authProvider } from './providers/authProvider.ts';
import { dataProvider } from './providers/dataProvider.ts';
import { i18nProvider } from './providers/i18nProvider.ts';
import reports from './reports/index.ts';
import neighbourhoods from './neighbourhoods/index.ts';
import staff from './staff/index.ts';
import auditLog from './auditLog/index.ts';
import responseTemplates from './responseTemplates/index.ts';
import partners from './partners/index.ts';
import { LazyMapPage } from './map/lazy.tsx';
import { LazyStatsPage } from './stats/lazy.tsx';
import { LazyReportPrint } from './print/lazy.tsx';
import './print/lists.css';
import { reloadOnPreloadError } from './common/lazyWithReload.ts';

// react-admin's own router adapter: no direct dependency on react-router for one <Route>.
const { Route } = reactRouterProvider;

// After a deploy, a dynamic import of a chunk that no longer exists reloads the page once.
reloadOnPreloadError();

export const App = () => (
  <Admin
    title="Vigie"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    loading={AppLoading}
    loginPage={LoginPage}
    dashboard={Dashboard}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="reports" {...reports} />
    <Resource name="report_events" />
    <Resource name="response_templates" {...responseTemplates} />
    <Resource name="officers" recordRepresentation="full_name" />
    <Resource name="neighbourhoods" {...neighbourhoods} />
    <Resource name="staff" {...staff} />
    <Resource name="audit_log" {...auditLog} />
    <Resource name="partners" {...partners} />
    <CustomRoutes>
      <Route path="/map" element={<LazyMapPage />} />
      <Route path="/stats" element={<LazyStatsPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path="/reports/:id/print" element={<LazyReportPrint />} />
    </CustomRoutes>
  </Admin>
);
