import { Box, Typography } from '@mui/material';
import { DataTable, List, ReferenceField, SelectField, TextField, useRecordContext } from 'react-admin';
import type { Member } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { PhoneLink } from '../common/PhoneField.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { ChannelsField, MemberStatusField } from './MemberChips.tsx';
import { memberKindChoices, memberSourceChoices } from './memberChoices.ts';
import { useMemberFilters } from './memberFilters.tsx';
import { MemberListActions } from './MemberListActions.tsx';

export const MemberName = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Member>();
  if (!record) return null;
  return (
    <Box>
      <RecordLink type="show">
        <TextField source="full_name" emptyText="—" />
      </RecordLink>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {record.email ?? (record.phone ? <PhoneLink phone={record.phone} /> : '')}
      </Typography>
    </Box>
  );
};

export const SectorField = (_props: { label?: string; source?: string }) => (
  <ReferenceField source="neighbourhood_id" reference="neighbourhoods" link={false} emptyText="—">
    <TextField source="name" />
  </ReferenceField>
);

export const MemberList = () => {
  const filters = useMemberFilters();
  return (
    <List filters={filters} actions={<MemberListActions />} sort={{ field: 'created_at', order: 'DESC' }} exporter={false}>
      {/* Sortable columns are the API's (id, created_at, updated_at, decided_at, full_name). */}
      {/* Approving several at once is the review queue's job (with its checks in view). */}
      <DataTable<Member> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="full_name" field={MemberName} />
        <DataTable.Col source="status" field={MemberStatusField} disableSort />
        <DataTable.Col source="neighbourhood_id" field={SectorField} disableSort />
        <DataTable.Col source="channels" field={ChannelsField} disableSort />
        <DataTable.Col source="kind" disableSort>
          <SelectField source="kind" choices={memberKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="source" disableSort>
          <SelectField source="source" choices={memberSourceChoices} />
        </DataTable.Col>
        <DataTable.Col source="created_at">
          <DateTimeField source="created_at" sx={{ whiteSpace: 'nowrap' }} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
