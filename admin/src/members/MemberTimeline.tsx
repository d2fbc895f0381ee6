import { Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import type { MemberEvent } from '@vigie/shared';
import { Timeline, TimelineEntry } from '../common/Timeline.tsx';

/** The member's history, oldest first, inside a ReferenceManyField on `member_events`. */
export const MemberTimeline = () => {
  const { data, isPending } = useListContext<MemberEvent>();
  const translate = useTranslate();
  if (isPending) return null;
  if (!data?.length) return <Typography variant="body2">{translate('vigie.members.history.empty')}</Typography>;
  return (
    <Timeline>
      {data.map((event) => (
        <TimelineEntry
          key={event.id}
          at={event.at}
          by={event.staff_name ?? translate('vigie.members.history.resident_or_system')}
          note={event.note}
          title={
            translate(`vigie.members.history.actions.${event.action}`, { _: event.action }) +
            (event.to_status && event.from_status !== event.to_status
              ? ` (${translate(`vigie.members.statuses.${event.to_status}`, { _: event.to_status })})`
              : '')
          }
        >
          {event.reason && (
            <Typography variant="body2" component="p">
              {translate('vigie.members.history.reason', { reason: translate(`vigie.members.reasons.${event.reason}`, { _: event.reason }) })}
            </Typography>
          )}
        </TimelineEntry>
      ))}
    </Timeline>
  );
};
