import { Box } from '@mui/material';
import { Labeled, NumberField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import type { OutboxMessage } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { outboxChannelChoices, OutboxStatusField } from './OutboxList.tsx';

/**
 * The body exactly as sent: preformatted text, never interpreted as HTML, so staff see what the
 * resident saw (line breaks, links as plain URLs).
 */
const Body = (_props: { label?: string }) => {
  const record = useRecordContext<OutboxMessage>();
  if (!record) return null;
  return (
    <Box component="pre" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'monospace', fontSize: '0.9rem', bgcolor: 'action.hover', p: 1.5, borderRadius: 1, m: 0 }}>
      {record.body}
    </Box>
  );
};

/** The chief reads messages but not members' records: the link is for the town hall only. */
const MemberLink = (_props: { label?: string }) => {
  const { canAccess } = useCanAccess({ action: 'show', resource: 'members' });
  if (!canAccess) return <TextField source="member_id" emptyText="—" />;
  return <ReferenceField source="member_id" reference="members" link="show" emptyText="—" />;
};

const Title = () => {
  const record = useRecordContext<OutboxMessage>();
  const translate = useTranslate();
  return <>{record ? translate('vigie.outbox.title', { id: record.id }) : ''}</>;
};

export const OutboxShow = () => (
  <Show title={<Title />}>
    <SimpleShowLayout>
      <SelectField source="channel" choices={outboxChannelChoices} />
      <TextField source="to" />
      <TextField source="subject" emptyText="—" />
      <Labeled source="body">
        <Body />
      </Labeled>
      <Labeled source="status">
        <OutboxStatusField />
      </Labeled>
      <TextField source="kind" />
      <Labeled source="member_id">
        <MemberLink />
      </Labeled>
      <DateTimeField source="created_at" />
      <DateTimeField source="sent_at" emptyText="—" />
      <NumberField source="attempts" />
      <TextField source="error" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
