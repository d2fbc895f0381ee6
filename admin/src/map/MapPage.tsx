import { useCallback, useState } from 'react';
import { Box, Paper, Typography, useMediaQuery, type Theme } from '@mui/material';
import { Title, useStore, useTranslate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { DEFAULT_MAP_FILTERS, sanitizeFilters, type MapFilters } from './mapFilters.ts';
import { MapFiltersBar } from './MapFiltersBar.tsx';
import { MapLegend } from './MapLegend.tsx';
import { MapView, type Viewport } from './MapView.tsx';
import { ReportSidePanel } from './ReportSidePanel.tsx';
import { useMapPoints } from './useMapPoints.ts';
import { useSectors } from './useSectors.ts';
import { ViewportList } from './ViewportList.tsx';

/**
 * « Carte »: the live map full height, filters above, and beside it either the list of the
 * reports in view or the report opened from it. On tablets the column goes under the map.
 */
export const MapPage = () => {
  const translate = useTranslate();
  const config = useCommuneConfig();
  const sectors = useSectors();
  const [stored, setStored] = useStore<MapFilters>('vigie.map.filters', DEFAULT_MAP_FILTERS);
  const filters = sanitizeFilters(stored);
  const points = useMapPoints(filters);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const stacked = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const onViewportChange = useCallback((next: Viewport) => setViewport(next), []);
  const close = () => {
    const id = selectedId;
    setSelectedId(null);
    // Back to the row that opened the panel, for keyboard users.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-report-id="${id}"]`)?.focus());
  };
  return (
    // `contain: inline-size`: the list's one-line rows (nowrap + ellipsis) must not widen the
    // layout to their full text when the column sits under the map on narrow screens.
    <Box sx={{ display: 'flex', flexDirection: 'column', height: { xs: 'auto', md: 'calc(100dvh - 56px)' }, minHeight: 0, mt: { xs: 1, md: 0 }, contain: 'inline-size' }}>
      <Title title={translate('vigie.map.title')} />
      <MapFiltersBar
        filters={filters}
        onChange={setStored}
        sectors={sectors}
        count={points.status === 'loading' ? null : points.store.size}
        truncated={points.store.truncated}
      />
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: stacked ? 'column' : 'row', gap: 1, px: { xs: 0, sm: 1 }, pb: 1 }}>
        <Paper variant="outlined" sx={{ flex: stacked ? 'none' : 1, minWidth: 0, height: stacked ? '55vh' : 'auto', overflow: 'hidden' }}>
          {config ? (
            <MapView config={config} sectors={sectors} points={points} selectedId={selectedId} onSelect={setSelectedId} onViewportChange={onViewportChange}>
              <MapLegend />
            </MapView>
          ) : (
            <Typography sx={{ p: 2 }}>{translate('ra.page.loading')}</Typography>
          )}
        </Paper>
        <Paper
          variant="outlined"
          sx={{ width: stacked ? 'auto' : { md: 340, lg: 400 }, flexShrink: 0, minHeight: stacked ? 360 : 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}
        >
          {selectedId !== null ? (
            <ReportSidePanel key={selectedId} id={selectedId} onClose={close} />
          ) : (
            <ViewportList points={points} viewport={viewport} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </Paper>
      </Box>
    </Box>
  );
};
