import { useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useDataProvider, useGetIdentity, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate, useCanAccess, HttpError } from 'react-admin';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import type { Broadcast } from './broadcastTypes.ts';
import { progressOf } from './progress.ts';

type Action = 'send' | 'approve' | 'cancel' | 'test' | 'retry_failed';

/** What may be done to a broadcast in its status; the server checks the same and answers 409 otherwise. */
export function availableActions(record: Broadcast, me: { id: number | string } | undefined, canApprove: boolean): Action[] {
  const actions: Action[] = [];
  if (record.status === 'draft') actions.push('test', 'send');
  if (record.status === 'pending_approval' && canApprove && me && String(me.id) !== String(record.created_by)) actions.push('approve');
  if (['draft', 'pending_approval', 'scheduled'].includes(record.status)) actions.push('cancel');
  if (['sending', 'sent'].includes(record.status) && progressOf(record).some((p) => p.failed > 0)) actions.push('retry_failed');
  return actions;
}

/** What the officer is told: a send that waits for a chief's approval, or for its time, did not go out. */
export function doneMessage(action: Action, status: Broadcast['status']): string {
  if (action === 'send' && status === 'pending_approval') return 'vigie.broadcasts.done.submitted';
  if ((action === 'send' || action === 'approve') && status === 'scheduled') return 'vigie.broadcasts.done.scheduled';
  return `vigie.broadcasts.done.${action}`;
}

const CONFIRM: Partial<Record<Action, string>> = { send: 'vigie.broadcasts.confirm_send', approve: 'vigie.broadcasts.confirm_approve', cancel: 'vigie.broadcasts.confirm_cancel' };

export const BroadcastActions = () => {
  const record = useRecordContext<Broadcast>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<LiveDataProvider>();
  const { identity } = useGetIdentity();
  const { canAccess: canApprove } = useCanAccess({ action: 'approve', resource: 'broadcasts' });
  const { canAccess: canCompose } = useCanAccess({ action: 'create', resource: 'broadcasts' });
  const [pending, setPending] = useState<Action | null>(null);
  const [confirming, setConfirming] = useState<Action | null>(null);
  if (!record || !canCompose) return null;
  const actions = availableActions(record, identity, Boolean(canApprove));

  const run = async (action: Action) => {
    setConfirming(null);
    setPending(action);
    try {
      const { data } = await dataProvider.broadcastAction(record.id, action);
      notify(doneMessage(action, data.status), { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof HttpError ? error.message : 'vigie.broadcasts.action_failed', { type: 'error' });
    } finally {
      setPending(null);
    }
  };
  const followUp = (kind: 'update' | 'end') =>
    redirect('create', 'broadcasts', undefined, undefined, {
      record: {
        follows_id: record.id,
        follow_kind: kind,
        category: record.category,
        channels: record.channels,
        title: `${translate(`vigie.broadcasts.follow_up_prefix.${kind}`)} ${record.title}`,
        sms_text: record.sms_text,
        email_subject: record.email_subject ? `${translate(`vigie.broadcasts.follow_up_prefix.${kind}`)} ${record.email_subject}` : null,
        email_body: record.email_body,
        target: record.target,
      },
    });

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {actions.map((action) => (
        <Button
          key={action}
          variant={action === 'send' || action === 'approve' ? 'contained' : 'outlined'}
          color={action === 'cancel' ? 'error' : 'primary'}
          startIcon={action === 'send' ? <SendIcon /> : undefined}
          disabled={pending !== null}
          onClick={() => (CONFIRM[action] ? setConfirming(action) : run(action))}
        >
          {translate(`vigie.broadcasts.actions.${action}`)}
        </Button>
      ))}
      {record.status === 'sent' && (
        <>
          <Button variant="outlined" onClick={() => followUp('update')}>
            {translate('vigie.broadcasts.actions.follow_up_update')}
          </Button>
          <Button variant="outlined" onClick={() => followUp('end')}>
            {translate('vigie.broadcasts.actions.follow_up_end')}
          </Button>
        </>
      )}
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} aria-labelledby="broadcast-confirm-title">
        <DialogTitle id="broadcast-confirm-title">{confirming && translate(`vigie.broadcasts.actions.${confirming}`)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{confirming && translate(CONFIRM[confirming]!, { title: record.title })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color={confirming === 'cancel' ? 'error' : 'primary'} onClick={() => confirming && run(confirming)}>
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
