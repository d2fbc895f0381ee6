import { useId, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** « Demander un justificatif »: the resident gets a message; the clerk may add a line to it. */
export const ProofDialog = ({ open, pending, onCancel, onConfirm }: { open: boolean; pending: boolean; onCancel: () => void; onConfirm: (note?: string) => void }) => {
  const translate = useTranslate();
  const id = useId();
  const [note, setNote] = useState('');
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(note.trim() || undefined);
        }}
      >
        <DialogTitle id={`${id}-title`}>{translate('vigie.members.proof.title')}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <DialogContentText id={`${id}-text`}>{translate('vigie.members.proof.text')}</DialogContentText>
          <TextField
            multiline
            minRows={2}
            autoFocus
            id={`${id}-note`}
            label={translate('vigie.members.proof.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={pending}>
            {translate('vigie.members.actions.request_proof')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
