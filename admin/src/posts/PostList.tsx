import { Box, Typography } from '@mui/material';
import { DataTable, List, SearchInput, SelectField, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { PostActions } from './PostActions.tsx';
import { PostFlagsField } from './PostChips.tsx';
import { postFlagChoices, postKindChoices, postStatusChoices, type Post } from './postChoices.ts';

const clamp2 = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' } as const;

/** Title over the start of the body; members' text is rendered as text, never as HTML. */
const PostSummary = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Post>();
  if (!record) return null;
  return (
    <Box sx={{ maxWidth: 420 }}>
      <RecordLink type="show">
        <TextField source="title" />
      </RecordLink>
      <Typography variant="body2" color="text.secondary" sx={clamp2}>
        {record.body}
      </Typography>
    </Box>
  );
};

const usePostFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn inputProps={{ 'aria-label': translate('ra.action.search') }} />,
    <SelectInput key="status" source="status" choices={postStatusChoices} alwaysOn />,
    <SelectInput key="kind" source="kind" choices={postKindChoices} />,
    <SelectInput key="flag" source="flag" choices={postFlagChoices} label="vigie.posts.flag" />,
  ];
};

/** « Annonces »: the moderation queue, pending posts first by default, oldest first. */
export const PostList = () => (
  <List filters={usePostFilters()} filterDefaultValues={{ status: 'pending' }} sort={{ field: 'created_at', order: 'ASC' }} exporter={false}>
    <DataTable<Post> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" field={PostSummary} disableSort />
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={postKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="member_name" disableSort />
      <DataTable.Col source="flags" field={PostFlagsField} disableSort />
      <DataTable.Col source="status">
        <SelectField source="status" choices={postStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="created_at">
        <DateTimeField source="created_at" sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col label="vigie.posts.decision" field={PostActions} />
    </DataTable>
  </List>
);
