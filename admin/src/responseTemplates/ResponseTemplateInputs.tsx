import { BooleanInput, SelectInput, TextInput, maxLength, required } from 'react-admin';
import { replyStatusChoices } from './responseTemplateChoices.ts';

/** The template form, shared by create and edit; the server's 400 messages land beside the fields. */
export const ResponseTemplateInputs = () => (
  <>
    <SelectInput source="status" choices={replyStatusChoices} validate={required()} helperText="vigie.templates.status_help" />
    <TextInput source="title" validate={[required(), maxLength(100)]} />
    <TextInput
      source="body"
      multiline
      minRows={4}
      fullWidth
      validate={[required(), maxLength(1000)]}
      helperText="vigie.templates.body_help"
    />
    <BooleanInput source="active" helperText="vigie.templates.active_help" />
  </>
);
