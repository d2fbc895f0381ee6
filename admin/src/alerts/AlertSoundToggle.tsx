import { IconButton, Tooltip } from '@mui/material';
import VolumeOffIcon from '@mui/icons-material/VolumeOff';
import VolumeUpIcon from '@mui/icons-material/VolumeUp';
import { useCanAccess, useTranslate } from 'react-admin';
import { useAlertsMuted } from './useAlertsMuted.ts';

/** App bar switch for the ring of new urgent and high reports; a toggle button, so its name stays put. */
export const AlertSoundToggle = () => {
  const translate = useTranslate();
  const [muted, setMuted] = useAlertsMuted();
  const { canAccess } = useCanAccess({ action: 'subscribe', resource: 'reports' });
  if (!canAccess) return null;
  return (
    <Tooltip title={translate(muted ? 'vigie.alerts.sound_off' : 'vigie.alerts.sound_on')} describeChild>
      <IconButton color="inherit" aria-label={translate('vigie.alerts.sound')} aria-pressed={!muted} onClick={() => setMuted(!muted)}>
        {muted ? <VolumeOffIcon /> : <VolumeUpIcon />}
      </IconButton>
    </Tooltip>
  );
};
