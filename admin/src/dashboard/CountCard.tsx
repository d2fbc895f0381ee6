import type { ReactNode } from 'react';
import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';

/** The list screen of `resource` with `filter` applied, as react-admin reads it from the URL. */
export const useFilteredListPath = () => {
  const createPath = useCreatePath();
  return (resource: string, filter: Record<string, unknown>) =>
    `${createPath({ resource, type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
};

/** How many records match; the server counts (`total`) and one row is fetched. */
export const useCount = (resource: string, filter: Record<string, unknown>, enabled = true) => {
  const { total, isPending } = useGetList(resource, { filter, pagination: { page: 1, perPage: 1 } }, { enabled });
  return isPending ? null : (total ?? 0);
};

/**
 * One figure that opens the matching list. The number is said once; the line under it says what
 * to do about it, not the number again.
 */
export const CountCard = ({ title, count, hint, to, children }: { title: string; count: number | null; hint: string; to: string; children?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: '1 1 220px', minWidth: 0 }}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
        <CardContent>
          <Typography component="h2" variant="subtitle1" color="text.secondary">
            {translate(title)}
          </Typography>
          <Typography component="p" variant="h3" sx={{ fontWeight: 600 }}>
            {count ?? '…'}
          </Typography>
          <Typography component="p" variant="body2" color="text.secondary">
            {translate(hint)}
          </Typography>
          {children}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
