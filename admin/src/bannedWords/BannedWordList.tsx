import { CreateButton, DataTable, List, SearchInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { DeleteWordButton } from './DeleteWordButton.tsx';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { RecordLink } from '../common/RecordLink.tsx';

const Filters = () => {
  const translate = useTranslate();
  return [<SearchInput key="q" source="q" alwaysOn inputProps={{ 'aria-label': translate('ra.action.search') }} />];
};

/** Words that flag a post for moderation (never refuse it on their own): the town hall keeps the list. */
export const BannedWordList = () => (
  <List filters={Filters()} sort={{ field: 'word', order: 'ASC' }} exporter={false} actions={<TopToolbar><CreateButton /></TopToolbar>}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="word">
        <RecordLink type="edit">
          <TextField source="word" />
        </RecordLink>
      </DataTable.Col>
      <DataTable.Col source="created_at">
        <DateTimeField source="created_at" />
      </DataTable.Col>
      <DataTable.Col label="ra.action.delete">
        <DeleteWordButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
