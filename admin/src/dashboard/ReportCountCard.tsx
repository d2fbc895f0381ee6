import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import type { ReportStatus } from '@vigie/shared';

/** How many reports are in one status; the server counts (`total`), we fetch a single row. */
export const ReportCountCard = ({ status }: { status: ReportStatus }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { total, isPending } = useGetList('reports', {
    filter: { status },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'received_at', order: 'DESC' },
  });
  const label = translate(`vigie.statuses.${status}`);
  const to = `${createPath({ resource: 'reports', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ status }))}`;
  return (
    <Card sx={{ flex: '1 1 200px' }}>
      <CardActionArea component={Link} to={to}>
        <CardContent>
          <Typography component="h2" variant="subtitle1" color="text.secondary">
            {label}
          </Typography>
          <Typography component="p" variant="h3" sx={{ fontWeight: 600 }}>
            {isPending ? '…' : (total ?? 0)}
          </Typography>
          <Typography component="p" variant="body2" color="text.secondary">
            {isPending ? '\u00a0' : translate('vigie.dashboard.reports_count', { smart_count: total ?? 0 })}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
