import { Box, Card, CardContent, Link as MuiLink, List, ListItem, Typography } from '@mui/material';
import { Link, useGetIdentity, useTranslate } from 'react-admin';
import { REPORT_PRIORITIES, type ReportPriority } from '@vigie/shared';
import { useSubscribeToRecordList } from '../live/useSubscribe.ts';
import { CountCard, useCount, useFilteredListPath } from './CountCard.tsx';

const OPEN = ['new', 'acknowledged', 'in_progress'];
const MOST_URGENT_FIRST = [...REPORT_PRIORITIES].reverse() as ReportPriority[];

const PriorityLine = ({ priority }: { priority: ReportPriority }) => {
  const translate = useTranslate();
  const path = useFilteredListPath();
  const count = useCount('reports', { status: OPEN, priority });
  return (
    <ListItem disableGutters sx={{ py: 0.25, justifyContent: 'space-between' }}>
      <MuiLink component={Link} to={path('reports', { status: OPEN, priority })}>
        {translate(`vigie.priorities.${priority}`)}
      </MuiLink>
      <Typography component="span" sx={{ fontWeight: priority === 'urgent' && count ? 700 : 400, color: priority === 'urgent' && count ? 'error.main' : undefined }}>
        {count ?? '…'}
      </Typography>
    </ListItem>
  );
};

/** Open reports split by priority: one list, each line opening the reports it counts. */
const OpenByPriorityCard = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: '1 1 220px', minWidth: 0 }}>
      <CardContent>
        <Typography component="h2" variant="subtitle1" color="text.secondary">
          {translate('vigie.dashboard.open_by_priority')}
        </Typography>
        <List dense disablePadding aria-label={translate('vigie.dashboard.open_by_priority')}>
          {MOST_URGENT_FIRST.map((priority) => (
            <PriorityLine key={priority} priority={priority} />
          ))}
        </List>
      </CardContent>
    </Card>
  );
};

const UnacknowledgedCard = () => {
  const path = useFilteredListPath();
  return (
    <CountCard
      title="vigie.dashboard.unacknowledged"
      hint="vigie.dashboard.unacknowledged_hint"
      count={useCount('reports', { status: 'new' })}
      to={path('reports', { status: 'new' })}
    />
  );
};

const MineCard = () => {
  const { identity } = useGetIdentity();
  const path = useFilteredListPath();
  const filter = { status: OPEN, assigned_to: identity?.id };
  const count = useCount('reports', filter, identity?.id != null);
  if (identity?.id == null) return null;
  return <CountCard title="vigie.dashboard.mine" hint="vigie.dashboard.mine_hint" count={count} to={path('reports', filter)} />;
};

/** The police's morning: what nobody has taken yet, what is open by urgency, what is on me. */
export const PoliceCards = () => {
  // One subscription refetches every card after each burst of report events.
  useSubscribeToRecordList(undefined, 'reports');
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      <UnacknowledgedCard />
      <OpenByPriorityCard />
      <MineCard />
    </Box>
  );
};
