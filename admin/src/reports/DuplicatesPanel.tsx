import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Box, Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import LinkIcon from '@mui/icons-material/Link';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import {
  Link,
  useCanAccess,
  useCreatePath,
  useDataProvider,
  useGetList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Report } from '@vigie/shared';
import { formatDateTime } from '../common/parisTime.ts';
import { useSubscribeToRecord } from '../live/useSubscribe.ts';
import type { LiveDataProvider, PossibleDuplicate } from '../providers/dataProvider.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { StatusChip } from './ReportChips.tsx';
import { incidentView, minutesBetween } from './duplicates.ts';

/** Possible duplicates of the current report, refetched when it changes (a link, an unlink). */
function useDuplicates(id: number | undefined) {
  const dataProvider = useDataProvider<LiveDataProvider>();
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  const [version, setVersion] = useState(0);
  const refetch = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (id === undefined) return;
    let mounted = true;
    dataProvider.getDuplicates(id).then(
      ({ data }) => mounted && setDuplicates(data),
      () => mounted && setDuplicates([]),
    );
    return () => {
      mounted = false;
    };
  }, [dataProvider, id, version]);
  useSubscribeToRecord(refetch, 'reports', id);
  return { duplicates, refetch };
}

const ReportCard = ({ report, extra, action }: { report: Report; extra?: string; action?: ReactNode }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  return (
    <Card variant="outlined" component="li" sx={{ display: 'flex', flexDirection: 'column', listStyle: 'none' }}>
      <CardContent sx={{ flex: 1, display: 'grid', gap: 0.75, alignContent: 'start', pb: 1 }}>
        <Typography component="h3" variant="subtitle2" sx={{ fontWeight: 700 }}>
          <Link to={createPath({ resource: 'reports', id: report.id, type: 'show' })}>
            {translate('vigie.report.number', { id: report.id })}
          </Link>{' '}
          · {translate(`vigie.categories.${report.category}`, { _: report.category })}
        </Typography>
        <Box sx={{ justifySelf: 'start' }}>
          <StatusChip status={report.status} />
        </Box>
        <Typography variant="body2" color="text.secondary">
          <time dateTime={report.received_at}>{formatDateTime(report.received_at, dateLocaleFor(locale))}</time>
          {extra ? ` · ${extra}` : ''}
        </Typography>
        <Typography
          variant="body2"
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        >
          {report.description}
        </Typography>
      </CardContent>
      {action && <CardActions sx={{ pt: 0 }}>{action}</CardActions>}
    </Card>
  );
};

const cardGrid = {
  display: 'grid',
  gap: 1.5,
  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
  m: 0,
  p: 0,
} as const;

/**
 * Reports of the same category within 200 m and 30 minutes, side by side, each with « Rattacher »;
 * and, once linked, the incident's members with « Détacher ». Each report keeps its own history.
 * `titled`: a heading above already says « Doublons possibles », so an empty list needs no other.
 */
export const DuplicatesPanel = ({ titled = false }: { titled?: boolean }) => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LiveDataProvider>();
  const createPath = useCreatePath();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'reports' });
  const { duplicates: nearby, refetch } = useDuplicates(record?.id);
  const primaryId = record ? (record.incident_id ?? record.id) : undefined;
  const { data: followers = [], refetch: refetchIncident } = useGetList<Report>(
    'reports',
    { filter: { incident_id: primaryId }, pagination: { page: 1, perPage: 50 }, sort: { field: 'received_at', order: 'ASC' } },
    { enabled: primaryId !== undefined, retry: false },
  );
  const [pending, setPending] = useState(false);
  if (!record) return null;

  const run = (action: () => Promise<unknown>, message: string) => {
    setPending(true);
    action()
      .then(() => notify(message, { type: 'success' }))
      .catch((error: Error) => notify(error?.message || 'ra.notification.http_error', { type: 'error' }))
      .finally(() => {
        setPending(false);
        refetch();
        void refetchIncident();
      });
  };
  const link = (id: number) => run(() => dataProvider.linkReports(record.id, [id]), 'vigie.duplicates.linked');
  const unlink = (id: number) => run(() => dataProvider.unlinkReport(id), 'vigie.duplicates.unlinked');
  const { primary, members, size, candidates: duplicates } = incidentView(record, followers, nearby);
  const headed = duplicates.length > 0 || !titled;
  const inIncident = (report: Report) => report.id === primary || report.incident_id === primary;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {record.incident_id !== null && canEdit && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
          <Typography variant="body2">
            {translate('vigie.duplicates.member_of')}{' '}
            <Link to={createPath({ resource: 'reports', id: record.incident_id, type: 'show' })}>
              {translate('vigie.report.number', { id: record.incident_id })}
            </Link>
          </Typography>
          <Button size="small" startIcon={<LinkOffIcon />} disabled={pending} onClick={() => unlink(record.id)}>
            {translate('vigie.duplicates.unlink_self')}
          </Button>
        </Box>
      )}
      {members.length > 0 && (
        <Box component="section" aria-labelledby={`incident-${record.id}`}>
          <Typography id={`incident-${record.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('vigie.duplicates.incident', { id: primary, smart_count: size })}
          </Typography>
          <Box component="ul" sx={cardGrid}>
            {members.map((report) => (
              <ReportCard
                key={report.id}
                report={report}
                action={
                  canEdit && (
                    <Button size="small" startIcon={<LinkOffIcon />} disabled={pending} onClick={() => unlink(report.id)}>
                      {translate('vigie.duplicates.unlink')}
                    </Button>
                  )
                }
              />
            ))}
          </Box>
        </Box>
      )}
      <Box component="section" aria-labelledby={headed ? `duplicates-${record.id}` : undefined}>
        {headed && (
          <Typography id={`duplicates-${record.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {duplicates.length ? translate('vigie.duplicates.title', { smart_count: duplicates.length }) : translate('vigie.duplicates.section')}
          </Typography>
        )}
        {duplicates.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('vigie.duplicates.none')}
          </Typography>
        ) : (
          <Box component="ul" sx={cardGrid}>
            {duplicates.map((report) => {
              const minutes = minutesBetween(record.received_at, report.received_at);
              const when =
                minutes === 0
                  ? translate('vigie.duplicates.same_minute')
                  : translate(minutes < 0 ? 'vigie.duplicates.before' : 'vigie.duplicates.after', { smart_count: Math.abs(minutes) });
              const extra = `${translate('vigie.duplicates.distance', { distance: report.distance_m })} · ${when}`;
              return (
                <ReportCard
                  key={report.id}
                  report={report}
                  extra={extra}
                  action={
                    canEdit &&
                    (report.id === primary ? (
                      <Typography variant="body2" color="text.secondary" sx={{ px: 1 }}>
                        {translate('vigie.duplicates.is_primary')}
                      </Typography>
                    ) : inIncident(report) ? (
                      <Button size="small" startIcon={<LinkOffIcon />} disabled={pending} onClick={() => unlink(report.id)}>
                        {translate('vigie.duplicates.unlink')}
                      </Button>
                    ) : (
                      <Button size="small" startIcon={<LinkIcon />} disabled={pending} onClick={() => link(report.id)}>
                        {translate('vigie.duplicates.link')}
                      </Button>
                    ))
                  }
                />
              );
            })}
          </Box>
        )}
      </Box>
    </Box>
  );
};
