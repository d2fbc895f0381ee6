import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Asks for the reason a report is dismissed; the reason goes into the timeline as a note. */
export const DismissDialog = ({
  open,
  pending,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="dismiss-title" fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed) onConfirm(trimmed);
        }}
      >
        <DialogTitle id="dismiss-title">{translate('vigie.report.dismiss.title')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            required
            multiline
            minRows={3}
            fullWidth
            id="dismiss-reason"
            label={translate('vigie.report.dismiss.reason')}
            helperText={translate('vigie.report.dismiss.help')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!trimmed || pending}>
            {translate('vigie.report.dismiss.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
