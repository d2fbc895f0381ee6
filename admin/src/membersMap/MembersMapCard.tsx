import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { MembersMapView } from './MembersMapView.tsx';
import { totalMembers } from './sectorShades.ts';
import { useSectorCounts } from './useSectorCounts.ts';

/** The dashboard's card: the network's size and the sectors map, a link to the full page. */
export const MembersMapCard = () => {
  const translate = useTranslate();
  const config = useCommuneConfig();
  const { data: sectors = [] } = useSectorCounts();
  return (
    <Card component="section" aria-labelledby="members-map-card-title">
      <CardHeader
        title={translate('vigie.members_map.title')}
        slotProps={{ title: { id: 'members-map-card-title', component: 'h2', variant: 'h6' } }}
        action={<Link to="/members-map" sx={{ display: 'inline-block', p: 1 }}>{translate('vigie.members_map.open')}</Link>}
      />
      <CardContent sx={{ pt: 0, display: 'grid', gap: 1 }}>
        <Typography>{translate('vigie.members_map.total_line', { smart_count: totalMembers(sectors) })}</Typography>
        <Box>{config && <MembersMapView config={config} sectors={sectors} height={300} />}</Box>
      </CardContent>
    </Card>
  );
};
