import { Admin, Resource } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard.tsx';
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

export const App = () => (
  <Admin
    title="Vigie"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="reports" {...reports} />
    <Resource name="report_events" />
    <Resource name="neighbourhoods" {...neighbourhoods} />
    <Resource name="staff" {...staff} />
    <Resource name="audit_log" {...auditLog} />
  </Admin>
);
