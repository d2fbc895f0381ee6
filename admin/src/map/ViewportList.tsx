import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Box, Button, List, ListItem, ListItemButton, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useGetIdentity, useGetMany, useLocaleState, useTranslate, type Identifier } from 'react-admin';
import type { Report, Viewer } from '@vigie/shared';
import { formatShortTime } from '../common/parisTime.ts';
import { useGetLocksLive } from '../live/useLock.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { needsEmergencyGate } from '../reports/emergency.ts';
import { otherViewers } from '../reports/presence.ts';
import type { Viewport } from './MapView.tsx';
import { ShapeIcon } from './ShapeIcon.tsx';
import type { PointStore } from './pointStore.ts';
import type { MapPoints } from './useMapPoints.ts';
import { visuallyHidden } from '../common/visuallyHidden.ts';

const PAGE = 50;

interface RowProps {
  store: PointStore;
  /** The store changes in place: its version tells a row to redraw. */
  version: number;
  row: number;
  record: Report | undefined;
  /** Everyone who has the report open, as the lock map holds it (a stable reference). */
  lock: Viewer[] | undefined;
  selfId: Identifier | undefined;
  selected: boolean;
  onSelect: (id: number) => void;
}

// Memoized so that a render of the list with unchanged (deferred) inputs costs nothing.
const Row = memo(({ store, row, record, lock, selfId, selected, onSelect }: RowProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const viewers = otherViewers(lock ?? [], selfId);
  const id = store.id[row]!;
  const status = store.status[row]!;
  const category = store.category[row]!;
  const priority = store.priority[row]!;
  const emergency = needsEmergencyGate({ emergency: record?.emergency ?? false, priority, status });
  const place = record?.address || record?.description;
  return (
    <ListItem disablePadding sx={{ borderLeft: 4, borderColor: emergency ? 'error.main' : 'transparent' }}>
      <ListItemButton
        selected={selected}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(id)}
        data-report-id={id}
        sx={{ alignItems: 'flex-start', gap: 1, py: 0.75, bgcolor: emergency ? '#fdecea' : undefined }}
      >
        <Box sx={{ pt: 0.25 }}>
          <ShapeIcon category={category} status={status} />
        </Box>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography component="span" variant="body2" sx={{ display: 'block', fontWeight: 600 }}>
            {translate('vigie.report.number', { id })} · {translate(`vigie.categories.${category}`)}
          </Typography>
          <Typography component="span" variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
            {translate(`vigie.statuses.${status}`)} · {formatShortTime(store.receivedAt[row]!, dateLocaleFor(locale))}
            {priority === 'urgent' || priority === 'high' ? ` · ${translate(`vigie.priorities.${priority}`)}` : ''}
          </Typography>
          {emergency && (
            <Typography component="span" variant="caption" sx={{ display: 'block', color: 'error.dark', fontWeight: 700 }}>
              {translate('vigie.emergency.short')}
            </Typography>
          )}
          {place && (
            <Typography component="span" variant="caption" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {place}
            </Typography>
          )}
        </Box>
        {viewers.length > 0 && (
          <Box
            component="span"
            title={viewers.map((viewer) => viewer.full_name).join(', ')}
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, color: 'primary.main', fontSize: '0.75rem', fontWeight: 600 }}
          >
            <VisibilityIcon sx={{ fontSize: 16 }} aria-hidden />
            <Box component="span" sx={visuallyHidden}>
              {translate('vigie.presence.viewing', { smart_count: viewers.length, names: viewers.map((viewer) => viewer.full_name).join(', ') })}
            </Box>
            <span aria-hidden>{viewers.length}</span>
          </Box>
        )}
      </ListItemButton>
    </ListItem>
  );
});

/**
 * The reports inside the map's viewport, newest first, following moves and filters. The first
 * rows are drawn (« n de plus… » offers the next ones); their text comes from one getMany.
 */
export const ViewportList = ({
  points,
  viewport,
  selectedId,
  onSelect,
}: {
  points: MapPoints;
  viewport: Viewport | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
}) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [shown, setShown] = useState(PAGE);
  const { records } = points;
  // The list may lag the map: a full load or a move redraws the markers (and builds the cluster
  // index) first, and the rows — a scan and sort of every point — follow in a background render.
  // Rows index the store they were computed from, so the rows below read that same store.
  const store = useDeferredValue(points.store);
  const version = useDeferredValue(points.version);
  const deferredViewport = useDeferredValue(viewport);
  const rows = useMemo(() => (deferredViewport ? store.rowsWithin(deferredViewport) : []), [store, version, deferredViewport]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setShown(PAGE), [deferredViewport, store]);
  const visible = rows.slice(0, shown);
  const ids = visible.map((row) => store.id[row]!);
  const { data: fetched = [] } = useGetMany<Report>('reports', { ids }, { enabled: ids.length > 0, placeholderData: (previous) => previous });
  const byId = useMemo(() => new Map(fetched.map((record) => [record.id, record])), [fetched]);
  const locks = useGetLocksLive('reports');
  const more = rows.length - visible.length;
  return (
    <Box component="section" aria-labelledby="map-list-title" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Typography id="map-list-title" component="h2" variant="subtitle1" sx={{ fontWeight: 600, px: 2, pt: 1 }}>
        {translate('vigie.map.in_view', { smart_count: rows.length })}
      </Typography>
      <List dense aria-labelledby="map-list-title" sx={{ overflowY: 'auto', flex: 1, minHeight: 0, py: 0 }}>
        {visible.map((row) => {
          const id = store.id[row]!;
          return (
            <Row
              key={id}
              store={store}
              version={version}
              row={row}
              record={records.get(id) ?? byId.get(id)}
              lock={locks.get(id)}
              selfId={identity?.id}
              selected={id === selectedId}
              onSelect={onSelect}
            />
          );
        })}
        {more > 0 && (
          <ListItem sx={{ justifyContent: 'center' }}>
            <Button onClick={() => setShown(shown + PAGE)}>{translate('vigie.map.more', { smart_count: more })}</Button>
          </ListItem>
        )}
      </List>
      {rows.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
          {translate('vigie.map.none_in_view')}
        </Typography>
      )}
    </Box>
  );
};
