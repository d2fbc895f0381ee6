import { Box, Typography } from '@mui/material';
import { useGetList, useListContext, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { ReportEvent } from '@vigie/shared';
import { formatDateTime } from '../common/parisTime.ts';
import { useSubscribeToRecord } from '../live/useSubscribe.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { eventValue } from './timeline.ts';

/** The report's history, oldest first, inside a ReferenceManyField on `report_events`. */
export const ReportTimeline = () => {
  const { data, isPending, refetch } = useListContext<ReportEvent>();
  const report = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: officers } = useGetList<{ id: number; full_name: string }>('officers', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'full_name', order: 'ASC' },
  });
  const officerNames = new Map((officers ?? []).map((officer) => [String(officer.id), officer.full_name]));
  // Inside ReferenceManyField the resource is report_events: name the report's topic explicitly.
  useSubscribeToRecord(() => void refetch(), 'reports', report?.id);
  if (isPending) return null;
  if (!data?.length) {
    return <Typography variant="body2">{translate('vigie.report.no_events')}</Typography>;
  }
  const value = (action: ReportEvent['action'], raw: string | null) => eventValue(action, raw, translate, officerNames);
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {data.map((event) => (
        <Box component="li" key={event.id} sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 1.5, pb: 1.5 }}>
          <Typography variant="body2" color="text.secondary" component="p">
            <time dateTime={event.at}>{formatDateTime(event.at, dateLocaleFor(locale))}</time>
            {' · '}
            {translate('vigie.timeline.by', { name: event.staff_name ?? translate('vigie.timeline.system') })}
          </Typography>
          <Typography variant="body1" component="p" sx={{ fontWeight: 500 }}>
            {translate(`vigie.timeline.${event.action}`, {
              _: event.action,
              from: value(event.action, event.from_value),
              to: value(event.action, event.to_value),
            })}
          </Typography>
          {event.note && (
            <Typography variant="body2" component="p" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {event.note}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
};
