import { Labeled, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { broadcastCategoryChoices } from '../broadcasts/broadcastChoices.ts';

const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** What officers see: the wording they can start from, read-only. */
export const BroadcastTemplateShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="category" choices={broadcastCategoryChoices} />
      <TextField source="title" />
      <Labeled source="sms_text">
        <TextField source="sms_text" component="p" sx={pre} />
      </Labeled>
      <TextField source="email_subject" />
      <Labeled source="email_body">
        <TextField source="email_body" component="p" sx={pre} />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
