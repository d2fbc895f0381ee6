import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { NewReportAlerts } from '../alerts/NewReportAlerts.tsx';
import { RefetchAfterGap } from '../live/RefetchAfterGap.tsx';
import { SessionWatcher } from '../live/SessionWatcher.tsx';
import { AppBar } from './AppBar.tsx';
import { HtmlLang } from './HtmlLang.tsx';
import { Menu } from './Menu.tsx';
import { ProgressNames } from './ProgressNames.tsx';

export const Layout = ({ children }: { children: ReactNode }) => (
  <ProgressNames>
    <RaLayout appBar={AppBar} menu={Menu} appBarAlwaysOn>
      <HtmlLang />
      <SessionWatcher />
      <RefetchAfterGap />
      <NewReportAlerts />
      {children}
    </RaLayout>
  </ProgressNames>
);
