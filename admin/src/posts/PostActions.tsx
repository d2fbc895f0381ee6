import { useId, useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useCanAccess, useDataProvider, useDelete, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import { postDecisions, type Post } from './postChoices.ts';

const HideDialog = ({ open, pending, onCancel, onConfirm }: { open: boolean; pending: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) => {
  const translate = useTranslate();
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={`${id}-title`} fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onConfirm(reason.trim());
        }}
      >
        <DialogTitle id={`${id}-title`}>{translate('vigie.posts.hide.title')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            required
            multiline
            minRows={2}
            fullWidth
            id={`${id}-reason`}
            label={translate('vigie.posts.hide.reason')}
            helperText={translate('vigie.posts.hide.help')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!reason.trim() || pending}>
            {translate('vigie.posts.actions.hide')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/** Approve, hide with a reason, or delete (kept as `deleted`, the partner is told); pessimistic. */
export const PostActions = () => {
  const record = useRecordContext<Post>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<LiveDataProvider>();
  const [deleteOne] = useDelete();
  const { canAccess: mayEdit } = useCanAccess({ action: 'edit', resource: 'posts' });
  const { canAccess: mayDelete } = useCanAccess({ action: 'delete', resource: 'posts' });
  const [dialog, setDialog] = useState<'hide' | 'delete' | null>(null);
  const [pending, setPending] = useState(false);
  if (!record) return null;
  const allowed = postDecisions(record.status);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setPending(true);
    try {
      await work();
      notify(done, { type: 'success' });
      setDialog(null);
      refresh();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Box role="group" aria-label={translate('vigie.posts.actions.label', { title: record.title })} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} onClick={(event) => event.stopPropagation()}>
      {mayEdit && allowed.approve && (
        <Button size="small" variant="contained" disabled={pending} onClick={() => run(() => dataProvider.approvePost(record.id), 'vigie.posts.done.approve')}>
          {translate('vigie.posts.actions.approve')}
        </Button>
      )}
      {mayEdit && allowed.hide && (
        <Button size="small" variant="outlined" disabled={pending} onClick={() => setDialog('hide')}>
          {translate('vigie.posts.actions.hide')}
        </Button>
      )}
      {mayDelete && allowed.remove && (
        <Button size="small" variant="outlined" color="error" disabled={pending} onClick={() => setDialog('delete')}>
          {translate('ra.action.delete')}
        </Button>
      )}
      {dialog === 'hide' && (
        <HideDialog open pending={pending} onCancel={() => setDialog(null)} onConfirm={(reason) => run(() => dataProvider.hidePost(record.id, reason), 'vigie.posts.done.hide')} />
      )}
      {dialog === 'delete' && (
        <Dialog open onClose={() => setDialog(null)} aria-labelledby="post-delete-title">
          <DialogTitle id="post-delete-title">{translate('vigie.posts.delete_confirm', { title: record.title })}</DialogTitle>
          <DialogActions>
            <Button onClick={() => setDialog(null)}>{translate('ra.action.cancel')}</Button>
            <Button
              variant="contained"
              color="error"
              disabled={pending}
              onClick={() => run(() => deleteOne('posts', { id: record.id, previousData: record }, { mutationMode: 'pessimistic', returnPromise: true }), 'vigie.posts.done.delete')}
            >
              {translate('ra.action.delete')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
};
