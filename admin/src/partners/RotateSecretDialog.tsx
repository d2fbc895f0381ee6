import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/parisTime.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS, parseOverlapHours } from './partnerRules.ts';
import type { Partner } from './partnerSecret.ts';

/** Asks how long the old secret keeps verifying, before a rotation. */
export const RotateSecretDialog = ({
  partner,
  pending,
  serverError,
  onCancel,
  onConfirm,
}: {
  partner: Partner;
  pending: boolean;
  /** The server's message for `overlap_hours`, if it refused the value. */
  serverError?: string;
  onCancel: () => void;
  onConfirm: (overlapHours: number) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [text, setText] = useState(String(DEFAULT_OVERLAP_HOURS));
  const [touched, setTouched] = useState(false);
  const hours = parseOverlapHours(text);
  const error = touched && hours === null ? translate('vigie.partners.rotate.overlap_invalid') : serverError;
  const running = partner.previous_secret_expires_at;
  return (
    <Dialog open onClose={onCancel} aria-labelledby="rotate-secret-title" aria-describedby="rotate-secret-explanation" fullWidth maxWidth="sm">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // Rendered in a portal but still inside the edit form's React tree: keep the submit here.
          event.stopPropagation();
          setTouched(true);
          if (hours !== null) onConfirm(hours);
        }}
      >
        <DialogTitle id="rotate-secret-title">{translate('vigie.partners.rotate.title', { name: partner.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText id="rotate-secret-explanation" sx={{ mb: 2 }}>
            {translate('vigie.partners.rotate.explanation')}
          </DialogContentText>
          {running && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('vigie.partners.rotate.running', { date: formatDateTime(running, dateLocaleFor(locale)) })}
            </Alert>
          )}
          <TextField
            autoFocus
            required
            fullWidth
            id="rotate-overlap-hours"
            type="number"
            label={translate('vigie.partners.rotate.overlap')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => setTouched(true)}
            error={Boolean(error)}
            helperText={error ?? translate('vigie.partners.rotate.overlap_help')}
            slotProps={{ htmlInput: { min: 0, max: MAX_OVERLAP_HOURS, step: 1, inputMode: 'numeric' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={pending}>
            {translate('vigie.partners.rotate.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
