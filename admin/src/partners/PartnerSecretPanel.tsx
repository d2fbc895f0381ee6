import { useState } from 'react';
import KeyIcon from '@mui/icons-material/Key';
import { Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import { useDataProvider, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { fieldErrorsOf } from '../common/fieldErrors.ts';
import { formatDateTime } from '../common/parisTime.ts';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import type { Partner } from './partnerSecret.ts';
import { RotateSecretDialog } from './RotateSecretDialog.tsx';
import { SecretDialog, type ShownSecret } from './SecretDialog.tsx';

/**
 * Beside the edit form: whether an old secret still verifies, and « Faire tourner le secret ».
 * No useCanAccess here: the edit page already required `edit`, which covers rotating. And react-admin
 * renders the aside before the record loads: a record-less `canAccess` query started there stayed
 * pending on a fresh load of the page, which then showed « Chargement » for good.
 */
export const PartnerSecretPanel = () => {
  const record = useRecordContext<Partner>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<LiveDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [shown, setShown] = useState<ShownSecret | null>(null);
  if (!record) return null;

  const rotate = async (overlapHours: number) => {
    setPending(true);
    setServerError(undefined);
    try {
      const result = await dataProvider.rotatePartnerSecret(record.id, overlapHours);
      // A 403 is reported by the auth provider and resolves without a secret: nothing to show then.
      if (!result.secret) return;
      setAsking(false);
      setShown({ ...result, reason: 'rotated' });
      notify('vigie.partners.rotate.done', { type: 'success' });
    } catch (error) {
      setServerError(fieldErrorsOf(error)?.overlap_hours);
      notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  const until = record.previous_secret_expires_at;

  return (
    <Card component="section" aria-labelledby="partner-secret-panel-title" sx={{ ml: { lg: 2 }, mt: { xs: 2, lg: 0 }, width: { lg: 340 }, flexShrink: 0 }}>
      <CardContent>
        <Typography id="partner-secret-panel-title" component="h2" variant="h6" gutterBottom>
          {translate('vigie.partners.panel.title')}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: until ? 600 : undefined }}>
          {until
            ? translate('vigie.partners.panel.overlap', { date: formatDateTime(until, dateLocaleFor(locale)) })
            : translate('vigie.partners.panel.single')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('vigie.partners.panel.explanation')}
        </Typography>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button variant="outlined" startIcon={<KeyIcon />} onClick={() => setAsking(true)}>
          {translate('vigie.partners.rotate.button')}
        </Button>
      </CardActions>
      {asking && (
        <RotateSecretDialog
          partner={record}
          pending={pending}
          serverError={serverError}
          onCancel={() => {
            setAsking(false);
            setServerError(undefined);
          }}
          onConfirm={rotate}
        />
      )}
      <SecretDialog
        shown={shown}
        onClose={() => {
          setShown(null);
          // Only now: the page picks up the new overlap date without ever holding the secret.
          refresh();
        }}
      />
    </Card>
  );
};
