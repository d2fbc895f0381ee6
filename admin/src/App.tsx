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
import broadcasts from './broadcasts/index.ts';
import broadcastTemplates from './broadcastTemplates/index.ts';
import { LazyMapPage } from './map/lazy.tsx';
import { AccountPage } from './account/AccountPage.tsx';
import { LazyStatsPage } from './stats/lazy.tsx';
import { LazyReportPrint } from './print/lazy.tsx';
import './print/lists.css';
import { reloadOnPreloadError } from './common/lazyWithReload.ts';
import members from './members/index.ts';
import { MemberImport } from './members/MemberImport.tsx';
import { ReviewQueue } from './members/ReviewQueue.tsx';
import posts from './posts/index.ts';
import bannedWords from './bannedWords/index.ts';
import outbox from './outbox/index.ts';
import { LazyMembersMapPage } from './membersMap/lazy.tsx';

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
    <Resource name="members" {...members} />
    <Resource name="relatives" recordRepresentation="full_name" />
    <Resource name="member_events" />
    <Resource name="outbox_messages" {...outbox} />
    <Resource name="posts" {...posts} />
    <Resource name="banned_words" {...bannedWords} />
    <Resource name="broadcasts" {...broadcasts} />
    <Resource name="broadcast_templates" {...broadcastTemplates} />
    <Resource name="deliveries" />
    <CustomRoutes>
      <Route path="/map" element={<LazyMapPage />} />
      <Route path="/account" element={<AccountPage />} />
      <Route path="/members/review" element={<ReviewQueue />} />
      <Route path="/members/import" element={<MemberImport />} />
      <Route path="/members-map" element={<LazyMembersMapPage />} />
      <Route path="/stats" element={<LazyStatsPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path="/reports/:id/print" element={<LazyReportPrint />} />
    </CustomRoutes>
  </Admin>
);
