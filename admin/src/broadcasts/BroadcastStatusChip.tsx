import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Broadcast, BroadcastStatus } from './broadcastTypes.ts';

const COLOURS: Record<BroadcastStatus, 'default' | 'warning' | 'info' | 'primary' | 'success' | 'error'> = {
  draft: 'default',
  pending_approval: 'warning',
  scheduled: 'info',
  sending: 'primary',
  sent: 'success',
  cancelled: 'default',
};

export const BroadcastStatusChip = (_props: { label?: string }) => {
  const record = useRecordContext<Broadcast>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={COLOURS[record.status]} label={translate(`vigie.broadcast_statuses.${record.status}`)} />;
};
