import { Chip } from '@mui/material';
import {
  DataTable,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Staff } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { roleChoices } from './staffChoices.ts';

const AccountState = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Staff>();
  const translate = useTranslate();
  if (!record) return null;
  return record.disabled ? (
    <Chip size="small" label={translate('vigie.staff.disabled')} sx={{ bgcolor: '#e4e4e4', color: '#333333' }} />
  ) : (
    <Chip size="small" label={translate('vigie.staff.active')} sx={{ bgcolor: '#d3ecd5', color: '#1d4d21' }} />
  );
};

const SearchFilter = (_props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput source="q" inputProps={{ 'aria-label': translate('ra.action.search') }} />;
};

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
];

export const StaffList = () => (
  <List sort={{ field: 'full_name', order: 'ASC' }} filters={filters} exporter={false}>
    <DataTable<Staff> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="full_name">
        <RecordLink type="edit">
          <TextField source="full_name" />
        </RecordLink>
      </DataTable.Col>
      <DataTable.Col source="email" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="disabled" label="vigie.staff.state" field={AccountState} />
      <DataTable.Col source="last_sign_in_at">
        <DateTimeField source="last_sign_in_at" emptyText="vigie.staff.never" />
      </DataTable.Col>
    </DataTable>
  </List>
);
