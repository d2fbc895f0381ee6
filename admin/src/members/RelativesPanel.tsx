import { Box, Chip, Typography } from '@mui/material';
import { PhoneLink } from '../common/PhoneField.tsx';
import { useListContext, useTranslate } from 'react-admin';
import type { Relative } from '@vigie/shared';
import { RecordContextProvider } from 'react-admin';
import { ChannelsField } from './MemberChips.tsx';

/** A senior's relatives, each with their contacts and whether they confirmed them yet. */
export const RelativesPanel = () => {
  const { data, isPending } = useListContext<Relative>();
  const translate = useTranslate();
  if (isPending) return null;
  if (!data?.length) return <Typography variant="body2">{translate('vigie.members.relatives.empty')}</Typography>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
      {data.map((relative) => (
        <Box component="li" key={relative.id} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {relative.full_name ?? '—'}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {relative.relation}
            </Typography>
            <Chip
              size="small"
              label={translate(relative.confirmed_at ? 'vigie.members.relatives.confirmed' : 'vigie.members.relatives.unconfirmed')}
              sx={relative.confirmed_at ? { bgcolor: '#d3ecd5', color: '#1d4d21' } : { bgcolor: '#ffe0b2', color: '#5b2a00' }}
            />
          </Box>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {relative.email}
            {relative.email && relative.phone ? ' · ' : null}
            {relative.phone ? <PhoneLink phone={relative.phone} /> : null}
          </Typography>
          <RecordContextProvider value={relative}>
            <ChannelsField />
          </RecordContextProvider>
        </Box>
      ))}
    </Box>
  );
};
