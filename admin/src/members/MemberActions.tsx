import { useState } from 'react';
import { Box, Button } from '@mui/material';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import type { Member } from '@vigie/shared';
import { DecisionDialog } from './DecisionDialog.tsx';
import { EraseDialog } from './EraseDialog.tsx';
import { availableActions, canRequestProof, REASON_ACTIONS, type StaffAction } from './memberActions.ts';
import { ProofDialog } from './ProofDialog.tsx';
import { useMemberAction } from './useMemberAction.ts';

type Dialog = 'reject' | 'suspend' | 'ban' | 'erase' | 'proof' | null;

/**
 * The buttons a member's status allows (MEMBER_TRANSITIONS): approve and reinstate at once,
 * reject / suspend / ban with a reason, erase after typing a word, and the proof-of-address request.
 * `compact` keeps to the review queue's decisions.
 */
export const MemberActions = ({ compact = false }: { compact?: boolean }) => {
  const record = useRecordContext<Member>();
  const translate = useTranslate();
  const { canAccess: mayApprove } = useCanAccess({ action: 'approve', resource: 'members' });
  const { canAccess: mayEdit } = useCanAccess({ action: 'edit', resource: 'members' });
  const { act, requestProof, pending } = useMemberAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!record) return null;

  const allowed = availableActions(record.status).filter((action) =>
    action === 'approve' || action === 'reject' ? mayApprove : mayEdit && !compact,
  );
  const close = () => setDialog(null);
  const done = (ok: boolean) => ok && close();
  const click = (action: StaffAction) => {
    if (action === 'erase') return setDialog('erase');
    if (REASON_ACTIONS.has(action)) return setDialog(action as 'reject' | 'suspend' | 'ban');
    void act(record.id, action);
  };
  const name = record.full_name ?? translate('vigie.members.number', { id: record.id });

  return (
    <Box
      role="group"
      aria-label={translate('vigie.members.actions.label', { name })}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}
      onClick={(event) => event.stopPropagation()}
    >
      {allowed.map((action) => (
        <Button
          key={action}
          size={compact ? 'small' : 'medium'}
          variant={action === 'approve' || action === 'reinstate' ? 'contained' : 'outlined'}
          color={action === 'ban' || action === 'erase' ? 'error' : 'primary'}
          disabled={pending}
          onClick={() => click(action)}
          aria-label={compact ? translate(`vigie.members.actions.${action}_named`, { name }) : undefined}
        >
          {translate(`vigie.members.actions.${action}`)}
        </Button>
      ))}
      {mayApprove && canRequestProof(record.status) && (
        <Button size={compact ? 'small' : 'medium'} variant="text" disabled={pending} onClick={() => setDialog('proof')}
          aria-label={compact ? translate('vigie.members.actions.request_proof_named', { name }) : undefined}>
          {translate('vigie.members.actions.request_proof')}
        </Button>
      )}
      {(dialog === 'reject' || dialog === 'suspend' || dialog === 'ban') && (
        <DecisionDialog action={dialog} open pending={pending} onCancel={close} onConfirm={(decision) => void act(record.id, dialog, decision).then(done)} />
      )}
      {dialog === 'erase' && <EraseDialog open pending={pending} name={name} onCancel={close} onConfirm={() => void act(record.id, 'erase').then(done)} />}
      {dialog === 'proof' && <ProofDialog open pending={pending} onCancel={close} onConfirm={(note) => void requestProof(record.id, note).then(done)} />}
    </Box>
  );
};
