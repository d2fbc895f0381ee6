import { Alert, AlertTitle, Box, Button, Link } from '@mui/material';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import type { Report } from '@vigie/shared';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { needsEmergencyGate } from './emergency.ts';
import { useTriageUpdate } from './useTriageUpdate.ts';

const FALLBACK_NUMBER = '17';

/**
 * The emergency gate: a danger may be in progress, so the first thing on screen is the number to
 * call and a one-click "forwarded to the Police nationale".
 */
export const EmergencyBanner = () => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  const config = useCommuneConfig();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'reports' });
  const { apply, isPending } = useTriageUpdate(record);
  if (!record || !needsEmergencyGate(record)) return null;
  const number = config?.emergency_number ?? FALLBACK_NUMBER;
  return (
    <Alert severity="error" variant="filled" icon={<PhoneInTalkIcon />} sx={{ '& .MuiAlert-message': { flex: 1, minWidth: 0 } }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        <Box sx={{ flex: '1 1 220px' }}>
          <AlertTitle sx={{ fontWeight: 700, mb: 0 }}>{translate('vigie.emergency.call', { number })}</AlertTitle>
          {translate('vigie.emergency.hint')}{' '}
          <Link href={`tel:${number}`} color="inherit" sx={{ fontWeight: 700 }}>
            {translate('vigie.emergency.dial', { number })}
          </Link>
        </Box>
        {canAccess && (
          <Button
            variant="contained"
            color="inherit"
            disabled={isPending}
            onClick={() => void apply({ status: 'forwarded' }, 'vigie.report.status_changed', { status: translate('vigie.statuses.forwarded') })}
            sx={{ color: 'error.dark', bgcolor: '#ffffff', fontWeight: 700 }}
          >
            {translate('vigie.emergency.forwarded')}
          </Button>
        )}
      </Box>
    </Alert>
  );
};
