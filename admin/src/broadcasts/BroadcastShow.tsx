import { Box, Card, CardContent, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  Labeled,
  ReferenceManyField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
  RecordContextProvider,
  useGetOne,
} from 'react-admin';
import { useSubscribeToRecord } from '../live/useSubscribe.ts';
import { BroadcastActions } from './BroadcastActions.tsx';
import { BroadcastProgress } from './BroadcastProgress.tsx';
import { BroadcastStatusChip } from './BroadcastStatusChip.tsx';
import type { Broadcast } from './broadcastTypes.ts';
import { broadcastCategoryChoices } from './broadcastChoices.ts';
import { DeliveryList } from './DeliveryList.tsx';
import { TargetSummary } from './TargetSummary.tsx';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * Progress bars and statuses follow `broadcast:updated`: every state change is announced when it
 * commits (sent, approved, scheduled job started, cancelled, settled) and progress about twice a
 * second, all recorded for `live:resync`, so a page back from a lost connection catches up too.
 */
const LiveRecord = () => {
  useSubscribeToRecord();
  return null;
};

const FollowedBroadcast = () => {
  const record = useRecordContext<Broadcast>();
  const { data } = useGetOne<Broadcast>('broadcasts', { id: record?.follows_id ?? 0 }, { enabled: Boolean(record?.follows_id) });
  const translate = useTranslate();
  if (!data) return null;
  return (
    <Section title="vigie.broadcasts.follows">
      <RecordContextProvider value={data}>
        <Typography variant="body2">
          {translate('vigie.broadcasts.follows_text', { id: data.id, title: data.title })}
        </Typography>
      </RecordContextProvider>
    </Section>
  );
};

const BroadcastDetails = () => {
  const record = useRecordContext<Broadcast>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <LiveRecord />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
          {record.title}
        </Typography>
        <BroadcastStatusChip />
      </Box>
      <Box sx={{ mb: 2 }}>
        <BroadcastActions />
      </Box>
      <Section title="vigie.broadcasts.delivery">
        <BroadcastProgress />
      </Section>
      <Section title="vigie.broadcasts.details">
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', md: 'repeat(3, minmax(0, 1fr))' } }}>
          <Labeled source="category">
            <SelectField source="category" choices={broadcastCategoryChoices} />
          </Labeled>
          <Labeled source="target">
            <TargetSummary />
          </Labeled>
          <Labeled source="created_by_name">
            <TextField source="created_by_name" />
          </Labeled>
          <Labeled source="approved_by_name">
            <TextField source="approved_by_name" emptyText="—" />
          </Labeled>
          <Labeled source="send_at">
            <DateField source="send_at" showTime emptyText="—" />
          </Labeled>
          <Labeled source="sent_at">
            <DateField source="sent_at" showTime emptyText="—" />
          </Labeled>
        </Box>
        {record.closure && (
          <Typography variant="body2" sx={{ mt: 2 }}>
            {translate('vigie.broadcasts.closure_summary', {
              starts: new Date(record.closure.starts_at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }),
              ends: new Date(record.closure.ends_at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }),
              reopen: translate(`vigie.broadcasts.reopen.${record.closure.reopen}`),
            })}
          </Typography>
        )}
      </Section>
      <Section title="vigie.broadcasts.texts">
        {/* Labeled is inline: without the grid the SMS text and the e-mail subject run into each other. */}
        <Box sx={{ display: 'grid', gap: 2 }}>
          {record.sms_text && (
            <Labeled source="sms_text">
              <TextField source="sms_text" sx={pre} />
            </Labeled>
          )}
          {record.email_subject && (
            <Labeled source="email_subject">
              <TextField source="email_subject" />
            </Labeled>
          )}
          {record.email_body && (
            <Labeled source="email_body">
              <TextField source="email_body" sx={pre} />
            </Labeled>
          )}
        </Box>
      </Section>
      <FollowedBroadcast />
      <Section title="vigie.broadcasts.follow_ups">
        <ReferenceManyField reference="broadcasts" target="follows_id" sort={{ field: 'created_at', order: 'ASC' }} empty={<Typography variant="body2">{translate('vigie.broadcasts.no_follow_up')}</Typography>}>
          <DataTable<Broadcast> rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="title" label="resources.broadcasts.fields.title" />
            <DataTable.Col source="status" label="resources.broadcasts.fields.status">
              <BroadcastStatusChip />
            </DataTable.Col>
            <DataTable.Col source="sent_at" label="resources.broadcasts.fields.sent_at">
              <DateField source="sent_at" showTime />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </Section>
      <Section title="vigie.broadcasts.recipients">
        <DeliveryList />
      </Section>
    </Box>
  );
};

const Title = () => {
  const record = useRecordContext<Broadcast>();
  const translate = useTranslate();
  return <span>{record ? translate('vigie.broadcasts.title', { id: record.id }) : ''}</span>;
};

export const BroadcastShow = () => (
  <Show title={<Title />} actions={false}>
    <BroadcastDetails />
  </Show>
);
