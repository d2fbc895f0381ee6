import MapIcon from '@mui/icons-material/Map';
import { MembersMapItem, ReviewQueueItem } from '../members/MenuItems.tsx';
import StatsIcon from '@mui/icons-material/BarChart';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/** « Carte »: for those who may list reports (the map is a view of them, not a resource). */
const MapItem = () => {
  const { canAccess } = useCanAccess({ action: 'list', resource: 'reports' });
  return canAccess ? <RaMenu.Item to="/map" primaryText="vigie.map.menu" leftIcon={<MapIcon />} /> : null;
};

/** « Statistiques »: police, and the town hall for its sector counts. */
const StatsItem = () => {
  const { canAccess } = useCanAccess({ action: 'list', resource: 'stats' });
  return canAccess ? <RaMenu.Item to="/stats" primaryText="vigie.stats.menu" leftIcon={<StatsIcon />} /> : null;
};

/** Each resource item checks `canAccess({ action: 'list', resource })` and hides itself when refused. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <MapItem />
    <RaMenu.ResourceItem name="reports" />
    <RaMenu.ResourceItem name="broadcasts" />
    <StatsItem />
    <RaMenu.ResourceItem name="response_templates" />
    <RaMenu.ResourceItem name="broadcast_templates" />
    <RaMenu.ResourceItem name="neighbourhoods" />
    <RaMenu.ResourceItem name="staff" />
    <RaMenu.ResourceItem name="audit_log" />
    <RaMenu.ResourceItem name="partners" />
    <ReviewQueueItem />
    <RaMenu.ResourceItem name="members" />
    <RaMenu.ResourceItem name="posts" />
    <RaMenu.ResourceItem name="banned_words" />
    <RaMenu.ResourceItem name="outbox_messages" />
    <MembersMapItem />
  </RaMenu>
);
