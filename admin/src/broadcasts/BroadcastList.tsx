import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, DateField, List, SelectField, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { useSubscribeToRecordList } from '../live/useSubscribe.ts';
import type { Broadcast } from './broadcastTypes.ts';
import { broadcastCategoryChoices, broadcastStatusChoices } from './broadcastChoices.ts';
import { BroadcastProgress } from './BroadcastProgress.tsx';
import { BroadcastStatusChip } from './BroadcastStatusChip.tsx';

const filters = [
  <SelectInput key="status" source="status" choices={broadcastStatusChoices} alwaysOn />,
  <SelectInput key="category" source="category" choices={broadcastCategoryChoices} alwaysOn />,
];

/** Status and delivery progress follow `broadcast:updated` without a reload. */
const LiveRefresh = () => {
  useSubscribeToRecordList();
  return null;
};

/** Instead of react-admin's « Voulez-vous en créer un ? »: the same words as the toolbar's button (which the town hall does not get). */
const NoBroadcast = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3, display: 'grid', gap: 2, justifyItems: 'start' }}>
      <Typography role="status">{translate('vigie.broadcasts.empty')}</Typography>
      <CreateButton variant="contained" label="vigie.broadcasts.new" />
    </Box>
  );
};

export const BroadcastList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      sort={{ field: 'created_at', order: 'DESC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton label="vigie.broadcasts.new" />
        </TopToolbar>
      }
      title={translate('resources.broadcasts.name', { smart_count: 2 })}
      empty={<NoBroadcast />}
    >
      <LiveRefresh />
      <DataTable<Broadcast> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title">
          <TextField source="title" sx={{ overflowWrap: 'anywhere' }} />
        </DataTable.Col>
        <DataTable.Col source="category">
          <SelectField source="category" choices={broadcastCategoryChoices} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <BroadcastStatusChip />
        </DataTable.Col>
        <DataTable.Col label="vigie.broadcasts.progress_column" disableSort>
          <BroadcastProgress compact />
        </DataTable.Col>
        <DataTable.Col source="created_by_name" disableSort />
        <DataTable.Col source="sent_at">
          <DateField source="sent_at" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
