import { Chip } from '@mui/material';
import { DataTable, List, SelectField, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { CHANNELS, OUTBOX_STATUSES, type OutboxMessage } from '@vigie/shared';
import { choicesOf } from '../common/choices.ts';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { ParisDateInput } from '../common/ParisDateInput.tsx';
import { RecordLink } from '../common/RecordLink.tsx';

export const outboxStatusChoices = choicesOf(OUTBOX_STATUSES, 'vigie.outbox.statuses');
export const outboxChannelChoices = choicesOf(CHANNELS, 'vigie.members.channels');

const FAILED = new Set(['failed', 'dead']);

export const OutboxStatusField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<OutboxMessage>();
  const translate = useTranslate();
  if (!record) return null;
  const sx = FAILED.has(record.status) ? { bgcolor: '#b3261e', color: '#ffffff' } : record.status === 'queued' || record.status === 'sending' ? { bgcolor: '#eef1f5', color: '#2b3440' } : { bgcolor: '#d3ecd5', color: '#1d4d21' };
  return <Chip size="small" label={translate(`vigie.outbox.statuses.${record.status}`, { _: record.status })} sx={sx} />;
};

const Subject = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<OutboxMessage>();
  const translate = useTranslate();
  if (!record) return null;
  return <RecordLink type="show">{record.subject ?? translate('vigie.outbox.sms_body')}</RecordLink>;
};

const filters = [
  <SelectInput key="channel" source="channel" choices={outboxChannelChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={outboxStatusChoices} alwaysOn />,
  <ParisDateInput key="created_at_gte" source="created_at_gte" edge="start" />,
  <ParisDateInput key="created_at_lte" source="created_at_lte" edge="end" />,
];

/** « Messages envoyés »: every e-mail and SMS, as the resident received it (reads audited by the server). */
export const OutboxList = () => (
  <List filters={filters} sort={{ field: 'created_at', order: 'DESC' }} exporter={false}>
    <DataTable<OutboxMessage> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="created_at">
        <DateTimeField source="created_at" sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="channel" disableSort>
        <SelectField source="channel" choices={outboxChannelChoices} />
      </DataTable.Col>
      <DataTable.Col source="to" disableSort>
        <TextField source="to" sx={{ overflowWrap: 'anywhere' }} />
      </DataTable.Col>
      <DataTable.Col source="subject" field={Subject} disableSort />
      <DataTable.Col source="status" field={OutboxStatusField} disableSort />
      <DataTable.Col source="sent_at">
        <DateTimeField source="sent_at" emptyText="—" sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
    </DataTable>
  </List>
);
