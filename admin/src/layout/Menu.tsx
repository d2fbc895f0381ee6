import { Menu as RaMenu } from 'react-admin';

/** Each item checks `canAccess({ action: 'list', resource })` and hides itself when refused. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <RaMenu.ResourceItem name="reports" />
    <RaMenu.ResourceItem name="neighbourhoods" />
    <RaMenu.ResourceItem name="staff" />
    <RaMenu.ResourceItem name="audit_log" />
  </RaMenu>
);
