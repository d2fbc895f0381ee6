import { useId, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { MEMBER_DECISION_REASONS, type MemberDecisionReason } from '@vigie/shared';

interface Props {
  /** `reject`, `suspend` or `ban`: names the title, the explanation and the button. */
  action: 'reject' | 'suspend' | 'ban';
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (decision: { reason: MemberDecisionReason; note?: string }) => void;
}

/** Reason from the shared list plus optional words; for a rejection the resident reads them. */
export const DecisionDialog = ({ action, open, pending, onCancel, onConfirm }: Props) => {
  const translate = useTranslate();
  const id = useId();
  const [reason, setReason] = useState<MemberDecisionReason | ''>('');
  const [note, setNote] = useState('');
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason) onConfirm(note.trim() ? { reason, note: note.trim() } : { reason });
        }}
      >
        <DialogTitle id={`${id}-title`}>{translate(`vigie.members.decision.${action}.title`)}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <DialogContentText id={`${id}-text`}>{translate(`vigie.members.decision.${action}.text`)}</DialogContentText>
          <TextField
            select
            required
            autoFocus
            id={`${id}-reason`}
            label={translate('vigie.members.decision.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value as MemberDecisionReason)}
          >
            {MEMBER_DECISION_REASONS.map((value) => (
              <MenuItem key={value} value={value}>
                {translate(`vigie.members.reasons.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            multiline
            minRows={3}
            id={`${id}-note`}
            label={translate('vigie.members.decision.note')}
            helperText={translate(action === 'reject' ? 'vigie.members.decision.note_told' : 'vigie.members.decision.note_internal')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" color={action === 'reject' ? 'primary' : 'error'} disabled={!reason || pending}>
            {translate(`vigie.members.actions.${action}`)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
