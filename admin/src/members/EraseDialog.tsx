import { useId, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * RGPD erasure cannot be undone: the clerk types a word (EFFACER) before the button wakes up, so
 * a stray click or Enter never erases anyone.
 */
export const EraseDialog = ({ open, pending, name, onCancel, onConfirm }: { open: boolean; pending: boolean; name: string; onCancel: () => void; onConfirm: () => void }) => {
  const translate = useTranslate();
  const id = useId();
  const [typed, setTyped] = useState('');
  const word = translate('vigie.members.erase.word');
  const armed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (armed) onConfirm();
        }}
      >
        <DialogTitle id={`${id}-title`}>{translate('vigie.members.erase.title', { name })}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <DialogContentText id={`${id}-text`}>{translate('vigie.members.erase.text')}</DialogContentText>
          <TextField
            autoFocus
            id={`${id}-word`}
            label={translate('vigie.members.erase.type', { word })}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" color="error" disabled={!armed || pending}>
            {translate('vigie.members.actions.erase')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
