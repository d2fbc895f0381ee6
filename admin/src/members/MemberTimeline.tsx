import { Box, Typography } from '@mui/material';
import { useListContext, useLocaleState, useTranslate } from 'react-admin';
import type { MemberEvent } from '@vigie/shared';
import { formatDateTime } from '../common/parisTime.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';

/** The member's history, oldest first, inside a ReferenceManyField on `member_events`. */
export const MemberTimeline = () => {
  const { data, isPending } = useListContext<MemberEvent>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (isPending) return null;
  if (!data?.length) return <Typography variant="body2">{translate('vigie.members.history.empty')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {data.map((event) => (
        <Box component="li" key={event.id} sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 1.5, pb: 1.5 }}>
          <Typography variant="body2" color="text.secondary" component="p">
            <time dateTime={event.at}>{formatDateTime(event.at, dateLocaleFor(locale))}</time>
            {' · '}
            {translate('vigie.timeline.by', { name: event.staff_name ?? translate('vigie.members.history.resident_or_system') })}
          </Typography>
          <Typography variant="body1" component="p" sx={{ fontWeight: 500 }}>
            {translate(`vigie.members.history.actions.${event.action}`, { _: event.action })}
            {event.to_status && event.from_status !== event.to_status
              ? ` (${translate(`vigie.members.statuses.${event.to_status}`, { _: event.to_status })})`
              : ''}
          </Typography>
          {event.reason && (
            <Typography variant="body2" component="p">
              {translate('vigie.members.history.reason', { reason: translate(`vigie.members.reasons.${event.reason}`, { _: event.reason }) })}
            </Typography>
          )}
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
