import { Alert } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { useGetLockLive } from '../live/useLock.ts';
import { joinNames, otherViewers } from './presence.ts';

/** « Julien Marchand consulte ce signalement »: so that two officers do not act on the same alert. */
export const PresenceNotice = ({ reportId }: { reportId: number | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const others = otherViewers(useGetLockLive('reports', { id: reportId }), identity?.id);
  return (
    <div role="status" aria-live="polite">
      {others.length > 0 && (
        <Alert severity="info" icon={<VisibilityIcon fontSize="inherit" />} sx={{ py: 0 }}>
          {translate('vigie.presence.viewing', { smart_count: others.length, names: joinNames(others, locale) })}
        </Alert>
      )}
    </div>
  );
};
