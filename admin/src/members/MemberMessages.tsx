import { Box, Typography } from '@mui/material';
import { Link, useCreatePath, useListContext, useLocaleState, useTranslate } from 'react-admin';
import type { OutboxMessage } from '@vigie/shared';
import { formatDateTime } from '../common/parisTime.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';

/** What Vigie sent to this member (inside a ReferenceManyField on `outbox_messages`), newest first. */
export const MemberMessages = () => {
  const { data, isPending } = useListContext<OutboxMessage>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  if (isPending) return null;
  if (!data?.length) return <Typography variant="body2">{translate('vigie.members.messages.empty')}</Typography>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
      {data.map((message) => (
        <li key={message.id}>
          <Link to={createPath({ resource: 'outbox_messages', id: message.id, type: 'show' })}>
            {message.subject ?? translate(`vigie.members.channels.${message.channel}`)}
          </Link>
          <Typography variant="body2" color="text.secondary" component="p">
            {translate(`vigie.members.channels.${message.channel}`)} · {message.to} · {formatDateTime(message.created_at, dateLocaleFor(locale))} ·{' '}
            {translate(`vigie.outbox.statuses.${message.status}`, { _: message.status })}
          </Typography>
        </li>
      ))}
    </Box>
  );
};
