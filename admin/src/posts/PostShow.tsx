import { Box, Typography } from '@mui/material';
import { Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { PostActions } from './PostActions.tsx';
import { PostFlagsField } from './PostChips.tsx';
import { postKindChoices, postStatusChoices, type Post } from './postChoices.ts';

/** Abuse reports from other members, with their words. */
const AbuseReports = (_props: { label?: string }) => {
  const record = useRecordContext<Post>();
  const translate = useTranslate();
  if (!record?.reports?.length) return <Typography variant="body2">{translate('vigie.posts.no_reports')}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {record.reports.map((report) => (
        <li key={report.id}>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {report.reason}
          </Typography>
        </li>
      ))}
    </Box>
  );
};

const PostTitle = () => {
  const record = useRecordContext<Post>();
  return <>{record?.title ?? ''}</>;
};

export const PostShow = () => (
  <Show title={<PostTitle />}>
    <SimpleShowLayout>
      <PostActions />
      <TextField source="title" />
      <TextField source="body" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} />
      <SelectField source="kind" choices={postKindChoices} />
      <SelectField source="status" choices={postStatusChoices} />
      <PostFlagsField label="resources.posts.fields.flags" />
      <TextField source="hidden_reason" emptyText="—" />
      <ReferenceField source="member_id" reference="members" link="show" />
      <DateTimeField source="created_at" />
      <DateTimeField source="decided_at" emptyText="—" />
      <TextField source="decided_by_name" emptyText="—" />
      <Labeled label="vigie.posts.abuse_reports">
        <AbuseReports />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
