import { Labeled, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { YesNoField } from '../common/YesNoField.tsx';
import { ResponseTemplateTitle } from './ResponseTemplateEdit.tsx';
import { replyStatusChoices } from './responseTemplateChoices.ts';

/** What officers see: the wording they can send, read-only. */
export const ResponseTemplateShow = () => (
  <Show title={<ResponseTemplateTitle />}>
    <SimpleShowLayout>
      <SelectField source="status" choices={replyStatusChoices} />
      <TextField source="title" />
      <Labeled source="body">
        <TextField source="body" component="p" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} />
      </Labeled>
      <YesNoField source="active" />
    </SimpleShowLayout>
  </Show>
);
