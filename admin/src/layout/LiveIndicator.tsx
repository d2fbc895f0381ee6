import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLiveStatus } from '../live/useLiveStatus.ts';
import type { LiveStatus } from '../live/createLiveClient.ts';

const LABEL: Record<LiveStatus, 'online' | 'reconnecting' | 'offline'> = {
  online: 'online',
  connecting: 'reconnecting',
  reconnecting: 'reconnecting',
  offline: 'offline',
  idle: 'offline',
};

// Dot colours sit on the dark app bar; the text itself stays white, so colour is never the only cue.
const DOT: Record<'online' | 'reconnecting' | 'offline', string> = {
  online: '#5ee07a',
  reconnecting: '#ffc857',
  offline: '#c4c9d1',
};

export const LiveIndicator = () => {
  const translate = useTranslate();
  const state = LABEL[useLiveStatus()];
  const text = translate(`vigie.live.${state}`);
  return (
    <Box
      role="status"
      aria-live="polite"
      aria-label={translate('vigie.live.status', { status: text })}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, px: 1, fontSize: '0.875rem', whiteSpace: 'nowrap' }}
    >
      <Box
        component="span"
        aria-hidden
        sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: DOT[state], flexShrink: 0 }}
      />
      <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
        {text}
      </Box>
    </Box>
  );
};
