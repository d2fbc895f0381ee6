import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, useCanAccess, useGetList, useTranslate } from 'react-admin';

/** The town hall's dashboard: how many registrations wait in the queue; the card opens it. */
export const ReviewCountCard = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'approve', resource: 'members' });
  const { total, isPending } = useGetList(
    'members',
    { filter: { status: 'pending_review' }, pagination: { page: 1, perPage: 1 }, sort: { field: 'created_at', order: 'ASC' } },
    { enabled: canAccess === true },
  );
  if (!canAccess) return null;
  return (
    <Card sx={{ flex: '1 1 200px', maxWidth: 360 }}>
      <CardActionArea component={Link} to="/members/review">
        <CardContent>
          <Typography component="h2" variant="subtitle1" color="text.secondary">
            {translate('vigie.members.queue.title')}
          </Typography>
          <Typography component="p" variant="h3" sx={{ fontWeight: 600 }}>
            {isPending ? '…' : (total ?? 0)}
          </Typography>
          <Typography component="p" variant="body2" color="text.secondary">
            {isPending ? '\u00a0' : translate('vigie.members.queue.count', { smart_count: total ?? 0 })}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
