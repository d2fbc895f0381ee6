import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReportStatus } from '@vigie/shared';

/** A supervisor reopens a closed report: back to which step, and why (kept on the timeline). */
export const ReopenDialog = ({
  open,
  targets,
  pending,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  targets: readonly ReportStatus[];
  pending: boolean;
  onCancel: () => void;
  onConfirm: (status: ReportStatus, reason: string) => void;
}) => {
  const translate = useTranslate();
  const [target, setTarget] = useState<ReportStatus | null>(null);
  const [reason, setReason] = useState('');
  const status = target ?? targets[0] ?? null;
  const trimmed = reason.trim();
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="reopen-title" fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (status && trimmed) onConfirm(status, trimmed);
        }}
      >
        <DialogTitle id="reopen-title">{translate('vigie.report.reopen.title')}</DialogTitle>
        <DialogContent>
          <RadioGroup aria-label={translate('vigie.report.reopen.target')} value={status ?? ''} onChange={(event) => setTarget(event.target.value as ReportStatus)}>
            {targets.map((option) => (
              <FormControlLabel key={option} value={option} control={<Radio />} label={translate(`vigie.statuses.${option}`)} />
            ))}
          </RadioGroup>
          <TextField
            required
            multiline
            minRows={3}
            fullWidth
            id="reopen-reason"
            label={translate('vigie.report.reopen.reason')}
            helperText={translate('vigie.report.reopen.help')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!trimmed || !status || pending}>
            {translate('vigie.report.reopen.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
