import { Box, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Post } from './postChoices.ts';

/** Auto-flags and abuse reports as chips: what made the post land in the queue. */
export const PostFlagsField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Post>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, p: 0 }}>
      {record.flags.map((flag) => (
        <li key={flag}>
          <Chip size="small" label={translate(`vigie.posts.flags.${flag}`)} sx={{ bgcolor: '#ffe0b2', color: '#5b2a00' }} />
        </li>
      ))}
      {record.report_count > 0 && (
        <li>
          <Chip size="small" label={translate('vigie.posts.reported', { smart_count: record.report_count })} sx={{ bgcolor: '#b3261e', color: '#ffffff' }} />
        </li>
      )}
    </Box>
  );
};
