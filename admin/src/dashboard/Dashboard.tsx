import { Box } from '@mui/material';
import { Title, useCanAccess } from 'react-admin';
import { useSubscribeToRecordList } from '../live/useSubscribe.ts';
import { LazyDashboardMapCard } from '../map/lazy.tsx';
import { LazyMembersMapCard } from '../membersMap/lazy.tsx';
import { ReviewCountCard } from '../members/ReviewCountCard.tsx';
import { ReportCountCard } from './ReportCountCard.tsx';
import { WelcomeCard } from './WelcomeCard.tsx';

const TRIAGE_STATUSES = ['new', 'acknowledged', 'in_progress'] as const;

/** Live counts: one subscription for the three cards, refetching them after each burst of events. */
const LiveCounts = () => {
  useSubscribeToRecordList(undefined, 'reports');
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      {TRIAGE_STATUSES.map((status) => (
        <ReportCountCard key={status} status={status} />
      ))}
    </Box>
  );
};

export const Dashboard = () => {
  const { canAccess: seesReports } = useCanAccess({ action: 'list', resource: 'reports' });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 2 }}>
      <Title title="ra.page.dashboard" />
      {seesReports && <LiveCounts />}
      <ReviewCountCard />
      {seesReports && <LazyDashboardMapCard />}
      {/* The police dashboard keeps one live map; the members map is one menu entry away. */}
      {!seesReports && <LazyMembersMapCard />}
      <WelcomeCard />
    </Box>
  );
};
