import { useState } from 'react';
import { IconButton, Tooltip } from '@mui/material';
import NotificationsOffIcon from '@mui/icons-material/NotificationsOff';
import { useCanAccess, useTranslate } from 'react-admin';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * Browsers only grant notifications on a user gesture: this button asks, and disappears once the
 * officer has answered (either way; a refusal is changed in the browser's own settings).
 */
export const NotificationPermissionButton = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'subscribe', resource: 'reports' });
  const [permission, setPermission] = useState(() => (supported() ? Notification.permission : 'denied'));
  if (!canAccess || permission !== 'default') return null;
  const label = translate('vigie.alerts.enable_notifications');
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" aria-label={label} onClick={() => void Notification.requestPermission().then(setPermission)}>
        <NotificationsOffIcon />
      </IconButton>
    </Tooltip>
  );
};
