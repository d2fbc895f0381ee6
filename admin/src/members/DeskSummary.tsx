import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Channel, MemberKind } from '@vigie/shared';
import { CONSENT_TEXT, CONSENT_VERSION } from '../public/consent.ts';

interface Contact {
  full_name?: string;
  relation?: string;
  email?: string;
  phone?: string;
  channels?: Channel[];
}

/** What the clerk reads out to the resident before saving: every field as it will be stored. */
export const DeskSummary = () => {
  const translate = useTranslate();
  const values = useWatch() as {
    kind?: MemberKind;
    full_name?: string;
    address?: string;
    email?: string;
    phone?: string;
    channels?: Channel[];
    registrant?: Contact;
    relatives?: Contact[];
  };
  const channels = (list?: Channel[]) => (list?.length ? list.map((c) => translate(`vigie.members.channels.${c}`)).join(', ') : '—');
  const line = (label: string, value?: string | null) => (
    <Box component="div" sx={{ display: 'contents' }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {value?.trim() ? value : '—'}
      </Typography>
    </Box>
  );
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        {line('resources.members.fields.kind', values.kind ? translate(`vigie.members.kinds.${values.kind}`) : undefined)}
        {line('resources.members.fields.full_name', values.full_name)}
        {line('resources.members.fields.address', values.address)}
        {line('resources.members.fields.email', values.email)}
        {line('resources.members.fields.phone', values.phone)}
        {line('resources.members.fields.channels', channels(values.channels))}
        {values.kind === 'on_behalf' && line('vigie.members.show.registrant', [values.registrant?.full_name, values.registrant?.relation].filter(Boolean).join(', '))}
      </Box>
      {values.kind === 'senior' &&
        (values.relatives ?? []).map((relative, index) => (
          <Box key={index}>
            <Typography component="h3" variant="subtitle2">
              {translate('vigie.members.desk.relative', { n: index + 1 })}
            </Typography>
            <Typography variant="body2">
              {[relative.full_name, relative.relation, relative.email, relative.phone].filter(Boolean).join(' · ')} — {channels(relative.channels)}
            </Typography>
          </Box>
        ))}
      <Box sx={{ bgcolor: 'action.hover', p: 1.5, borderRadius: 1 }}>
        <Typography variant="subtitle2" component="h3">
          {translate('vigie.members.desk.consent_read', { version: CONSENT_VERSION })}
        </Typography>
        <Typography variant="body2">{CONSENT_TEXT}</Typography>
      </Box>
    </Box>
  );
};
