import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { formatDateTime } from './parisTime.ts';

/** A history, oldest first, as an ordered list (reports' and members' timelines look alike on purpose). */
export const Timeline = ({ children }: { children: ReactNode }) => (
  <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
    {children}
  </Box>
);

interface TimelineEntryProps {
  at: string;
  /** Who did it, already named (a staff member, « Système », « Résident ou système »). */
  by: string;
  title: ReactNode;
  /** Free text someone typed: shown as text, line breaks kept, never as markup. */
  note?: string | null;
  children?: ReactNode;
}

/** One event: when and by whom, what happened, then its details and note. */
export const TimelineEntry = ({ at, by, title, note, children }: TimelineEntryProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box component="li" sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 1.5, pb: 1.5 }}>
      <Typography variant="body2" color="text.secondary" component="p">
        <time dateTime={at}>{formatDateTime(at, dateLocaleFor(locale))}</time>
        {' · '}
        {translate('vigie.timeline.by', { name: by })}
      </Typography>
      <Typography variant="body1" component="p" sx={{ fontWeight: 500 }}>
        {title}
      </Typography>
      {children}
      {note && (
        <Typography variant="body2" component="p" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {note}
        </Typography>
      )}
    </Box>
  );
};
