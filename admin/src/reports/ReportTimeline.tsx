import { Typography } from '@mui/material';
import { useGetList, useListContext, useRecordContext, useTranslate } from 'react-admin';
import type { ReportEvent } from '@vigie/shared';
import { Timeline, TimelineEntry } from '../common/Timeline.tsx';
import { useSubscribeToRecord } from '../live/useSubscribe.ts';
import { eventValue } from './timeline.ts';

/** The report's history, oldest first, inside a ReferenceManyField on `report_events`. */
export const ReportTimeline = () => {
  const { data, isPending, refetch } = useListContext<ReportEvent>();
  const report = useRecordContext();
  const translate = useTranslate();
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
    <Timeline>
      {data.map((event) => (
        <TimelineEntry
          key={event.id}
          at={event.at}
          by={event.staff_name ?? translate('vigie.timeline.system')}
          note={event.note}
          title={translate(`vigie.timeline.${event.action}`, {
            _: event.action,
            from: value(event.action, event.from_value),
            to: value(event.action, event.to_value),
          })}
        />
      ))}
    </Timeline>
  );
};
