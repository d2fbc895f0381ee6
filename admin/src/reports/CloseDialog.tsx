import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * « Marquer comme résolu » and « Transmettre à la Police nationale » take the report out of the
 * queue: asked once more, and forwarding asks for the Police nationale's reference (kept on the report).
 */
export const CloseDialog = ({
  status,
  pending,
  onCancel,
  onConfirm,
}: {
  status: 'resolved' | 'forwarded' | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (reference: string | null) => void;
}) => {
  const translate = useTranslate();
  const [reference, setReference] = useState('');
  const kind = status ?? 'resolved';
  return (
    <Dialog open={status !== null} onClose={onCancel} aria-labelledby="close-title" aria-describedby="close-text" fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(kind === 'forwarded' ? reference.trim() || null : null);
        }}
      >
        <DialogTitle id="close-title">{translate(`vigie.report.close.${kind}_title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText id="close-text" sx={{ mb: 2 }}>
            {translate(`vigie.report.close.${kind}_text`)}
          </DialogContentText>
          {kind === 'forwarded' && (
            <TextField
              autoFocus
              fullWidth
              id="close-reference"
              label={translate('vigie.report.close.reference')}
              helperText={translate('vigie.report.close.reference_help')}
              value={reference}
              onChange={(event) => setReference(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={pending}>
            {translate(`vigie.report.close.${kind}_confirm`)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
