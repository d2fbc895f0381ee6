import { useCallback } from 'react';
import { Box, Card, CardContent, CardHeader } from '@mui/material';
import { Link, useCreatePath, useNavigate, useTranslate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { DEFAULT_MAP_FILTERS } from './mapFilters.ts';
import { MapLegend } from './MapLegend.tsx';
import { MapView } from './MapView.tsx';
import { useMapPoints } from './useMapPoints.ts';
import { useSectors } from './useSectors.ts';

/** The dashboard's map: the last 24 hours, live; a marker opens its report, the link the full map. */
export const DashboardMapCard = () => {
  const translate = useTranslate();
  const config = useCommuneConfig();
  const sectors = useSectors();
  const points = useMapPoints(DEFAULT_MAP_FILTERS);
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const open = useCallback((id: number) => navigate(createPath({ resource: 'reports', id, type: 'show' })), [navigate, createPath]);
  return (
    <Card component="section" aria-labelledby="dashboard-map-title">
      <CardHeader
        title={translate('vigie.map.dashboard_title')}
        slotProps={{ title: { id: 'dashboard-map-title', component: 'h2', variant: 'h6' } }}
        action={<Link to="/map" sx={{ display: 'inline-block', p: 1 }}>{translate('vigie.map.open_map')}</Link>}
      />
      <CardContent sx={{ pt: 0 }}>
        <Box sx={{ height: { xs: 320, md: 380 } }}>
          {config && (
            <MapView config={config} sectors={sectors} points={points} selectedId={null} onSelect={open}>
              <MapLegend />
            </MapView>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
