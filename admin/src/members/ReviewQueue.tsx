import { Box, Typography } from '@mui/material';
import { AccessDenied, CanAccess, DataTable, List, SearchInput, SelectField, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { Member } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { MemberActions } from './MemberActions.tsx';
import { MemberCheckChips } from './MemberCheckChips.tsx';
import { memberKindChoices, memberSourceChoices } from './memberChoices.ts';
import { MemberName } from './MemberList.tsx';
import { QueueSelectionBar, SelectMemberCheckbox } from './QueueSelection.tsx';

const Received = (_props: { label?: string; source?: string }) => (
  <Box>
    <DateTimeField source="created_at" sx={{ whiteSpace: 'nowrap', display: 'block' }} />
    <SelectField source="source" choices={memberSourceChoices} sx={{ color: 'text.secondary' }} />
  </Box>
);

const Who = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Member>();
  if (!record) return null;
  return (
    <Box sx={{ maxWidth: 280 }}>
      <MemberName />
      <TextField source="address" sx={{ display: 'block', overflowWrap: 'anywhere' }} />
      {record.kind !== 'self' && <SelectField source="kind" choices={memberKindChoices} sx={{ color: 'text.secondary' }} />}
    </Box>
  );
};

const EmptyText = () => <>{useTranslate()('vigie.members.queue.empty')}</>;

// 50 registrations on a Monday morning: the clerk with a resident on the phone finds theirs by name.
const QueueSearch = (props: { source: string; alwaysOn: boolean }) => (
  <SearchInput {...props} inputProps={{ 'aria-label': useTranslate()('vigie.members.search') }} />
);

const Decide = (_props: { label?: string }) => <MemberActions compact />;

/**
 * « Inscriptions à valider »: confirmed registrations waiting for the town hall, oldest first, each
 * with its automatic checks and its decisions; several approved at once from the selection.
 */
export const ReviewQueue = () => (
  <CanAccess action="approve" resource="members" accessDenied={<AccessDenied />}>
    <List
      resource="members"
      storeKey="members.review"
      title="vigie.members.queue.title"
      filter={{ status: 'pending_review' }}
      sort={{ field: 'created_at', order: 'ASC' }}
      exporter={false}
      filters={[<QueueSearch key="q" source="q" alwaysOn />]}
      actions={<QueueSelectionBar />}
      empty={
        <Typography sx={{ p: 3 }} role="status">
          <EmptyText />
        </Typography>
      }
    >
      <DataTable<Member> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col label="vigie.members.queue.selected" field={SelectMemberCheckbox} />
        <DataTable.Col source="full_name" field={Who} />
        <DataTable.Col source="created_at" label="vigie.members.queue.received" field={Received} />
        <DataTable.Col label="vigie.members.queue.checks" field={MemberCheckChips} />
        <DataTable.Col label="vigie.members.queue.decision" field={Decide} />
      </DataTable>
    </List>
  </CanAccess>
);
