import { Box } from '@mui/material';
import { Title, useCanAccess } from 'react-admin';
import { LazyDashboardMapCard } from '../map/lazy.tsx';
import { LazyMembersMapCard } from '../membersMap/lazy.tsx';
import { PoliceCards } from './PoliceCards.tsx';
import { TownHallCards } from './TownHallCards.tsx';
import { WelcomeCard } from './WelcomeCard.tsx';

/** Small cards first (what needs doing this morning, for this role), then the map and the desk. */
export const Dashboard = () => {
  const { canAccess: seesReports } = useCanAccess({ action: 'list', resource: 'reports' });
  const { canAccess: reviewsMembers } = useCanAccess({ action: 'approve', resource: 'members' });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 2 }}>
      <Title title="ra.page.dashboard" />
      {seesReports && <PoliceCards />}
      {reviewsMembers && <TownHallCards />}
      {seesReports && <LazyDashboardMapCard />}
      {/* The police dashboard keeps one live map; the members map is one menu entry away. */}
      {!seesReports && <LazyMembersMapCard />}
      <WelcomeCard />
    </Box>
  );
};
