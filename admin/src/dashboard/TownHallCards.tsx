import { Box } from '@mui/material';
import { useCanAccess } from 'react-admin';
import { ReviewCountCard } from '../members/ReviewCountCard.tsx';
import { CountCard, useCount, useFilteredListPath } from './CountCard.tsx';

const PostsToModerateCard = () => {
  const path = useFilteredListPath();
  const count = useCount('posts', { status: 'pending' });
  return <CountCard title="vigie.dashboard.posts_pending" hint="vigie.dashboard.posts_pending_hint" count={count} to={path('posts', { status: 'pending' })} />;
};

/** The town hall's morning: registrations and posts waiting for a decision. */
export const TownHallCards = () => {
  const { canAccess: moderates } = useCanAccess({ action: 'edit', resource: 'posts' });
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      <ReviewCountCard />
      {moderates && <PostsToModerateCard />}
    </Box>
  );
};
