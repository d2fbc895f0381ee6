import { SelectInput, TextInput, maxLength, required } from 'react-admin';
import { broadcastCategoryChoices } from '../broadcasts/broadcastChoices.ts';
import { SmsTextInput } from '../broadcasts/SmsTextInput.tsx';

/** The template form, shared by create and edit; placeholders in braces are filled when composing. */
export const BroadcastTemplateInputs = () => (
  <>
    <SelectInput source="category" choices={broadcastCategoryChoices} validate={required()} />
    <TextInput source="title" fullWidth validate={[required(), maxLength(120)]} helperText="vigie.broadcast_templates.placeholders_help" />
    <SmsTextInput validate={maxLength(918)} />
    <TextInput source="email_subject" fullWidth validate={maxLength(200)} />
    <TextInput source="email_body" fullWidth multiline minRows={6} validate={maxLength(10_000)} />
  </>
);

export const toTemplatePayload = ({ category, title, sms_text, email_subject, email_body }: Record<string, unknown>) => ({
  category,
  title,
  sms_text: sms_text || null,
  email_subject: email_subject || null,
  email_body: email_body || null,
});
