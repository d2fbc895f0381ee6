import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { MembersMapView } from './MembersMapView.tsx';
import { SectorCountsTable } from './SectorCountsTable.tsx';
import { useSectorCounts } from './useSectorCounts.ts';

/** « Carte des membres »: for every role, how many members each sector has — never where they live. */
export const MembersMapPage = () => {
  const translate = useTranslate();
  const config = useCommuneConfig();
  const { data: sectors = [] } = useSectorCounts();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="vigie.members_map.title" />
      <Card>
        <CardContent sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 1fr)' } }}>
          <Box sx={{ gridColumn: '1 / -1' }}>
            <Typography component="h2" variant="h6">{translate('vigie.members_map.title')}</Typography>
            <Typography variant="body2" color="text.secondary">{translate('vigie.members_map.privacy')}</Typography>
          </Box>
          {config && <MembersMapView config={config} sectors={sectors} height="65vh" />}
          <SectorCountsTable sectors={sectors} />
        </CardContent>
      </Card>
    </Box>
  );
};
